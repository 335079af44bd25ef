package org.parkatlas.store;

import org.junit.jupiter.api.Test;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.exchange.GeoJsonFeatureReader;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Filter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dialect that cannot run LIKE still answers a LIKE query correctly: that part is evaluated in Java, and counts
 * and pages are the same as when the database runs everything.
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
        try (InputStream in = Files.newInputStream(Path.of("geodata/parcels.geojson"))) {
            fixture.store.replace(Map.of(parcels, new GeoJsonFeatureReader(parcels, Crs.CRS84).readCollection(in)));
        }
        FeatureStore partial = new JdbcFeatureStore(new JdbcTemplate(fixture.dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(fixture.dataSource)), new NoLikeDialect());
        Filter filter = Filter.and(List.of(
                new Filter.Like(new Expression.Property("code"), new Expression.Literal("GT-Z2-%")),
                Filter.compare("status", Filter.Operator.EQ, "available")));
        assertThat(FilterSplit.of(filter, new NoLikeDialect()).needsMemory()).isTrue();

        long total = fixture.store.count(parcels, filter);
        assertThat(total).isPositive();
        assertThat(partial.count(parcels, filter)).isEqualTo(total);
        for (int offset = 0; offset < total; offset += 4) {
            FeatureQuery page = new FeatureQuery(filter, List.of("code"), List.of(), offset, 4);
            FeaturePage expected = fixture.store.query(parcels, page);
            FeaturePage actual = partial.query(parcels, page);
            assertThat(actual.features()).extracting(Feature::id)
                    .containsExactlyElementsOf(expected.features().stream().map(Feature::id).toList());
            assertThat(actual.features()).allSatisfy(f -> assertThat(f.properties().keySet()).containsOnly("code"));
        }
    }
}
