package org.parkatlas.store;

/**
 * What differs between the databases behind the JDBC feature store (GeoTools' {@code SQLDialect}): how geometries are
 * bound and read, the bounding-box operator that uses the spatial index, and the extent aggregate. Everything else
 * is standard SQL that both dialects share.
 */
public interface SqlDialect {

    /** The dialect's name, also the folder of its Flyway migrations under {@code db/migration/}. */
    String name();

    /** A bound geometry parameter given as WKB, with the layer's SRID. */
    default String geometryParameter(int srid) {
        return "ST_GeomFromWKB(?, " + srid + ")";
    }

    /** The geometry column read back as WKB. */
    default String geometryAsWkb(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    /** The predicate "geometry column intersects the bound geometry", using the spatial index first. */
    default String intersects(String column, int srid) {
        String param = geometryParameter(srid);
        return "(" + column + " && " + param + " AND ST_Intersects(" + column + ", " + param + "))";
    }

    /** How many times {@link #intersects} binds its geometry. */
    default int intersectsParameterCount() {
        return 2;
    }

    /** A query answering one row, one column: the extent of the layer's geometries as WKB (null when empty). */
    String extentQuery(String table, String column);
}
