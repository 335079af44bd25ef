/**
 * Features and the questions asked of them: {@link org.parkatlas.feature.Feature},
 * {@link org.parkatlas.feature.FeatureQuery} (filter, properties, sort, page), {@link org.parkatlas.feature.FeaturePage}
 * and the {@link org.parkatlas.feature.ReadContext} a read answers derived attributes for (the as-of day). A module
 * that works something out about a layer's features (readiness) provides it as
 * {@link org.parkatlas.feature.DerivedProperties}; {@link org.parkatlas.feature.LayerChanged} tells it when to work it
 * out again. Land area in m² and mu is {@link org.parkatlas.feature.LandArea}.
 */
package org.parkatlas.feature;
