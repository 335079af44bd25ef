package org.parkatlas.sheet;

import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.proximity.Proximity;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Puts a parcel's sheet together from the layers, through their feature sources (so internal attributes stay in). */
@Service
public class Sheets {

    private final FeatureSources sources;
    private final Proximity proximity;

    Sheets(FeatureSources sources, Proximity proximity) {
        this.sources = sources;
        this.proximity = proximity;
    }

    /** The sheet of the parcel with this id, or else this code (a permalink names the code); empty if neither. */
    public Optional<ParcelSheet> of(String idOrCode, ReadContext context) {
        Optional<Feature> parcel = sources.of(ParkLayer.PARCELS).get(idOrCode, context)
                .or(() -> byCode(ParkLayer.PARCELS, idOrCode, context));
        return parcel.map(p -> new ParcelSheet(p, byCode(ParkLayer.ZONES, text(p, "zone"), context).orElse(null),
                byCode(ParkLayer.INDUSTRIAL_PARKS, text(p, "industrial_park"), context).orElse(null),
                sources.of(ParkLayer.FACTORY_BUILDINGS).query(FeatureQuery.filtered(Filter.compare("parcel_code",
                        Filter.Operator.EQ, text(p, "code"))), context).features(),
                proximity.nearest(p.geometry()), context.day()));
    }

    private Optional<Feature> byCode(ParkLayer layer, String code, ReadContext context) {
        if (code == null) {
            return Optional.empty();
        }
        List<Feature> found = sources.of(layer).query(FeatureQuery.filtered(Filter.compare("code", Filter.Operator.EQ,
                code)).page(0, 1), context).features();
        return found.stream().findFirst();
    }

    private static String text(Feature feature, String name) {
        Object value = feature.property(name);
        return value == null ? null : value.toString();
    }
}
