/**
 * The filter tree every query language is parsed into ({@link org.parkatlas.feature.filter.Filter},
 * {@link org.parkatlas.feature.filter.Expression}): OGC query parameters and both CQL2 encodings ({@code cql2/})
 * give the same tree. {@link org.parkatlas.feature.filter.FilterBinder} checks it against a layer's queryables and
 * moves its geometries into the storage CRS; the store compiles what it can run to SQL, and
 * {@link org.parkatlas.feature.filter.FilterEvaluator} evaluates the rest (derived attributes) on features.
 */
package org.parkatlas.feature.filter;
