package org.parkatlas.exchange;

import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Label;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads GeoJSON (RFC 7946) features into a layer through a {@link FeatureAssembler}, which checks them against the
 * layer's schema. The first problem found is reported with its JSON Pointer; nothing is half-read.
 */
public final class GeoJsonFeatureReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final FeatureAssembler assembler;

    /** A reader for GeoJSON in {@code sourceCrs} (CRS84, per RFC 7946, unless a client says otherwise). */
    public GeoJsonFeatureReader(Layer layer, Crs sourceCrs) {
        this.assembler = new FeatureAssembler(layer, sourceCrs, Set.of());
    }

    /** All features of a GeoJSON FeatureCollection document. */
    public List<Feature> readCollection(InputStream in) {
        return readCollection(in, read -> { });
    }

    /** All features of a FeatureCollection, telling {@code progress} how many are read every 1 000 features. */
    public List<Feature> readCollection(InputStream in, LongConsumer progress) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            String why = org.parkatlas.problem.JsonSyntax.describe(e);
            throw new InvalidInputException("", Label.of("文档不是有效的 JSON：" + why,
                    "the document is not valid JSON: " + why));
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString(null))) {
            throw new InvalidInputException("/type", Label.of("应为 GeoJSON 要素集合（FeatureCollection）",
                    "expected a GeoJSON FeatureCollection"));
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new InvalidInputException("/features", Label.of("FeatureCollection 需要 \"features\" 数组",
                    "a FeatureCollection needs a \"features\" array"));
        }
        List<Feature> result = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            result.add(readFeature(features.get(i), "/features/" + i));
            if ((i + 1) % 1000 == 0) {
                progress.accept(i + 1);
            }
        }
        progress.accept(result.size());
        return result;
    }

    /** One GeoJSON Feature object found at {@code pointer} of its document. */
    public Feature readFeature(JsonNode node, String pointer) {
        if (node == null || !node.isObject() || !"Feature".equals(node.path("type").asString(null))) {
            throw new InvalidInputException(pointer, Label.of("应为 GeoJSON 要素（Feature）对象", "expected a GeoJSON Feature object"));
        }
        String id = readId(node.get("id"), pointer + "/id");
        JsonNode geometryNode = node.get("geometry");
        Geometry geometry = geometryNode == null || geometryNode.isNull() ? null
                : GeoJsonGeometry.read(geometryNode, pointer + "/geometry");
        return assembler.assemble(pointer, id, geometry, rawProperties(node.get("properties"),
                pointer + "/properties"));
    }

    private static String readId(JsonNode id, String pointer) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (!(id.isString() || id.isIntegralNumber()) || id.asString().isBlank() || id.asString().length() > 64) {
            throw new InvalidInputException(pointer, Label.of("要素编号须为 1–64 个字符的字符串或整数",
                    "a feature id must be a string or an integer of 1 to 64 characters"));
        }
        return id.asString();
    }

    private static Map<String, Object> rawProperties(JsonNode node, String pointer) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(pointer, Label.of("\"properties\" 须为 JSON 对象", "\"properties\" must be a JSON object"));
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            values.put(entry.getKey(), rawValue(entry.getValue()));
        }
        return values;
    }

    /** A JSON value as the raw Java value a {@link FeatureAssembler} takes. */
    public static Object rawValue(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            // a 30-digit integer or 1e999 becomes a double (maybe infinite), for the number rules to refuse by name
            return value.numberValue().doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray() && value.valueStream().allMatch(JsonNode::isValueNode)) {
            List<Object> items = new ArrayList<>();
            value.valueStream().forEach(item -> items.add(rawValue(item)));
            return items; // a list of codes, or a mistake the assembler names
        }
        return value; // an object or nested array fits no attribute type: the assembler refuses it, showing the JSON
    }
}
