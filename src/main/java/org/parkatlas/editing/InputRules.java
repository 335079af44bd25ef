package org.parkatlas.editing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.Limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every feature of every layer keeps, whoever writes it: an id that is a short plain name, a geometry of
 * the layer's kind that is valid with finite coordinates, text no longer than any person types, and numbers a
 * column can hold. They run before the layer's own rules, which may assume them. How long and how large is
 * configured ({@link Limits}).
 */
final class InputRules {

    /** Larger than any area, price or width, and small enough to stay exact in a double. */
    static final double MAX_NUMBER = 1e15;
    /** Letters (any script), digits, and - _ . : ; no slashes, spaces or control characters (ids appear in URLs). */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:-]{0,63}");

    /** The short name of each rule, for a map to label a violation with. */
    static final Map<String, Label> NAMES = Map.of(
            "feature-id", Label.of("要素编号不合规", "Unusable feature id"),
            "geometry-type", Label.of("几何类型不符", "Wrong geometry type"),
            "valid-geometry", Label.of("几何无效", "Invalid geometry"),
            "finite-coordinates", Label.of("坐标无效", "Coordinates out of range"),
            "text-length", Label.of("文字过长", "Text too long"),
            "number-range", Label.of("数值超出范围", "Number out of range"),
            "vertex-count", Label.of("顶点过多", "Too many vertices"));

    private InputRules() {
    }

    static List<RuleViolation> check(Layer layer, Feature feature, Limits limits) {
        int maxText = limits.maxTextLength();
        List<RuleViolation> violations = new ArrayList<>();
        if (feature.id() != null && !ID.matcher(feature.id()).matches()) {
            violations.add(new RuleViolation("feature-id", Label.of(
                    "要素编号须为 1–64 个字母、数字或 . _ : -，且以字母或数字开头",
                    "a feature id is 1–64 letters, digits or . _ : -, starting with a letter or digit"), List.of(),
                    null, "/id"));
        }
        checkGeometry(layer, feature.geometry(), limits.maxVertices()).ifPresent(violations::add);
        for (Map.Entry<String, Object> entry : feature.properties().entrySet()) {
            String pointer = "/properties/" + entry.getKey();
            if (entry.getValue() instanceof String text && text.length() > maxText) {
                violations.add(new RuleViolation("text-length", Label.of(
                        "“" + entry.getKey() + "”长 " + text.length() + " 个字符，最多 " + maxText + " 个",
                        "\"" + entry.getKey() + "\" is " + text.length() + " characters long; the most is "
                                + maxText), List.of(), null, pointer));
            }
            if (entry.getValue() instanceof Number number && !(Math.abs(number.doubleValue()) <= MAX_NUMBER)) {
                violations.add(new RuleViolation("number-range", Label.of(
                        "“" + entry.getKey() + "”的值 " + number + " 超出可保存的范围（±1e15）",
                        "\"" + entry.getKey() + "\" is " + number + ", outside the range a value can have (±1e15)"),
                        List.of(), null, pointer));
            }
        }
        return violations;
    }

    private static java.util.Optional<RuleViolation> checkGeometry(Layer layer, Geometry geometry, int maxVertices) {
        if (!layer.spatial()) {
            return geometry == null ? java.util.Optional.empty() : java.util.Optional.of(new RuleViolation(
                    "geometry-type", Label.of(layer.id() + " 是没有几何的名录图层：geometry 须为 null", layer.id()
                    + " is a catalogue without geometries: \"geometry\" must be null"), List.of(), null, "/geometry"));
        }
        if (geometry == null || geometry.isEmpty()) {
            return java.util.Optional.of(new RuleViolation("geometry-type", Label.of("要素需要几何",
                    "a " + layer.id() + " feature needs a geometry"), List.of(), null, "/geometry"));
        }
        if (geometry.getNumPoints() > maxVertices) {
            return java.util.Optional.of(new RuleViolation("vertex-count", Label.of(
                    "几何有 " + geometry.getNumPoints() + " 个顶点，最多 " + maxVertices + " 个",
                    "the geometry has " + geometry.getNumPoints() + " vertices; the most is " + maxVertices),
                    List.of(), null, "/geometry/coordinates"));
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return java.util.Optional.of(new RuleViolation("finite-coordinates", Label.of(
                        "几何含有无法表示的坐标（无穷大或非数值）",
                        "the geometry has a coordinate that is not a finite number"), List.of(), null,
                        "/geometry/coordinates"));
            }
        }
        if (!layer.geometryKind().accepts(geometry, layer.allowMulti())) {
            String kinds = layer.geometryKind().geoJsonType() + (layer.allowMulti() ? " or Multi"
                    + layer.geometryKind().geoJsonType() : "");
            return java.util.Optional.of(new RuleViolation("geometry-type", Label.of(
                    "图层 " + layer.id() + " 只收 " + kinds + " 几何，不收 " + geometry.getGeometryType(),
                    "layer " + layer.id() + " holds " + kinds + " geometries, not " + geometry.getGeometryType()),
                    List.of(), null, "/geometry/type"));
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            return java.util.Optional.of(new RuleViolation("valid-geometry", Label.of(
                    "几何无效：" + error.getMessage(), "the geometry is not valid: " + error.getMessage()), List.of(),
                    geometry.getFactory().createPoint(error.getCoordinate()), "/geometry"));
        }
        return java.util.Optional.empty();
    }
}
