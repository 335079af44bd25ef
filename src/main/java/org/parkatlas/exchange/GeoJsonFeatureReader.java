package org.parkatlas.exchange;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.ComputedAttributes;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads GeoJSON features into a layer: checks every property against the layer's schema (type, required, allowed
 * values), checks the geometry (kind, validity), moves it into the storage CRS and derives the computed attributes.
 * The first problem found is reported with its JSON Pointer; nothing is half-read.
 */
public final class GeoJsonFeatureReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Layer layer;
    private final Crs sourceCrs;
    private final Crs storageCrs;

    /** A reader for GeoJSON in {@code sourceCrs} (CRS84, per RFC 7946, unless a client says otherwise). */
    public GeoJsonFeatureReader(Layer layer, Crs sourceCrs) {
        this.layer = layer;
        this.sourceCrs = sourceCrs;
        this.storageCrs = CrsRegistry.bySrid(layer.storageSrid())
                .orElseThrow(() -> new IllegalStateException("unsupported storage CRS " + layer.storageCrs()));
    }

    /** All features of a GeoJSON FeatureCollection document. */
    public List<Feature> readCollection(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidInputException("", "the document is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(null))) {
            throw new InvalidInputException("/type", "expected a GeoJSON FeatureCollection");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new InvalidInputException("/features", "a FeatureCollection needs a \"features\" array");
        }
        List<Feature> result = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            result.add(readFeature(features.get(i), "/features/" + i));
        }
        return result;
    }

    /** One GeoJSON Feature object found at {@code pointer} of its document. */
    public Feature readFeature(JsonNode node, String pointer) {
        if (node == null || !node.isObject() || !"Feature".equals(node.path("type").asString(null))) {
            throw new InvalidInputException(pointer, "expected a GeoJSON Feature object");
        }
        String id = readId(node.get("id"), pointer + "/id");
        Geometry geometry = readGeometry(node.get("geometry"), pointer + "/geometry");
        Map<String, Object> properties = readProperties(node.get("properties"), pointer + "/properties");
        Feature feature = new Feature(id, Reprojector.transform(geometry, sourceCrs, storageCrs), properties, 0);
        return ComputedAttributes.apply(layer, feature);
    }

    private static String readId(JsonNode id, String pointer) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!(id.isString() || id.isIntegralNumber()) || id.asString().isBlank() || id.asString().length() > 64) {
            throw new InvalidInputException(pointer, "a feature id must be a string or an integer of 1 to 64 characters");
        }
        return id.asString();
    }

    private Geometry readGeometry(JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            throw new InvalidInputException(pointer, "a " + layer.id() + " feature needs a geometry");
        }
        Geometry geometry = GeoJsonGeometry.read(node, pointer);
        if (!layer.geometryKind().accepts(geometry, layer.allowMulti())) {
            throw new InvalidInputException(pointer + "/type", "layer " + layer.id() + " holds "
                    + layer.geometryKind().geoJsonType() + (layer.allowMulti() ? " or Multi" + layer.geometryKind()
                    .geoJsonType() : "") + " geometries, not " + geometry.getGeometryType());
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw new InvalidInputException(pointer, "the geometry is not valid: " + error.getMessage() + " near ("
                    + error.getCoordinate().x + ", " + error.getCoordinate().y + ")");
        }
        return geometry;
    }

    private Map<String, Object> readProperties(JsonNode node, String pointer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new InvalidInputException(pointer, "\"properties\" must be a JSON object");
        }
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String name = entry.getKey();
                Attribute attribute = layer.attribute(name).orElseThrow(() -> new InvalidInputException(
                        pointer + "/" + name, "layer " + layer.id() + " has no property \"" + name + "\"; it has "
                        + layer.attributes().stream().map(Attribute::name).collect(Collectors.joining(", "))));
                if (attribute.computed() || entry.getValue().isNull()) {
                    continue; // computed values are the server's to set
                }
                properties.put(name, readValue(attribute, entry.getValue(), pointer + "/" + name));
            }
        }
        for (Attribute attribute : layer.writableAttributes()) {
            if (attribute.required() && !properties.containsKey(attribute.name())) {
                throw new InvalidInputException(pointer + "/" + attribute.name(),
                        "\"" + attribute.name() + "\" (" + attribute.label().en() + ") is required");
            }
        }
        return properties;
    }

    private static Object readValue(Attribute attribute, JsonNode value, String pointer) {
        Object result = switch (attribute.type()) {
            case STRING -> value.isString() || value.isNumber() ? value.asString() : null;
            case INTEGER -> value.isIntegralNumber() ? value.longValue() : null;
            case NUMBER -> value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
            case BOOLEAN -> value.isBoolean() ? value.booleanValue() : null;
            case DATE -> value.isString() ? parseDate(value.asString(), pointer) : null;
        };
        if (result == null) {
            throw new InvalidInputException(pointer, "\"" + attribute.name() + "\" must be "
                    + describe(attribute) + ", not " + value);
        }
        if (result instanceof String text && !attribute.allows(text)) {
            throw new InvalidInputException(pointer, "\"" + text + "\" is not a value of \"" + attribute.name()
                    + "\"; use one of " + attribute.values().stream().map(v -> v.value())
                    .collect(Collectors.joining(", ")));
        }
        return result;
    }

    private static LocalDate parseDate(String text, String pointer) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(pointer, "\"" + text + "\" is not a date in the form YYYY-MM-DD");
        }
    }

    private static String describe(Attribute attribute) {
        return switch (attribute.type()) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date string YYYY-MM-DD";
        };
    }
}
