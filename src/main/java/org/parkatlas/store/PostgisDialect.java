package org.parkatlas.store;

import net.postgis.jdbc.PGbox2d;
import org.locationtech.jts.geom.Envelope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The production store: PostgreSQL with PostGIS, configured through {@code spring.datasource.*}. Geometries and
 * extents are read with PostGIS's own JDBC extension (postgis-jdbc) as PostGIS sends them; geometries as EWKB.
 */
final class PostgisDialect implements SqlDialect {

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

    /** A writer waits its turn for the park's write lock, but not for ever (the default): 30 s, this transaction only. */
    @Override
    public java.util.List<String> beforeWriteLock() {
        return java.util.List.of("SET LOCAL lock_timeout = '30s'");
    }

    /**
     * The geometry as EWKB bytes (with its SRID), read by JTS's own WKB reader. Not the bare column: PostGIS would send
     * it as hex text, and decoding that a character at a time was a fifth of the JVM's time on a small items page;
     * bytea comes over in binary once the statement is prepared.
     */
    @Override
    public String selectGeometry(String column) {
        return "ST_AsEWKB(" + column + ")";
    }

    @Override
    public boolean buildsVectorTiles() {
        return true;
    }

    @Override
    public String extentQuery(String table, String column) {
        return "SELECT ST_Extent(" + column + ") FROM " + table;
    }

    /** ST_Extent answers a box2d, read as one with PostGIS JDBC's {@link PGbox2d}. */
    @Override
    public Optional<Envelope> readExtent(ResultSet rs) throws SQLException {
        String box = rs.getString(1);
        if (box == null) {
            return Optional.empty();
        }
        PGbox2d extent = new PGbox2d(box);
        return Optional.of(new Envelope(extent.getLLB().x, extent.getURT().x, extent.getLLB().y, extent.getURT().y));
    }
}
