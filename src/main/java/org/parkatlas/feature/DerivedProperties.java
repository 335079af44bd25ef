package org.parkatlas.feature;

import org.parkatlas.catalog.Layer;

/**
 * Works out a layer's derived attributes (declared in the catalogue, never stored) when features are read, as of a
 * day: a parcel's readiness, for example. The module that computes them provides it, and every reader of the layer
 * sees them through the layer's feature source ({@code store.FeatureSource}), filters and sorts on them.
 */
public interface DerivedProperties {

    boolean appliesTo(Layer layer);

    /** The feature with its derived attributes as the read asks. */
    default Feature enrich(Layer layer, Feature feature, ReadContext context) {
        java.util.Map<String, Object> derived = new java.util.LinkedHashMap<>();
        derive(layer, feature, context, derived);
        return feature.withDerived(derived);
    }

    /**
     * Puts the feature's derived attributes into {@code derived}, the values a read lays over the stored ones
     * ({@link Feature#withDerived}): every module of a layer adds to the one map, and nothing stored is copied.
     */
    /**
     * The stored attributes (besides the id, version and geometry) the module's values depend on, so a read that only
     * judges features can leave the others out; null, the default, for all of them.
     */
    default java.util.Set<String> reads() {
        return null;
    }

    void derive(Layer layer, Feature feature, ReadContext context, java.util.Map<String, Object> derived);
}
