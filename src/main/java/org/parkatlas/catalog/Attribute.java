package org.parkatlas.catalog;

import java.util.List;

/**
 * One attribute of a layer: its name (also its column and GeoJSON property name), type, unit, labels and, for
 * enumerated attributes, the allowed values. A {@code computed} attribute is derived by the server from the geometry
 * (e.g. {@code area_mu}) and is never taken from a client or a file.
 */
public record Attribute(String name, AttributeType type, String unit, boolean required, boolean computed,
                        Label label, List<AllowedValue> values) {

    public Attribute {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean isEnumerated() {
        return !values.isEmpty();
    }

    public boolean allows(String value) {
        return values.isEmpty() || values.stream().anyMatch(v -> v.value().equals(value));
    }
}
