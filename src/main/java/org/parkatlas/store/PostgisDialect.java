package org.parkatlas.store;

/** The production store: PostgreSQL with PostGIS, configured through {@code spring.datasource.*}. */
public final class PostgisDialect implements SqlDialect {

    @Override
    public String name() {
        return "postgis";
    }

    /**
     * Text columns use the C collation (for H2's byte order), under which LOWER() changes only ASCII letters; the ICU
     * root collation lower-cases every letter, as H2 and Java do.
     */
    @Override
    public String lowerCase(String sql) {
        return "LOWER(" + sql + " COLLATE \"und-x-icu\")";
    }

    @Override
    public String extentQuery(String table, String column) {
        // ST_Extent answers a box2d; as a geometry it can travel as WKB like every other geometry.
        return "SELECT ST_AsBinary(ST_Extent(" + column + ")::geometry) FROM " + table;
    }
}
