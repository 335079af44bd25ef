package org.parkatlas.ogcapi;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Layer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A layer's queryables as a JSON Schema (OGC API Features Part 3): every attribute with its type, labels and allowed
 * values, the feature id, and the geometry. Self-contained, so clients work offline.
 */
final class Queryables {

    private Queryables() {
    }

    static Map<String, Object> schema(Layer layer, String id, String language, Audience audience) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (layer.spatial()) {
            properties.put("geometry", Map.of("title", "geometry", "description", "The feature's geometry, "
                    + layer.geometryKind().geoJsonType(), "format", "geometry-" + layer.geometryKind().geoJsonType()
                    .toLowerCase() + (layer.allowMulti() ? "-or-multi" : ""), "x-ogc-role", "primary-geometry"));
        }
        properties.put("id", Map.of("title", "id", "description", "The feature id", "type", "string",
                "x-ogc-role", "id"));
        for (Attribute attribute : layer.attributes()) {
            if (audience.sees(attribute)) {
                properties.put(attribute.name(), property(attribute, language));
            }
        }
        for (Attribute attribute : layer.derivedAttributes()) {
            Map<String, Object> derived = property(attribute, language);
            derived.put("description", attribute.label().en() + ", worked out as of the as_of parameter (today "
                    + "by default)");
            properties.put(attribute.name(), derived);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("type", "object");
        schema.put("title", CollectionsController.pick(layer.title(), language));
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> property(Attribute attribute, String language) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("title", CollectionsController.pick(attribute.label(), language));
        property.put("description", attribute.label().en() + (attribute.unit() == null ? "" : " (" + attribute.unit()
                + ")") + (attribute.computed() ? ", computed by the server from the geometry" : ""));
        property.putAll(OpenApiComponents.schemaOf(attribute));
        if (attribute.isEnumerated()) {
            property.put("x-enum-labels", attribute.values().stream().collect(LinkedHashMap::new,
                    (map, v) -> map.put(v.value(), CollectionsController.pick(v.label(), language)), Map::putAll));
        }
        if (attribute.minimum() != null) {
            property.put("minimum", attribute.minimum());
        }
        if (attribute.maximum() != null) {
            property.put("maximum", attribute.maximum());
        }
        if (attribute.computed()) {
            property.put("readOnly", true);
        }
        return property;
    }
}
