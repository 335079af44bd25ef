package org.parkatlas.reliability;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every row of every table the service owns (layers, history, accounts, the write counter), hashed straight from
 * the database: a refused write that left anything behind, even a row the API would not show, changes it. Rows are
 * hashed one by one and summed, so the order the database returns them in does not matter.
 */
final class StoreFingerprint {

    /** Tables of the database itself or of a library, not the service's data. */
    private static final Set<String> NOT_OURS = Set.of("flyway_schema_history", "spatial_ref_sys");

    private final DataSource dataSource;
    private List<String> tables;

    StoreFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Table name → row count and order-free hash of its rows. */
    TreeMap<String, String> take() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (tables == null) {
                tables = tables(connection.getMetaData());
            }
            TreeMap<String, String> fingerprint = new TreeMap<>();
            for (String table : tables) {
                long rows = 0;
                long sum = 0;
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            String value = rs.getString(c); // a geometry as (E)WKT or hex EWKB: exact either way
                            row.append(value == null ? "∅" : value).append('|');
                        }
                        sum += rowHash(row.toString());
                        rows++;
                    }
                }
                fingerprint.put(table, rows + " rows #" + Long.toHexString(sum));
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store's tables", e);
        }
    }

    private static List<String> tables(DatabaseMetaData metadata) throws SQLException {
        List<String> found = new ArrayList<>();
        String schema = metadata.getConnection().getSchema();
        try (ResultSet rs = metadata.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!NOT_OURS.contains(name.toLowerCase(Locale.ROOT))) {
                    found.add(name);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no tables found in schema " + schema);
        }
        return found;
    }

    private static long rowHash(String row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = hash << 8 | (digest[i] & 0xff);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
