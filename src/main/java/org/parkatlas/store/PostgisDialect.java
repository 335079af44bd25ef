package org.parkatlas.store;

/** The production store: PostgreSQL with PostGIS, configured through {@code spring.datasource.*}. */
public final class PostgisDialect implements SqlDialect {

    @Override
    public String name() {
        return "postgis";
    }

    @Override
    public String extentQuery(String table, String column) {
        // ST_Extent answers a box2d; as a geometry it can travel as WKB like every other geometry.
        return "SELECT ST_AsBinary(ST_Extent(" + column + ")::geometry) FROM " + table;
    }
}
