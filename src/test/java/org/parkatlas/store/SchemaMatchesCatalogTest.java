package org.parkatlas.store;

import org.junit.jupiter.api.Test;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway migrations and the layer catalogue describe the same tables: a column added to one is added to both. */
class SchemaMatchesCatalogTest {

    private static final Map<String, String> H2_TYPES = Map.of("STRING", "CHARACTER VARYING", "INTEGER", "INTEGER",
            "NUMBER", "DOUBLE PRECISION", "BOOLEAN", "BOOLEAN", "DATE", "DATE", "CODE_LIST", "CHARACTER VARYING");

    @Test
    void everyLayerHasItsTableWithOneTypedColumnPerAttribute() {
        StoreFixture fixture = StoreFixture.h2gis();
        JdbcTemplate jdbc = new JdbcTemplate(fixture.dataSource);
        for (Layer layer : Catalog.standard().layers()) {
            List<Map<String, Object>> columns = jdbc.queryForList("SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE "
                    + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                    layer.tableName().toUpperCase(Locale.ROOT));
            List<String> expected = new ArrayList<>(List.of("ID", "VERSION", "GEOM"));
            layer.attributes().forEach(a -> expected.add(a.name().toUpperCase(Locale.ROOT)));
            assertThat(columns).extracting(c -> (String) c.get("COLUMN_NAME")).as(layer.id())
                    .containsExactlyElementsOf(expected);
            for (Attribute attribute : layer.attributes()) {
                Map<String, Object> column = columns.stream()
                        .filter(c -> c.get("COLUMN_NAME").equals(attribute.name().toUpperCase(Locale.ROOT)))
                        .findFirst().orElseThrow();
                assertThat(column.get("DATA_TYPE")).as(layer.id() + "." + attribute.name())
                        .isEqualTo(H2_TYPES.get(attribute.type().name()));
                assertThat(column.get("IS_NULLABLE")).as(layer.id() + "." + attribute.name() + " nullability")
                        .isEqualTo(attribute.required() ? "NO" : "YES");
            }
        }
    }
}
