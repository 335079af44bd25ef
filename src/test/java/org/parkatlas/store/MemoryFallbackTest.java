package org.parkatlas.store;

import org.parkatlas.SampleData;
import org.parkatlas.feature.ReadContext;
import org.junit.jupiter.api.Test;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Filter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialect that cannot run LIKE still answers a LIKE query correctly through the layer's feature source: that part
 * is evaluated in Java, and counts and pages are the same as when the database runs everything.
 */
class MemoryFallbackTest {

    /** H2GIS without LIKE, as a database lacking a function would be. */
    private static final class NoLikeDialect implements SqlDialect {
        private final H2gisDialect h2gis = new H2gisDialect();

        @Override
        public String name() {
            return "h2gis";
        }

        @Override
        public String extentQuery(String table, String column) {
            return h2gis.extentQuery(table, column);
        }

        @Override
        public boolean supports(Filter filter) {
            return !(filter instanceof Filter.Like);
        }
    }

    @Test
    void whatTheDatabaseCannotRunIsEvaluatedInJavaWithTheSameAnswer() throws Exception {
        StoreFixture fixture = StoreFixture.h2gis();
        Layer parcels = Catalog.standard().require("parcels");
        fixture.store.replace(Map.of(parcels, SampleData.of(parcels)));
        FeatureSource full = new FeatureSource(parcels, fixture.store, List.of());
        FeatureSource partial = new FeatureSource(parcels, new JdbcFeatureStore(new JdbcTemplate(fixture.dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(fixture.dataSource)), new NoLikeDialect()),
                List.of());
        ReadContext today = ReadContext.today();
        Filter filter = Filter.and(List.of(
                new Filter.Like(new Expression.Property("code"), new Expression.Literal("GT-Z2-%")),
                Filter.compare("status", Filter.Operator.EQ, "available")));
        assertThat(partial.split(filter).needsMemory()).isTrue();
        assertThat(full.split(filter).needsMemory()).isFalse();

        long total = full.count(filter, today);
        assertThat(total).isPositive();
        assertThat(partial.count(filter, today)).isEqualTo(total);
        for (int offset = 0; offset < total; offset += 4) {
            FeatureQuery page = new FeatureQuery(filter, List.of("code"), List.of(), offset, 4);
            FeaturePage expected = full.query(page, today);
            FeaturePage actual = partial.query(page, today);
            assertThat(actual.features()).extracting(Feature::id)
                    .containsExactlyElementsOf(expected.features().stream().map(Feature::id).toList());
            assertThat(actual.features()).allSatisfy(f -> assertThat(f.properties().keySet()).containsOnly("code"));
        }
    }
}
