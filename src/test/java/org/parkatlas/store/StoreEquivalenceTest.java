package org.parkatlas.store;

import org.parkatlas.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.parkatlas.RequiresPostgis;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.SortKey;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Operator;
import org.locationtech.jts.geom.Envelope;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Ganting sample loaded into both stores answers every query shape identically: same ids, same order,
 * same attribute values, same geometries to the bit, same counts and bounds.
 */
@RequiresPostgis
class StoreEquivalenceTest {

    private static final Catalog CATALOG = Catalog.standard();
    private static FeatureStore h2gis;
    private static FeatureStore postgis;

    @BeforeAll
    static void loadTheSampleIntoBoth() throws Exception {
        Map<Layer, List<Feature>> content = new LinkedHashMap<>();
        for (Layer layer : CATALOG.layers()) {
            content.put(layer, SampleData.of(layer));
        }
        h2gis = StoreFixture.h2gis().store;
        postgis = StoreFixture.postgis().store;
        h2gis.replace(content);
        postgis.replace(content);
    }

    @Test
    void everyLayerPageByPage() {
        for (Layer layer : CATALOG.layers()) {
            for (int offset = 0; offset < 1100; offset += 97) {
                same(layer, FeatureQuery.all().page(offset, 97));
            }
            assertThat(h2gis.bounds(layer)).isEqualTo(postgis.bounds(layer));
        }
    }

    @Test
    void sortsOnTextNumbersDatesAndBooleans() {
        Layer parcels = CATALOG.require("parcels");
        for (String property : List.of("code", "status", "zone", "area_mu", "min_far", "leveling_date",
                "standard_land", "industrial_park")) {
            for (boolean ascending : List.of(true, false)) {
                same(parcels, new FeatureQuery(Filter.INCLUDE, null, List.of(new SortKey(property, ascending)), 0,
                        10_000));
            }
        }
        same(CATALOG.require("roads"), new FeatureQuery(Filter.INCLUDE, null, List.of(new SortKey("name", true),
                new SortKey("completion_date", false)), 5, 50));
    }

    @Test
    void filtersOfEveryKind() {
        Layer parcels = CATALOG.require("parcels");
        Geometry window = Reprojector.transform(Reprojector.densified(new Envelope(111.61, 111.625, 36.16, 36.175)),
                Crs.CRS84, Crs.CGCS2000_GK_CM_111E);
        List<Filter> filters = List.of(
                Filter.compare("status", Operator.EQ, "available"),
                Filter.compare("area_mu", Operator.GT, 50.0),
                Filter.compare("leveling_date", Operator.LE, LocalDate.of(2024, 12, 31)),
                Filter.compare("code", Operator.GE, "GT-Z2"),
                Filter.compare("standard_land", Operator.EQ, true),
                new Filter.IsNull(new Expression.Property("industrial_park")),
                new Filter.Not(Filter.compare("zone", Operator.EQ, "Z1")),
                new Filter.Or(List.of(Filter.compare("status", Operator.EQ, "reserved"),
                        Filter.compare("leveling", Operator.EQ, "in_progress"))),
                Filter.intersects(window),
                Filter.and(List.of(Filter.intersects(window), Filter.compare("area_mu", Operator.LT, 40.0))));
        for (Filter filter : filters) {
            FeatureQuery query = FeatureQuery.filtered(filter).page(0, 10_000);
            FeaturePage page = same(parcels, query);
            assertThat(page.numberMatched()).as(filter.toString()).isPositive();
            assertThat(h2gis.count(parcels, filter)).isEqualTo(postgis.count(parcels, filter));
        }
        Layer lines = CATALOG.require("utility-lines");
        same(lines, FeatureQuery.filtered(Filter.and(List.of(Filter.compare("utility", Operator.EQ, "sewer"),
                Filter.compare("completion_date", Operator.GT, LocalDate.of(2026, 1, 1))))).page(0, 10_000));
    }

    @Test
    void propertySelection() {
        same(CATALOG.require("parcels"), new FeatureQuery(Filter.INCLUDE, List.of("code", "area_mu",
                "leveling_date"), List.of(), 10, 20));
    }

    private static FeaturePage same(Layer layer, FeatureQuery query) {
        FeaturePage a = h2gis.query(layer, query);
        FeaturePage b = postgis.query(layer, query);
        assertThat(b.numberMatched()).as(layer.id() + " " + query).isEqualTo(a.numberMatched());
        assertThat(b.features()).extracting(Feature::id).as(layer.id() + " " + query)
                .containsExactlyElementsOf(a.features().stream().map(Feature::id).toList());
        for (int i = 0; i < a.features().size(); i++) {
            Feature fa = a.features().get(i);
            Feature fb = b.features().get(i);
            assertThat(fb.properties()).as(fa.id()).isEqualTo(fa.properties());
            assertThat(wkb(fb.geometry())).as(fa.id() + " geometry").isEqualTo(wkb(fa.geometry()));
            assertThat(fb.version()).isEqualTo(fa.version());
        }
        return a;
    }

    private static String wkb(Geometry geometry) {
        if (geometry == null) {
            return "no geometry"; // a catalogue's record (a project)
        }
        return HexFormat.of().formatHex(new WKBWriter().write(geometry));
    }
}
