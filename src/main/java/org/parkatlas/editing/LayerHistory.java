package org.parkatlas.editing;

import org.parkatlas.catalog.Layer;

/**
 * Keeps the history of a layer's features, contributed by the module that owns the layer; the {@link FeatureWriter}
 * hands it every change inside the change's own transaction, so a change and its history commit together.
 */
public interface LayerHistory {

    boolean appliesTo(Layer layer);

    void record(Layer layer, Edit edit);
}
