package org.parkatlas.feature;

import org.locationtech.jts.geom.Geometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One feature of a layer: its id, geometry (in the layer's storage CRS once stored), typed attribute values
 * ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code LocalDate}) and the version the store keeps
 * for optimistic locking (0 for a feature that was never stored).
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties, long version) {

    public Feature {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
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
}
