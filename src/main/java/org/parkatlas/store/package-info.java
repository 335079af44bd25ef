/**
 * The feature store: the {@link org.parkatlas.store.FeatureStore} port and its one JDBC implementation, with a
 * {@link org.parkatlas.store.SqlDialect} per database — embedded H2GIS by default, PostGIS (read with PostGIS JDBC) in
 * production — that says what it runs natively. Readers use a layer's {@link org.parkatlas.store.FeatureSource}
 * ({@link org.parkatlas.store.FeatureSources}): the one place a filter is split between the database and Java, with
 * the derived attributes and exact pages. Schemas live in Flyway migrations under {@code db/migration/<dialect>/}.
 */
package org.parkatlas.store;
