package org.parkatlas.store;

/** The embedded default: H2 with the H2GIS functions, a file database under {@code parkatlas.data-dir}. */
public final class H2gisDialect implements SqlDialect {

    @Override
    public String name() {
        return "h2gis";
    }

    @Override
    public String extentQuery(String table, String column) {
        return "SELECT ST_AsBinary(ST_Extent(" + column + ")) FROM " + table;
    }
}
