package org.parkatlas.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkatlas.SampleData;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.SortKey;
import org.parkatlas.feature.filter.Filter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A layer's feature source gives derived attributes to every reader and filters and sorts on them with exact pages
 * and counts, whatever part of the filter the database runs.
 */
class FeatureSourceTest {

    private static final Layer PARCELS = Catalog.standard().require(ParkLayer.PARCELS);
    private static FeatureStore store;

    /** A stand-in for readiness: a parcel of 30 mu or more is "ready", from a day that grows with its area. */
    private static final DerivedProperties BY_AREA = new DerivedProperties() {
        @Override
        public boolean appliesTo(Layer layer) {
            return ParkLayer.PARCELS.is(layer);
        }

        @Override
        public void derive(Layer layer, Feature feature, ReadContext context, Map<String, Object> derived) {
            double mu = (Double) feature.property("area_mu");
            LocalDate from = LocalDate.of(2020, 1, 1).plusDays((long) mu);
            derived.put("ready_date", from);
            derived.put("ready", mu >= 30 && !context.day().isBefore(from));
        }
    };

    @BeforeAll
    static void load() {
        store = StoreFixture.h2gis().store;
        store.replace(Map.of(PARCELS, SampleData.of(PARCELS)));
    }

    @Test
    void everyReaderSeesTheDerivedAttributesAsOfTheDayItAsks() {
        FeatureSource source = new FeatureSource(PARCELS, store, List.of(BY_AREA));
        Feature parcel = source.get("parcel-0001", new ReadContext(LocalDate.of(2030, 1, 1))).orElseThrow();
        assertThat(parcel.property("ready_date")).isNotNull();
        assertThat(source.get("parcel-0001", new ReadContext(LocalDate.of(2019, 1, 1))).orElseThrow()
                .property("ready")).isEqualTo(false);
    }

    @Test
    void aFilterAndASortOnDerivedAttributesPageExactly() {
        FeatureSource source = new FeatureSource(PARCELS, store, List.of(BY_AREA));
        ReadContext day = new ReadContext(LocalDate.of(2020, 3, 1));
        Filter filter = Filter.and(List.of(Filter.compare("ready", Filter.Operator.EQ, true),
                Filter.compare("status", Filter.Operator.EQ, "available")));
        List<SortKey> sort = List.of(new SortKey("ready_date", false));

        List<Feature> expected = new ArrayList<>();
        for (Feature f : store.query(PARCELS, FeatureQuery.all()).features()) {
            Feature enriched = BY_AREA.enrich(PARCELS, f, day);
            if (Boolean.TRUE.equals(enriched.property("ready")) && "available".equals(f.property("status"))) {
                expected.add(enriched);
            }
        }
        expected.sort(Comparator.comparing((Feature f) -> (LocalDate) f.property("ready_date")).reversed()
                .thenComparing(Feature::id));
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(source.count(filter, day)).isEqualTo(expected.size());

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += 7) {
            source.stream(new FeatureQuery(filter, List.of("code", "ready_date"), sort, offset, 7), day, f -> {
                assertThat(f.properties().keySet()).containsOnly("code", "ready_date");
                paged.add(f.id());
            });
        }
        assertThat(paged).containsExactlyElementsOf(expected.stream().map(Feature::id).toList());
    }
}
