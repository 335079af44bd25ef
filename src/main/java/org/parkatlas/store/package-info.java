/**
 * The feature store: the {@link org.parkatlas.store.FeatureStore} port and its one JDBC implementation
 * ({@link org.parkatlas.store.JdbcFeatureStore}), with a {@link org.parkatlas.store.SqlDialect} per database —
 * embedded H2GIS by default. Schemas live in Flyway migrations under {@code db/migration/<dialect>/}.
 */
package org.parkatlas.store;
