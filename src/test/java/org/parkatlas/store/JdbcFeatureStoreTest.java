package org.parkatlas.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.feature.LandArea;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.SortKey;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Operator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The store contract: every query shape the API uses, run against each dialect (the embedded H2GIS store and
 * PostGIS) with the same expectations, so the two behave alike.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2gis", "postgis"})
class JdbcFeatureStoreTest {

    private final Layer parcels = Catalog.standard().require("parcels");
    private final String dialect;
    private FeatureStore store;

    JdbcFeatureStoreTest(String dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void tenParcelsInARow() {
        store = StoreFixture.of(dialect).store;
        List<Feature> row = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            row.add(parcel("p-" + i, 555_000 + i * 100, i % 2 == 0 ? "available" : "reserved",
                    LocalDate.of(2020 + i, 6, 30)));
        }
        store.insert(parcels, row);
    }

    @Test
    void roundTripKeepsGeometryTypesAndComputedArea() {
        Feature p3 = store.get(parcels, "p-3").orElseThrow();
        assertThat(p3.geometry().getArea()).isCloseTo(100 * 200, within(1e-6));
        assertThat(p3.geometry().getSRID()).isEqualTo(4546);
        assertThat(p3.property("area_m2")).isEqualTo(20_000.0);
        assertThat(p3.property("area_mu")).isEqualTo(30.0);
        assertThat(p3.property("status")).isEqualTo("reserved");
        assertThat(p3.property("standard_land")).isEqualTo(true);
        assertThat(p3.property("min_far")).isEqualTo(1.2);
        assertThat(p3.property("leveling_date")).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(p3.properties()).doesNotContainKey("industrial_park"); // nulls are absent, not "null"
        assertThat(p3.version()).isEqualTo(1);
        assertThat(store.get(parcels, "p-99")).isEmpty();
    }

    @Test
    void pagesAreStableAndCountTheWholeMatch() {
        FeaturePage first = store.query(parcels, FeatureQuery.all().page(0, 4));
        FeaturePage last = store.query(parcels, FeatureQuery.all().page(8, 4));
        assertThat(first.numberMatched()).isEqualTo(10);
        assertThat(first.features()).extracting(Feature::id).containsExactly("p-0", "p-1", "p-2", "p-3");
        assertThat(last.features()).extracting(Feature::id).containsExactly("p-8", "p-9");
        assertThat(store.query(parcels, FeatureQuery.all().page(20, 4)).features()).isEmpty();
    }

    @Test
    void bboxAttributeFilterAndSortRunTogether() {
        Geometry window = geometry("POLYGON ((555150 4004000, 555450 4004000, 555450 4004300, 555150 4004300, "
                + "555150 4004000))");
        Filter filter = Filter.and(List.of(Filter.intersects(window),
                Filter.compare("status", Operator.EQ, "reserved")));
        FeatureQuery query = new FeatureQuery(filter, null, List.of(new SortKey("leveling_date", false)), 0, 100);
        FeaturePage page = store.query(parcels, query);
        // parcels 1..4 touch the window; of them 1 and 3 are reserved; newest leveling date first
        assertThat(page.features()).extracting(Feature::id).containsExactly("p-3", "p-1");
        assertThat(page.numberMatched()).isEqualTo(2);
    }

    @Test
    void comparisonsOnNumbersAndDates() {
        assertThat(store.count(parcels, Filter.compare("leveling_date", Operator.GE, LocalDate.of(2027, 1, 1))))
                .isEqualTo(3);
        assertThat(store.count(parcels, Filter.compare("area_mu", Operator.GT, 29.99))).isEqualTo(10);
        assertThat(store.count(parcels, new Filter.Not(Filter.compare("status", Operator.EQ, "available"))))
                .isEqualTo(5);
        assertThat(store.count(parcels, new Filter.IsNull(new Expression.Property("industrial_park")))).isEqualTo(10);
    }

    @Test
    void propertySelectionReturnsOnlyThoseProperties() {
        FeatureQuery query = new FeatureQuery(Filter.INCLUDE, List.of("code", "area_mu"), List.of(), 0, 1);
        Feature feature = store.query(parcels, query).features().get(0);
        assertThat(feature.properties().keySet()).containsExactly("code", "area_mu");
        assertThat(feature.geometry()).isNotNull();
    }

    @Test
    void boundsCoverEveryParcel() {
        assertThat(store.bounds(parcels).orElseThrow().getMinX()).isEqualTo(555_000);
        assertThat(store.bounds(parcels).orElseThrow().getMaxX()).isEqualTo(556_000);
        assertThat(store.bounds(Catalog.standard().require("roads"))).isEmpty();
    }

    @Test
    void aFailedReplaceLeavesEveryTableAsItWas() {
        Feature good = parcel("new-1", 560_000, "available", null);
        Feature broken = new Feature("new-2", good.geometry(), Map.of("code", "X"), 0); // no land_use, status, leveling
        assertThatThrownBy(() -> store.replace(Map.of(parcels, List.of(good, broken))))
                .isInstanceOf(RuntimeException.class);
        assertThat(store.count(parcels, Filter.INCLUDE)).isEqualTo(10);
        assertThat(store.get(parcels, "new-1")).isEmpty();
    }

    @Test
    void aFilterOnAPropertyTheLayerLacksIsRefusedBeforeAnySql() {
        assertThatThrownBy(() -> store.count(parcels, Filter.compare("status; DROP TABLE parcels", Operator.EQ, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no property");
    }

    private Feature parcel(String id, double minX, String status, LocalDate leveled) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", id.toUpperCase());
        properties.put("land_use", "100101");
        properties.put("status", status);
        properties.put("standard_land", true);
        properties.put("min_far", 1.2);
        properties.put("leveling", leveled == null ? "not_started" : "done");
        if (leveled != null) {
            properties.put("leveling_date", leveled);
        }
        Geometry square = geometry("POLYGON ((" + minX + " 4004000, " + (minX + 100) + " 4004000, " + (minX + 100)
                + " 4004200, " + minX + " 4004200, " + minX + " 4004000))");
        properties.put("area_m2", LandArea.of(square).roundedSquareMetres());
        properties.put("area_mu", LandArea.of(square).roundedMu());
        return new Feature(id, square, properties, 0);
    }

    private static Geometry geometry(String wkt) {
        try {
            Geometry g = new WKTReader().read(wkt);
            g.setSRID(4546);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
