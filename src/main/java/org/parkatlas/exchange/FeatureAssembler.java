package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Label;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.AllowedValue;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.CodeList;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a file or a client sent — an id, a geometry in some CRS and raw values — into a feature of a layer: every
 * value checked against the layer's schema (type, required, allowed values) and the geometry moved into the storage
 * CRS. The first problem is reported with where it is ({@link InvalidInputException#pointer()}). What the geometry
 * must be (its kind, validity, finite coordinates) and the computed attributes are the one write path's to check and
 * set, for every writer alike ({@code editing.FeatureWriter}).
 */
public final class FeatureAssembler {

    private final Layer layer;
    private final Crs sourceCrs;
    private final boolean sourceInCrsAxisOrder;
    private final Crs storageCrs;
    private final Set<String> ignored;

    /**
     * @param ignored source property names that are not attributes but are expected and skipped (e.g. a
     *                GeoPackage's {@code fid})
     */
    public FeatureAssembler(Layer layer, Crs sourceCrs, Set<String> ignored) {
        this(layer, sourceCrs, true, ignored);
    }

    /**
     * For sources whose coordinates are always x = easting/longitude whatever the CRS says (GeoPackage, WKB), not in
     * the CRS's own axis order as GeoJSON with a {@code Content-Crs} is.
     */
    public static FeatureAssembler forXyCoordinates(Layer layer, Crs sourceCrs, Set<String> ignored) {
        return new FeatureAssembler(layer, sourceCrs, false, ignored);
    }

    private FeatureAssembler(Layer layer, Crs sourceCrs, boolean sourceInCrsAxisOrder, Set<String> ignored) {
        this.layer = layer;
        this.sourceCrs = sourceCrs;
        this.sourceInCrsAxisOrder = sourceInCrsAxisOrder;
        this.storageCrs = CrsRegistry.bySrid(layer.storageSrid())
                .orElseThrow(() -> new IllegalStateException("unsupported storage CRS " + layer.storageCrs()));
        this.ignored = Set.copyOf(ignored);
    }

    /**
     * @param values raw values: {@code String}, {@code Number}, {@code Boolean}, {@code LocalDate}/{@code Date}, a
     *               {@code List} of strings, or null for "not given"; anything else is refused as the wrong type
     */
    public Feature assemble(String pointer, String id, Geometry geometry, Map<String, Object> values) {
        String geometryPointer = pointer + "/geometry";
        if (!layer.spatial()) {
            if (geometry != null) {
                throw InvalidInputException.unprocessable(geometryPointer, Label.of(layer.id()
                        + " 是没有几何的名录图层：geometry 须为 null", layer.id() + " is a catalogue without "
                        + "geometries: \"geometry\" must be null"));
            }
            return assembleInStorageCrs(pointer, id, null, values);
        }
        if (geometry == null) {
            throw InvalidInputException.unprocessable(geometryPointer, Label.of(layer.title().zh() + "要素需要几何",
                    "a " + layer.id() + " feature needs a geometry"));
        }
        Geometry xy = xy(geometry);
        checkRange(xy, geometryPointer);
        return assembleInStorageCrs(pointer, id, Reprojector.transform(xy, sourceCrs, storageCrs), values);
    }

    /** As {@link #assemble}, for a geometry already in the layer's storage CRS (e.g. kept from the stored feature). */
    public Feature assembleInStorageCrs(String pointer, String id, Geometry geometry, Map<String, Object> values) {
        Map<String, Object> properties = readProperties(values, pointer + "/properties");
        return new Feature(id, geometry, properties, 0);
    }

    /**
     * In a geographic CRS a longitude lies within ±180° and a latitude within ±90°: a road "at longitude 200" is a
     * mistake, not a place, and would otherwise land somewhere else after reprojection.
     */
    private void checkRange(Geometry xy, String pointer) {
        checkRange(xy, sourceCrs, pointer);
    }

    /** The same check for any geometry in x = longitude order, for adapters that read geometries themselves. */
    public static void checkRange(Geometry xy, Crs sourceCrs, String pointer) {
        if (!sourceCrs.geographic()) {
            return;
        }
        for (org.locationtech.jts.geom.Coordinate c : xy.getCoordinates()) {
            if (!(Math.abs(c.x) <= 180) || !(Math.abs(c.y) <= 90)) {
                throw InvalidInputException.unprocessable(pointer + "/coordinates", Label.of(
                        "坐标 (" + c.x + ", " + c.y + ") 超出经度 ±180°、纬度 ±90° 的范围（" + sourceCrs.label() + "）",
                        "the position (" + c.x + ", " + c.y + ") is outside longitude ±180° and latitude ±90° ("
                                + sourceCrs.label() + ")"));
            }
        }
    }

    /** The geometry with x = easting/longitude, whatever axis order the source CRS writes. */
    private Geometry xy(Geometry geometry) {
        return sourceInCrsAxisOrder ? sourceCrs.toXy(geometry) : geometry;
    }

    private Map<String, Object> readProperties(Map<String, Object> values, String pointer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = entry.getKey();
            if (ignored.contains(name)) {
                continue;
            }
            Attribute attribute = layer.attribute(name).orElseThrow(() -> InvalidInputException.unprocessable(
                    pointer + "/" + name, Label.of("图层 " + layer.id() + " 没有属性“" + name + "”；它的属性有 "
                    + names(layer), "layer " + layer.id() + " has no property \"" + name + "\"; it has "
                    + names(layer))));
            if (layer.isDerived(name) || entry.getValue() == null) {
                continue; // derived values are worked out when read; computed ones the write path sets again
            }
            Object value = readValue(attribute, entry.getValue(), pointer + "/" + name);
            if (!(value instanceof List<?> list && list.isEmpty())) {
                properties.put(name, value); // an empty list of codes is no value, as in the store
            }
        }
        for (Attribute attribute : layer.writableAttributes()) {
            if (attribute.required() && !properties.containsKey(attribute.name())) {
                throw InvalidInputException.unprocessable(pointer + "/" + attribute.name(), Label.of(
                        "“" + attribute.name() + "”（" + attribute.label().zh() + "）为必填",
                        "\"" + attribute.name() + "\" (" + attribute.label().en() + ") is required"));
            }
        }
        return properties;
    }

    private static Object readValue(Attribute attribute, Object value, String pointer) {
        Object result = switch (attribute.type()) {
            case STRING -> value instanceof String || value instanceof Number ? text(value) : null;
            case INTEGER -> integer(value);
            case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
            case BOOLEAN -> bool(value);
            case DATE -> date(value, pointer);
            case CODE_LIST -> codes(value);
        };
        if (result == null) {
            String given = shown(value);
            throw InvalidInputException.unprocessable(pointer, Label.of("“" + attribute.name() + "”须为"
                    + describe(attribute).zh() + "，而不是 " + given, "\"" + attribute.name() + "\" must be "
                    + describe(attribute).en() + ", not " + given));
        }
        if (result instanceof Number number && !attribute.inRange(number.doubleValue())) {
            String range = clip(String.valueOf(attribute.minimum())) + " … " + clip(String.valueOf(attribute.maximum()));
            throw InvalidInputException.unprocessable(pointer, Label.of("“" + attribute.name() + "”（"
                    + attribute.label().zh() + "）须在 " + range + " 之间，而不是 " + shown(number), "\""
                    + attribute.name() + "\" (" + attribute.label().en() + ") must be between " + range + ", not "
                    + shown(number)));
        }
        if (result instanceof List<?> codes) {
            for (int i = 0; i < codes.size(); i++) {
                allowed(attribute, (String) codes.get(i), value instanceof List<?> ? pointer + "/" + i : pointer);
            }
        }
        if (result instanceof String text) {
            allowed(attribute, text, pointer);
        }
        return result;
    }

    private static void allowed(Attribute attribute, String text, String pointer) {
        if (!attribute.allows(text)) {
            String values = attribute.values().stream().map(AllowedValue::value).collect(Collectors.joining(", "));
            throw InvalidInputException.unprocessable(pointer, Label.of("“" + clip(text) + "”不是“" + attribute.name()
                    + "”的可选值；可用：" + values, "\"" + clip(text) + "\" is not a value of \"" + attribute.name()
                    + "\"; use one of " + values));
        }
    }

    /** A JSON array of codes, or the text of one as a GeoPackage or a spreadsheet holds it ({@link CodeList}). */
    private static List<String> codes(Object value) {
        if (value instanceof String text) {
            return CodeList.parse(text);
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        return List.copyOf(new LinkedHashSet<>(list.stream().map(String.class::cast).toList()));
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue()); // a land-use code typed as a number, 100101.0 → "100101"
        }
        return value.toString();
    }

    private static Long integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        return null;
    }

    /** true/false, or the 1/0 that GeoPackages and shapefiles store booleans as. */
    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        return null;
    }

    private static LocalDate date(Object value, String pointer) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.unprocessable(pointer, Label.of("“" + clip(s) + "”不是 YYYY-MM-DD 形式的日期",
                        "\"" + clip(s) + "\" is not a date in the form YYYY-MM-DD"));
            }
        }
        return null;
    }

    private static Label describe(Attribute attribute) {
        return switch (attribute.type()) {
            case STRING -> Label.of("字符串", "a string");
            case INTEGER -> Label.of("整数", "an integer");
            case NUMBER -> Label.of("数值", "a number");
            case BOOLEAN -> Label.of("true 或 false", "true or false");
            case DATE -> Label.of("YYYY-MM-DD 形式的日期字符串", "a date string YYYY-MM-DD");
            case CODE_LIST -> Label.of("由代码字符串组成的数组", "an array of code strings");
        };
    }

    /** A value as a message quotes it: strings quoted, and nothing longer than a person reads. */
    private static String shown(Object value) {
        return value instanceof String s ? "\"" + clip(s) + "\"" : clip(String.valueOf(value));
    }

    private static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String names(Layer layer) {
        return layer.attributes().stream().map(Attribute::name).collect(Collectors.joining(", "));
    }
}
