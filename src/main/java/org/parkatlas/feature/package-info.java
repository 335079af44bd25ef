/**
 * Features and the questions asked of them: {@link org.parkatlas.feature.Feature},
 * {@link org.parkatlas.feature.FeatureQuery} (filter, properties, sort, page) and
 * {@link org.parkatlas.feature.FeaturePage}. The filter tree in {@code filter/} is what every query language (OGC
 * query parameters today, CQL2 next) is parsed into before a store turns it into SQL.
 */
package org.parkatlas.feature;
