package org.parkatlas.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A PostgreSQL streaming replica the features are read from ({@code parkatlas.datasource.replica.*}); writes, and
 * reads the replica has not caught up with, stay on the primary ({@code spring.datasource.*}). Unset: no replica.
 *
 * @param url             its JDBC URL, e.g. {@code jdbc:postgresql://replica:5432/parkatlas}
 * @param username        defaults to the primary's
 * @param password        defaults to the primary's
 * @param maximumPoolSize its connection pool, 10 unless set
 */
@ConfigurationProperties("parkatlas.datasource.replica")
public record ReplicaProperties(String url, String username, String password, Integer maximumPoolSize) {

    public ReplicaProperties {
        url = url == null || url.isBlank() ? null : url.trim();
        maximumPoolSize = maximumPoolSize == null ? 10 : maximumPoolSize;
    }

    boolean configured() {
        return url != null;
    }
}
