package org.parkatlas.store;

/** The embedded default: H2 with the H2GIS functions, a file database under {@code parkatlas.data-dir}. */
final class H2gisDialect implements SqlDialect {

    @Override
    public String name() {
        return "h2gis";
    }

    /** H2 gives up on a locked row after one second by default; a writer waits its turn longer than that. */
    @Override
    public java.util.List<String> beforeWriteLock() {
        return java.util.List.of("SET LOCK_TIMEOUT 30000");
    }

    @Override
    public String extentQuery(String table, String column) {
        return "SELECT ST_AsBinary(ST_Extent(" + column + ")) FROM " + table;
    }
}
