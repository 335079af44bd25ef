package org.parkatlas.store;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.DerivedProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The feature source of each layer, with the derived attributes every module provides for it. The providers are
 * looked up on first read, since the modules that derive attributes read the store themselves.
 */
@Component
public class FeatureSources {

    private final Catalog catalog;
    private final FeatureStore store;
    private final ObjectProvider<DerivedProperties> derived;

    FeatureSources(Catalog catalog, FeatureStore store, ObjectProvider<DerivedProperties> derived) {
        this.catalog = catalog;
        this.store = store;
        this.derived = derived;
    }

    public FeatureSource of(Layer layer) {
        return new FeatureSource(layer, store, derived.orderedStream().toList());
    }

    public FeatureSource of(ParkLayer layer) {
        return of(catalog.require(layer));
    }

    /** Every layer's source, in catalogue order. */
    public List<FeatureSource> all() {
        List<DerivedProperties> providers = derived.orderedStream().toList();
        return catalog.layers().stream().map(l -> new FeatureSource(l, store, providers)).toList();
    }
}
