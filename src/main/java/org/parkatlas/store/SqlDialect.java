package org.parkatlas.store;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.parkatlas.feature.filter.Filter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

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

    /** The geometry column as the select list reads it (for {@link #readGeometry}). */
    default String selectGeometry(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    /** The geometry in a result column selected with {@link #selectGeometry}; by default WKB. */
    default Geometry readGeometry(ResultSet rs, int column) throws SQLException {
        try {
            return new WKBReader().read(rs.getBytes(column));
        } catch (ParseException e) {
            throw new SQLException("the " + name() + " store returned a geometry it cannot read", e);
        }
    }

    /**
     * Whether the database builds Mapbox Vector Tiles itself ({@code ST_AsMVT}); when not, tiles are encoded in Java
     * from the features read.
     */
    default boolean buildsVectorTiles() {
        return false;
    }

    /** A bound scalar parameter; the value is given in case a dialect needs a cast for its type. */
    default String parameter(Object value) {
        return "?";
    }

    /** The SQL function of a CQL2 spatial relation. */
    default String spatialFunction(Filter.SpatialOperator operator) {
        return switch (operator) {
            case S_INTERSECTS -> "ST_Intersects";
            case S_DISJOINT -> "ST_Disjoint";
            case S_EQUALS -> "ST_Equals";
            case S_TOUCHES -> "ST_Touches";
            case S_WITHIN -> "ST_Within";
            case S_OVERLAPS -> "ST_Overlaps";
            case S_CROSSES -> "ST_Crosses";
            case S_CONTAINS -> "ST_Contains";
            case S_DWITHIN -> "ST_DWithin";
        };
    }

    /** Lower-cases text for CASEI, the same way for every letter as Java's {@code toLowerCase(Locale.ROOT)}. */
    default String lowerCase(String sql) {
        return "LOWER(" + sql + ")";
    }

    /**
     * Whether this database can run the filter node itself (GeoTools' filter capabilities). What it cannot run is
     * evaluated in Java after the query instead of being answered wrongly.
     */
    default boolean supports(Filter filter) {
        return true;
    }

    /** Statements run on the connection before it waits for the park's write lock (e.g. how long it may wait). */
    default java.util.List<String> beforeWriteLock() {
        return java.util.List.of();
    }

    /** A query answering one row, one column: the extent of the layer's geometries (null when empty). */
    String extentQuery(String table, String column);

    /** The extent in the one column {@link #extentQuery} answers; empty when the layer has no geometry. */
    default Optional<Envelope> readExtent(ResultSet rs) throws SQLException {
        byte[] wkb = rs.getBytes(1);
        if (wkb == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WKBReader().read(wkb).getEnvelopeInternal());
        } catch (ParseException e) {
            throw new SQLException("the " + name() + " store returned an extent it cannot read", e);
        }
    }
}
