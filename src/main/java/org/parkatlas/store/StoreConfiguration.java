package org.parkatlas.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the database behind the {@link FeatureStore} from {@code parkatlas.store}. With no configuration at all it
 * is an embedded H2GIS file database under {@code parkatlas.data-dir}, created on first start; {@code postgis} uses
 * the standard {@code spring.datasource.url/username/password}. Flyway migrates either from
 * {@code db/migration/<store>/}.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    SqlDialect sqlDialect(StoreProperties properties) {
        return switch (properties.store()) {
            case "h2gis" -> new H2gisDialect();
            case "postgis" -> new PostgisDialect();
            default -> throw new IllegalStateException("parkatlas.store=" + properties.store()
                    + " is not a store ParkAtlas knows; use h2gis (embedded) or postgis");
        };
    }

    @Bean
    DataSource dataSource(StoreProperties properties, DataSourceProperties dataSourceProperties) {
        if (dataSourceProperties.getUrl() != null) {
            HikariDataSource dataSource = dataSourceProperties.initializeDataSourceBuilder()
                    .type(HikariDataSource.class).build();
            dataSource.setPoolName("parkatlas-" + properties.store());
            return dataSource;
        }
        if (properties.store().equals("postgis")) {
            throw new IllegalStateException("parkatlas.store=postgis needs spring.datasource.url (e.g. "
                    + "jdbc:postgresql://localhost:5432/parkatlas) with spring.datasource.username and password");
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(embeddedUrl(properties.dataDir()));
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        dataSource.setPoolName("parkatlas-h2gis");
        return dataSource;
    }

    /**
     * Where the features are read: the primary, and a streaming replica when {@code parkatlas.datasource.replica.url}
     * is set (PostGIS only: the embedded store has no replicas).
     */
    @Bean
    Reads reads(DataSource dataSource, PlatformTransactionManager transactionManager, StoreProperties properties,
                ReplicaProperties replica, DataSourceProperties primary) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Reads.Target onPrimary = JdbcFeatureStore.readTarget("primary", jdbc,
                new TransactionTemplate(transactionManager));
        if (!replica.configured()) {
            return new Reads(onPrimary, null);
        }
        if (!properties.store().equals("postgis")) {
            throw new IllegalStateException("parkatlas.datasource.replica.url is for a PostgreSQL streaming replica; "
                    + "the " + properties.store() + " store has none (set parkatlas.store=postgis)");
        }
        HikariDataSource replicaSource = new HikariDataSource();
        replicaSource.setJdbcUrl(replica.url());
        replicaSource.setUsername(replica.username() == null ? primary.getUsername() : replica.username());
        replicaSource.setPassword(replica.password() == null ? primary.getPassword() : replica.password());
        replicaSource.setMaximumPoolSize(replica.maximumPoolSize());
        replicaSource.setReadOnly(true);
        // a replica that is down is noticed within two seconds, and the primary serves meanwhile
        replicaSource.setConnectionTimeout(2_000);
        replicaSource.setInitializationFailTimeout(-1);
        replicaSource.setPoolName("parkatlas-replica");
        Reads.Target onReplica = JdbcFeatureStore.readTarget("replica", new JdbcTemplate(replicaSource),
                new TransactionTemplate(new JdbcTransactionManager(replicaSource)));
        return new Reads(onPrimary, onReplica);
    }

    /** Created after the Flyway migrations have run, so the tables are there. */
    @Bean
    @DependsOnDatabaseInitialization
    FeatureStore featureStore(DataSource dataSource, PlatformTransactionManager transactionManager,
                              SqlDialect dialect, Reads reads) {
        return new JdbcFeatureStore(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager),
                reads, dialect);
    }

    private static String embeddedUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("parkatlas") + ";CACHE_SIZE="
                + pageCacheKilobytes(Runtime.getRuntime().maxMemory());
    }

    /**
     * H2's page cache: an eighth of the heap, between H2's own 16 MB and 512 MB. With H2's default a park of 100 000
     * parcels no longer fits, and every search after one that read the whole table reads its pages from the file
     * again (a 5 ms search took 60 ms; FinderBenchmark).
     */
    static long pageCacheKilobytes(long maxHeapBytes) {
        long eighth = maxHeapBytes / 8 / 1024;
        return Math.max(16 * 1024, Math.min(512 * 1024, eighth));
    }
}
