package org.parkatlas.editing;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.LandArea;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives the attributes that the server owns from the geometry ({@code area_m2}, {@code area_mu}), replacing
 * whatever a client or a file sent for them, and drops the other computed ones for their layer's rules to set.
 */
final class ComputedAttributes {

    private ComputedAttributes() {
    }

    /** The feature without any value for what the server computes or derives. */
    static Feature strip(Layer layer, Feature feature) {
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        layer.attributes().stream().filter(Attribute::computed).forEach(a -> properties.remove(a.name()));
        layer.derivedAttributes().forEach(a -> properties.remove(a.name()));
        return feature.withProperties(properties);
    }

    /** The feature with its areas set; its geometry must be in the layer's (projected) storage CRS. */
    static Feature apply(Layer layer, Feature feature) {
        Map<String, Object> properties = new LinkedHashMap<>(strip(layer, feature).properties());
        if (layer.hasAttribute("area_m2")) {
            LandArea area = LandArea.of(feature.geometry());
            properties.put("area_m2", area.roundedSquareMetres());
            properties.put("area_mu", area.roundedMu());
        }
        return feature.withProperties(properties);
    }
}
