package org.parkatlas.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of layers a park is modelled with. Start here to learn what ParkAtlas stores: every other part (the
 * store's tables, the OGC API collections, the map's layer list, the GeoPackage export) is driven by it.
 */
public final class Catalog {

    private final Map<String, Layer> layers = new LinkedHashMap<>();

    public Catalog(List<Layer> layers) {
        for (Layer layer : layers) {
            if (this.layers.put(layer.id(), layer) != null) {
                throw new IllegalArgumentException("duplicate layer id " + layer.id());
            }
        }
    }

    /** The standard industrial-park layer model (see {@link ParkLayerModel}). */
    public static Catalog standard() {
        return new Catalog(ParkLayerModel.layers());
    }

    public List<Layer> layers() {
        return List.copyOf(layers.values());
    }

    public Optional<Layer> find(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    /** One of the standard park layers; a catalogue without it is a configuration error. */
    public Layer require(ParkLayer layer) {
        return require(layer.id());
    }

    public Layer require(String id) {
        Layer layer = layers.get(id);
        if (layer == null) {
            throw new IllegalArgumentException("no layer " + id);
        }
        return layer;
    }
}
