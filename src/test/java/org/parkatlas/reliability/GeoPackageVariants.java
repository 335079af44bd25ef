package org.parkatlas.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * GeoPackages broken the ways files from other tools and careless hands are: each starts as the service's own
 * export (a valid file of every layer) and is then cut, overwritten or edited with SQL. None may be imported.
 */
final class GeoPackageVariants {

    private final byte[] export;

    GeoPackageVariants(byte[] export) {
        this.export = export;
    }

    /** Every variant by name, each a file the import must refuse. */
    Map<String, byte[]> all() {
        Map<String, byte[]> variants = new LinkedHashMap<>();
        for (String name : new String[]{"garbage-last-geometry", "plain-sqlite", "truncated",
                "header-only", "random-bytes", "no-contents-table", "unknown-srs", "point-in-a-line-table",
                "text-in-a-status", "empty-geometry-blob", "wrong-magic", "zero-pages", "null-geometry",
                "geometry-blob-of-one-byte"}) {
            variants.put(name, variant(name));
        }
        return variants;
    }

    byte[] variant(String name) {
        return switch (name) {
            case "truncated" -> Arrays.copyOf(export, export.length / 2);
            case "header-only" -> Arrays.copyOf(export, 100);
            case "zero-pages" -> Arrays.copyOf(export, 4096);
            case "random-bytes" -> {
                byte[] noise = new byte[64 * 1024];
                new Random(7).nextBytes(noise);
                yield noise;
            }
            case "wrong-magic" -> {
                byte[] copy = export.clone();
                copy[0] = 'X';
                yield copy;
            }
            case "garbage-last-geometry" -> edited("UPDATE utility_lines SET geom = X'0011223344556677' "
                    + "WHERE fid = (SELECT MAX(fid) FROM utility_lines)");
            case "empty-geometry-blob" -> edited("UPDATE utility_lines SET geom = X'' "
                    + "WHERE fid = (SELECT MIN(fid) FROM utility_lines)");
            case "geometry-blob-of-one-byte" -> edited("UPDATE utility_lines SET geom = X'47' "
                    + "WHERE fid = (SELECT MIN(fid) FROM utility_lines)");
            case "null-geometry" -> edited("UPDATE utility_lines SET geom = NULL "
                    + "WHERE fid = (SELECT MIN(fid) FROM utility_lines)");
            case "point-in-a-line-table" -> edited("UPDATE utility_lines SET geom = (SELECT geom FROM facilities "
                    + "LIMIT 1) WHERE fid = (SELECT MIN(fid) FROM utility_lines)");
            case "text-in-a-status" -> edited("UPDATE utility_lines SET status = 'demolished-or-so' "
                    + "WHERE fid = (SELECT MIN(fid) FROM utility_lines)");
            case "no-contents-table" -> edited("DROP TABLE gpkg_contents");
            case "unknown-srs" -> edited("PRAGMA foreign_keys = OFF",
                    "UPDATE gpkg_geometry_columns SET srs_id = 99999 WHERE table_name = 'utility_lines'",
                    "UPDATE gpkg_contents SET srs_id = 99999 WHERE table_name = 'utility_lines'");
            case "plain-sqlite" -> plainSqlite();
            default -> throw new IllegalArgumentException("no GeoPackage variant " + name);
        };
    }

    private byte[] edited(String... statements) {
        try {
            Path file = Files.createTempFile("variant", ".gpkg");
            try {
                Files.write(file, export);
                try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement statement = sqlite.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the GeoPackage variant", e);
        }
    }

    private static byte[] plainSqlite() {
        try {
            Path file = Files.createTempFile("plain", ".sqlite");
            try {
                Files.delete(file);
                try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement statement = sqlite.createStatement()) {
                    statement.execute("CREATE TABLE t (a INTEGER, b TEXT)");
                    statement.execute("INSERT INTO t VALUES (1, 'x')");
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a plain SQLite file", e);
        }
    }
}
