package org.parkatlas.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.parkatlas.PostgisTestDatabase;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh, migrated store of one dialect in a throwaway database, for store-level and contract tests. */
final class StoreFixture {

    final DataSource dataSource;
    final JdbcFeatureStore store;

    private StoreFixture(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + dialect.name()).load()
                .migrate();
        this.store = new JdbcFeatureStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), dialect);
    }

    /** A fresh store of the named dialect; a PostGIS one skips (or fails, when required) where none can be had. */
    static StoreFixture of(String dialect) {
        return switch (dialect) {
            case "h2gis" -> h2gis();
            case "postgis" -> postgis();
            default -> throw new IllegalArgumentException(dialect);
        };
    }

    static StoreFixture postgis() {
        PostgisTestDatabase.assumeAvailable();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgisTestDatabase.newDatabase());
        dataSource.setUser(PostgisTestDatabase.user());
        dataSource.setPassword(PostgisTestDatabase.password());
        return new StoreFixture(dataSource, new PostgisDialect());
    }

    static StoreFixture h2gis() {
        try {
            Path dir = Files.createTempDirectory("parkatlas-store-test");
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:file:" + dir.resolve("store") + ";DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            return new StoreFixture(dataSource, new H2gisDialect());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
