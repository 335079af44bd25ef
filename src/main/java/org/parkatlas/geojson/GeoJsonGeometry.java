package org.parkatlas.geojson;

import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Label;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The one GeoJSON (RFC 7946) geometry codec, to and from JTS, used by the OGC API, the map's API, imports and CQL2
 * JSON alike. Reading reports the JSON Pointer of the first thing wrong; writing can swap the axes for a CRS whose
 * first axis is latitude or northing, and rounds to the CRS's sensible precision.
 */
public final class GeoJsonGeometry {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() { };

    private GeoJsonGeometry() {
    }

    public static Geometry read(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(pointer, Label.of("几何须为含 \"type\" 与 \"coordinates\" 的 JSON 对象",
                    "a geometry must be a JSON object with \"type\" and \"coordinates\""));
        }
        String type = node.path("type").isString() ? node.path("type").asString() : null;
        if (type == null) {
            throw new InvalidInputException(pointer + "/type", Label.of("几何缺少 \"type\"", "the geometry has no \"type\""));
        }
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.path("geometries");
            if (!members.isArray()) {
                throw new InvalidInputException(pointer + "/geometries", Label.of("GeometryCollection 需要 \"geometries\"",
                        "a GeometryCollection needs \"geometries\""));
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = read(members.get(i), pointer + "/geometries/" + i);
            }
            return FACTORY.createGeometryCollection(parts);
        }
        JsonNode coordinates = node.path("coordinates");
        String at = pointer + "/coordinates";
        if (!coordinates.isArray()) {
            throw new InvalidInputException(at, Label.of("几何缺少 \"coordinates\" 数组",
                    "the geometry has no \"coordinates\" array"));
        }
        return switch (type) {
            case "Point" -> FACTORY.createPoint(coordinate(coordinates, at));
            case "LineString" -> lineString(coordinates, at);
            case "Polygon" -> polygon(coordinates, at);
            case "MultiPoint" -> {
                Point[] points = new Point[coordinates.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = FACTORY.createPoint(coordinate(coordinates.get(i), at + "/" + i));
                }
                yield FACTORY.createMultiPoint(points);
            }
            case "MultiLineString" -> {
                LineString[] lines = new LineString[coordinates.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = lineString(coordinates.get(i), at + "/" + i);
                }
                yield FACTORY.createMultiLineString(lines);
            }
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), at + "/" + i);
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new InvalidInputException(pointer + "/type", Label.of("“" + type + "”不是 GeoJSON 几何类型"
                    + "（Point、LineString、Polygon、MultiPoint、MultiLineString、MultiPolygon、GeometryCollection）",
                    "\"" + type + "\" is not a GeoJSON geometry type (Point, LineString, Polygon, MultiPoint, "
                    + "MultiLineString, MultiPolygon, GeometryCollection)"));
        };
    }

    /** A position [x, y] or [x, y, z]: a height is kept as written (a store keeps x and y). */
    private static Coordinate coordinate(JsonNode position, String pointer) {
        if (!position.isArray() || position.size() < 2) {
            throw new InvalidInputException(pointer, Label.of("坐标须为含两个或三个数的数组 [x, y(, z)]",
                    "a position must be an array of two or three numbers [x, y(, z)]"));
        }
        double x = number(position.get(0), pointer + "/0");
        double y = number(position.get(1), pointer + "/1");
        return position.size() > 2 ? new Coordinate(x, y, number(position.get(2), pointer + "/2"))
                : new Coordinate(x, y);
    }

    /** A finite number; one written with 400 digits or as 1e999 is refused here, not turned into infinity later. */
    private static double number(JsonNode node, String pointer) {
        double value = node != null && node.isNumber() ? node.numberValue().doubleValue() : Double.NaN;
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(pointer, Label.of("坐标须为有限的数", "a coordinate must be a finite number"));
        }
        return value;
    }

    private static Coordinate[] positions(JsonNode array, String pointer) {
        if (!array.isArray()) {
            throw new InvalidInputException(pointer, Label.of("此处应为坐标数组", "expected an array of positions"));
        }
        Coordinate[] coordinates = new Coordinate[array.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = coordinate(array.get(i), pointer + "/" + i);
        }
        return coordinates;
    }

    private static LineString lineString(JsonNode array, String pointer) {
        Coordinate[] coordinates = positions(array, pointer);
        if (coordinates.length < 2) {
            throw new InvalidInputException(pointer, Label.of("LineString 至少需要两个坐标",
                    "a LineString needs at least two positions"));
        }
        return FACTORY.createLineString(coordinates);
    }

    private static Polygon polygon(JsonNode rings, String pointer) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidInputException(pointer, Label.of("Polygon 至少需要一个线环", "a Polygon needs at least one linear ring"));
        }
        LinearRing[] linearRings = new LinearRing[rings.size()];
        for (int i = 0; i < linearRings.length; i++) {
            String at = pointer + "/" + i;
            Coordinate[] ring = positions(rings.get(i), at);
            if (ring.length < 4) {
                throw new InvalidInputException(at, Label.of("线环至少需要四个坐标", "a linear ring needs at least four positions"));
            }
            if (!ring[0].equals2D(ring[ring.length - 1])) {
                throw new InvalidInputException(at, Label.of("线环须首尾相接", "a linear ring must end where it starts"));
            }
            linearRings[i] = FACTORY.createLinearRing(ring);
        }
        LinearRing[] holes = new LinearRing[linearRings.length - 1];
        System.arraycopy(linearRings, 1, holes, 0, holes.length);
        return FACTORY.createPolygon(linearRings[0], holes);
    }

    /**
     * Writes {@code geometry} as a GeoJSON geometry object.
     *
     * @param swapAxes write y before x (latitude/northing first), for CRSs that order their axes so
     * @param decimals the number of decimals kept (7 ≈ 1 cm in degrees, 3 = 1 mm in metres)
     */
    public static void write(JsonGenerator json, Geometry geometry, boolean swapAxes, int decimals) {
        json.writeStartObject();
        json.writeStringProperty("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection
                && !(geometry instanceof MultiPoint || geometry instanceof MultiLineString
                || geometry instanceof MultiPolygon)) {
            json.writeName("geometries");
            json.writeStartArray();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                write(json, collection.getGeometryN(i), swapAxes, decimals);
            }
            json.writeEndArray();
        } else {
            json.writeName("coordinates");
            writeCoordinates(json, geometry, swapAxes, decimals);
        }
        json.writeEndObject();
    }

    /** The geometry as a GeoJSON object tree (CRS84, x first), for embedding in other JSON answers. */
    public static Map<String, Object> toMap(Geometry geometry) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = MAPPER.createGenerator(text)) {
            write(json, geometry, false, 7);
        }
        return MAPPER.readValue(text.toString(), MAP_TYPE);
    }

    private static void writeCoordinates(JsonGenerator json, Geometry geometry, boolean swap, int decimals) {
        if (geometry instanceof Point point) {
            position(json, point.getCoordinate(), swap, decimals);
        } else if (geometry instanceof LineString line) {
            positions(json, line.getCoordinates(), swap, decimals);
        } else if (geometry instanceof Polygon polygon) {
            json.writeStartArray();
            positions(json, polygon.getExteriorRing().getCoordinates(), swap, decimals);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                positions(json, polygon.getInteriorRingN(i).getCoordinates(), swap, decimals);
            }
            json.writeEndArray();
        } else {
            json.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                writeCoordinates(json, geometry.getGeometryN(i), swap, decimals);
            }
            json.writeEndArray();
        }
    }

    private static void positions(JsonGenerator json, Coordinate[] coordinates, boolean swap, int decimals) {
        json.writeStartArray();
        for (Coordinate c : coordinates) {
            position(json, c, swap, decimals);
        }
        json.writeEndArray();
    }

    private static void position(JsonGenerator json, Coordinate c, boolean swap, int decimals) {
        json.writeStartArray();
        json.writeNumber(round(swap ? c.y : c.x, decimals));
        json.writeNumber(round(swap ? c.x : c.y, decimals));
        json.writeEndArray();
    }

    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};
    /** Below this a scaled coordinate's double is exact to a millionth, well inside the half-way window below. */
    private static final double EXACT_ENOUGH = 4e9;
    private static final double HALF_WINDOW = 1e-5;

    /**
     * Plain decimal text rounded half up to {@code decimals} places, trailing zeros dropped: never exponent notation,
     * which some GIS clients misread. The same text as {@code BigDecimal.valueOf(value).setScale(decimals, HALF_UP)
     * .stripTrailingZeros().toPlainString()} — which was 41 % of a 1 000-feature page's time — worked out in long
     * arithmetic: the value times 10^decimals, whose fraction says which way to round unless it lies within 10⁻⁵ of
     * one half (there the double's own digits decide, so BigDecimal does) or the number is too large to hold the
     * fraction that exactly (a longitude to 7 places and a northing to 3 are well within).
     */
    static String round(double value, int decimals) {
        if (decimals < 0 || decimals >= POWERS.length || !Double.isFinite(value)) {
            return exact(value, decimals);
        }
        long scale = POWERS[decimals];
        double scaled = Math.abs(value) * scale;
        if (scaled >= EXACT_ENOUGH) {
            return exact(value, decimals);
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < HALF_WINDOW) {
            return exact(value, decimals);
        }
        long units = (long) whole + (fraction > 0.5 ? 1 : 0);
        if (units == 0) {
            return "0";
        }
        StringBuilder text = new StringBuilder(20);
        if (value < 0) {
            text.append('-');
        }
        text.append(units / scale);
        long rest = units % scale;
        if (rest != 0) {
            int digits = decimals;
            while (rest % 10 == 0) {
                rest /= 10;
                digits--;
            }
            text.append('.');
            for (long p = POWERS[digits - 1]; p > rest; p /= 10) {
                text.append('0'); // leading zeros of the fraction
            }
            text.append(rest);
        }
        return text.toString();
    }

    private static String exact(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
