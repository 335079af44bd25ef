package org.parkatlas.feature;

import org.locationtech.jts.geom.Geometry;

import java.util.Map;

/**
 * One feature of a layer: its id, geometry (in the layer's storage CRS once stored), typed attribute values
 * ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code LocalDate}) and the version the store keeps
 * for optimistic locking (0 for a feature that was never stored).
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties, long version) {

    public Feature {
        properties = FeatureValues.of(properties); // unmodifiable; shared, not copied, by the features made from it
    }

    public Object property(String name) {
        return properties.get(name);
    }

    public Feature withGeometry(Geometry newGeometry) {
        return new Feature(id, newGeometry, properties, version);
    }

    public Feature withProperties(Map<String, Object> newProperties) {
        return new Feature(id, geometry, newProperties, version);
    }

    /**
     * A feature made from a map its maker hands over and never touches again (a row just read): taken as it is,
     * not copied.
     */
    public static Feature adopting(String id, Geometry geometry, Map<String, Object> fresh, long version) {
        return new Feature(id, geometry, FeatureValues.adopting(fresh), version);
    }

    /** This feature with {@code derived} values laid over its own (handed over as in {@link #adopting}). */
    public Feature withDerived(Map<String, Object> derived) {
        return new Feature(id, geometry, ((FeatureValues) properties).with(derived), version);
    }
}
