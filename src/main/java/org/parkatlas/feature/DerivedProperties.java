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
    Feature enrich(Layer layer, Feature feature, ReadContext context);
}
