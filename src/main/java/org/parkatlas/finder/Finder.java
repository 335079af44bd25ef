package org.parkatlas.finder;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.Limits;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.FilterBinder;
import org.parkatlas.feature.filter.cql2.Cql2Text;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a finder's criteria: their CQL2 text through the CQL2 parser and binder, then the parcels' feature source —
 * the path every filter takes — in one pass that counts the matches, adds up their mu and keeps the page asked for.
 */
@Service
public class Finder {

    private final FeatureSource parcels;
    private final Limits limits;

    Finder(FeatureSources sources, Limits limits) {
        this.parcels = sources.of(ParkLayer.PARCELS);
        this.limits = limits;
    }

    /** What a search found: how many parcels and mu in all, the filter it ran, and one page of parcels. */
    public record Found(long count, double totalMu, String filter, LocalDate asOf, List<Feature> parcels) {
    }

    public Found find(FinderCriteria criteria, LocalDate asOf, Audience audience, long offset, int limit) {
        return find(criteria, asOf, audience, null, offset, limit);
    }

    /** The same search inside a what-if scenario (null: the park as planned), by its readiness. */
    public Found find(FinderCriteria criteria, LocalDate asOf, Audience audience, String scenario, long offset,
                      int limit) {
        String cql2 = criteria.toCql2();
        Filter filter = new FilterBinder(parcels.layer(), Crs.CRS84, audience)
                .bind(Cql2Text.parse(cql2, limits.maxFilterDepth()));
        // "needs gas by mid-2027": the items are judged on the ready-by day when one is given
        LocalDate day = criteria.readyBy() != null && !criteria.needs().isEmpty() ? criteria.readyBy() : asOf;
        ReadContext context = new ReadContext(day, audience, scenario);
        List<Feature> page = new ArrayList<>();
        FeatureSource.Tally tally = parcels.summarize(new FeatureQuery(filter, null, criteria.sort(), offset, limit),
                "area_mu", context, page::add);
        return new Found(tally.count(), Math.round(tally.sum() * 100) / 100.0, cql2, context.day(), page);
    }
}
