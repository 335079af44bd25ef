package org.parkatlas.editing;

import org.parkatlas.catalog.Layer;

import java.util.Collection;
import java.util.Map;

/**
 * Keeps the history of a layer's features, contributed by the module that owns the layer; the {@link FeatureWriter}
 * hands it every change inside the change's own transaction, so a change and its history commit together.
 */
public interface LayerHistory {

    boolean appliesTo(Layer layer);

    void record(Layer layer, Edit edit);

    /**
     * The last version the history holds of each of these features, live or retired (absent when none), so that a
     * retired id that comes back — restored, drawn again, imported — continues its numbering instead of restarting.
     */
    Map<String, Long> lastVersions(Layer layer, Collection<String> ids);
}
