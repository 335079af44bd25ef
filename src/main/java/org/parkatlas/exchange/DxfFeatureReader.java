package org.parkatlas.exchange;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.parkatlas.catalog.GeometryKind;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.problem.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ASCII DXF drawing into a layer: closed polylines (LWPOLYLINE, or POLYLINE with its VERTEXes) as
 * parcels and other areas — a closed polyline inside another on the same DXF layer is a hole in it, as CAD draws
 * them; open polylines and LINEs as lines; POINTs as points. Coordinates are EPSG:4546 metres, also with the zone
 * number 37 in front of the easting as Chinese survey drawings often write it. Text is decoded in the drawing's
 * code page ({@code $DWGCODEPAGE}; UTF-8 from AutoCAD 2007 on; GBK when it says nothing).
 *
 * <p>Attributes come, in this order, from ParkAtlas's own XDATA ({@link DxfExport}: the id and every attribute,
 * so an exported drawing comes back whole), then from the mapping the import gives: the DXF layer's name as the
 * value of one attribute ({@link Mapping#layerAttribute}, e.g. land-use layers {@code 100101}…), the TEXT placed
 * inside a shape as another ({@link Mapping#labelAttribute}, the parcel code by default), and fixed values for
 * the rest ({@link Mapping#fixed}). Arcs in polylines (bulges) are read as their chords.
 */
final class DxfFeatureReader {

    /**
     * How a drawing's layers and texts become attributes.
     *
     * @param layers         the DXF layers to read shapes from (empty: the one named like the collection if there is
     *                       one, else every layer)
     * @param layerAttribute the attribute that takes the DXF layer's name, or null
     * @param labelAttribute the attribute that takes the text inside a shape, or null for {@code code} (else
     *                       {@code name}) where the collection has it
     * @param fixed          values every imported feature gets where nothing else gave one
     */
    record Mapping(Set<String> layers, String layerAttribute, String labelAttribute, Map<String, String> fixed) {
        static final Mapping NONE = new Mapping(Set.of(), null, null, Map.of());

        Mapping {
            layers = Set.copyOf(layers);
            fixed = Map.copyOf(fixed);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern UNICODE = Pattern.compile("\\\\U\\+([0-9A-Fa-f]{4})");
    /** Eastings of EPSG:4546 lie about 500 km either side of the meridian; with the zone number, 37 500 km. */
    private static final double ZONE_PREFIX = 37_000_000;
    /**
     * Where EPSG:4546 coordinates can be: a 3° zone reaches about 140 km either side of 500 km (kept generous), and
     * China lies between 18° and 54° north. Longitudes and latitudes, or local site grids, fall outside.
     */
    private static final double MIN_EASTING = 200_000;
    private static final double MAX_EASTING = 800_000;
    private static final double MIN_NORTHING = 1_900_000;
    private static final double MAX_NORTHING = 6_100_000;

    private final Layer layer;
    private final Mapping mapping;
    private final GeometryFactory factory = new GeometryFactory();
    /** Every entity type met in the ENTITIES section and how often, for the message when none is of use. */
    private final Map<String, Long> seen = new java.util.TreeMap<>();

    DxfFeatureReader(Layer layer, Mapping mapping) {
        this.layer = layer;
        this.mapping = mapping;
    }

    /** An ASCII DXF starts with a group code 0 and SECTION (after optional comments, 999). */
    static boolean isDxf(byte[] start) {
        String text = new String(start, StandardCharsets.ISO_8859_1).stripLeading();
        return text.startsWith("0") && text.contains("SECTION") || text.startsWith("999");
    }

    /** One drawn thing, as far as this reader cares. */
    private record Entity(int index, String type, String dxfLayer, List<Coordinate> points, boolean closed,
                          String text, String xdata, int line) {

        /** The same entity with its positions in EPSG:4546 (the zone number taken off), or null where one is not. */
        Entity located() {
            List<Coordinate> fixed = fix(points);
            return fixed == null ? null : new Entity(index, type, dxfLayer, fixed, closed, text, xdata, line);
        }
    }

    List<Feature> read(byte[] file, LongConsumer progress) {
        if (new String(file, 0, Math.min(file.length, 22), StandardCharsets.ISO_8859_1)
                .startsWith("AutoCAD Binary DXF")) {
            throw new InvalidInputException("", Label.of("这是二进制 DXF；请在 CAD 中另存为 ASCII（文本）DXF",
                    "this is a binary DXF; save it from CAD as an ASCII (text) DXF"));
        }
        List<Entity> entities = entities(decode(file));
        // texts elsewhere in the drawing (a title block, a legend in paper units) are not the park's: left aside
        List<Entity> texts = entities.stream().filter(e -> e.type().equals("TEXT") && e.text() != null)
                .map(Entity::located).filter(java.util.Objects::nonNull).toList();
        Set<String> layers = chosenLayers(entities);
        List<Entity> shapes = entities.stream().filter(e -> !e.type().equals("TEXT"))
                .filter(e -> layers.contains(e.dxfLayer())).filter(this::fits).toList();
        // a parcel is often drawn twice, as its outline and as a hatch: the outlines win where there are any
        if (shapes.stream().anyMatch(e -> !e.type().equals("HATCH"))) {
            shapes = shapes.stream().filter(e -> !e.type().equals("HATCH")).toList();
        }
        if (shapes.isEmpty()) {
            Map<String, Long> found = seen;
            String kind = switch (layer.geometryKind()) {
                case POLYGON -> "闭合多段线或填充";
                case LINESTRING -> "多段线或直线";
                case POINT -> "点";
                case NONE -> "几何"; // refused before: a catalogue is not imported from a drawing
            };
            String kindEn = switch (layer.geometryKind()) {
                case POLYGON -> "closed polylines or hatches";
                case LINESTRING -> "polylines or lines";
                case POINT -> "points";
                case NONE -> "geometries";
            };
            String where = layers.isEmpty() ? "图纸" : "图层 " + String.join("、", layers);
            String whereEn = layers.isEmpty() ? "the drawing" : String.join(", ", layers);
            throw new InvalidInputException("/dxf_layers", Label.of(where + " 中没有" + kind + "，未导入任何要素；图纸中有："
                    + (found.isEmpty() ? "（无实体）" : found.toString()), "there are no " + kindEn + " on " + whereEn
                    + ", so nothing was imported; the drawing holds " + (found.isEmpty() ? "no entities"
                    : found.toString())));
        }
        shapes = shapes.stream().map(DxfFeatureReader::locatedOrRefused).toList();
        List<Feature> features = layer.geometryKind() == GeometryKind.POLYGON ? areas(shapes, texts)
                : others(shapes, texts);
        progress.accept(features.size());
        return features;
    }

    private Set<String> chosenLayers(List<Entity> entities) {
        Set<String> present = new LinkedHashSet<>();
        entities.forEach(e -> present.add(e.dxfLayer()));
        if (!mapping.layers().isEmpty()) {
            for (String wanted : mapping.layers()) {
                if (!present.contains(wanted)) {
                    throw new InvalidInputException("/dxf_layers", Label.of("图纸中没有图层“" + wanted + "”；现有："
                            + String.join("、", present), "the drawing has no layer \"" + wanted + "\"; it has "
                            + String.join(", ", present)));
                }
            }
            return mapping.layers();
        }
        return present.contains(layer.id()) ? Set.of(layer.id()) : present;
    }

    /** Whether an entity is the kind of shape this collection holds. */
    private boolean fits(Entity entity) {
        return switch (layer.geometryKind()) {
            case POLYGON -> entity.closed() && distinct(entity.points()) >= 3;
            case LINESTRING -> !entity.type().equals("POINT") && !entity.closed() && distinct(entity.points()) >= 2;
            case POINT -> entity.type().equals("POINT");
            case NONE -> false;
        };
    }

    private static long distinct(List<Coordinate> points) {
        return points.stream().distinct().count();
    }

    // ---- areas: shells, holes, labels

    private List<Feature> areas(List<Entity> closed, List<Entity> texts) {
        record Ring(Entity entity, Polygon area, PreparedGeometry prepared) {
        }
        List<Ring> rings = new ArrayList<>();
        for (Entity entity : closed) {
            Polygon area = factory.createPolygon(ring(entity));
            rings.add(new Ring(entity, area, PreparedGeometryFactory.prepare(area)));
        }
        rings.sort(Comparator.comparingDouble((Ring r) -> -r.area().getArea()));
        // each ring's smallest container on the same DXF layer; depth parity says shell or hole
        int[] parent = new int[rings.size()];
        int[] depth = new int[rings.size()];
        for (int i = 0; i < rings.size(); i++) {
            parent[i] = -1;
            Ring ring = rings.get(i);
            for (int j = i - 1; j >= 0; j--) {
                Ring outer = rings.get(j);
                if (outer.entity().dxfLayer().equals(ring.entity().dxfLayer())
                        && outer.area().getArea() > ring.area().getArea() && outer.prepared().containsProperly(
                        ring.area().getExteriorRing())) {
                    parent[i] = j;
                    depth[i] = depth[j] + 1;
                    break; // sorted by area: the first container met going back is the smallest
                }
            }
        }
        Map<Integer, List<LinearRing>> holes = new LinkedHashMap<>();
        for (int i = 0; i < rings.size(); i++) {
            if (depth[i] % 2 == 1) {
                holes.computeIfAbsent(parent[i], k -> new ArrayList<>()).add(rings.get(i).area().getExteriorRing());
            }
        }
        // shells in drawing order; parts that share an id (XDATA) become one multipolygon
        List<Integer> shells = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            if (depth[i] % 2 == 0) {
                shells.add(i);
            }
        }
        shells.sort(Comparator.comparingInt(i -> rings.get(i).entity().index()));
        Map<Object, List<Polygon>> parts = new LinkedHashMap<>();
        Map<Object, Entity> first = new LinkedHashMap<>();
        for (int i : shells) {
            Entity entity = rings.get(i).entity();
            // CAD draws in either direction; handed on as GeoJSON and OGC orient them (shells anticlockwise)
            Polygon polygon = factory.createPolygon(orient(rings.get(i).area().getExteriorRing(), true),
                    holes.getOrDefault(i, List.of()).stream().map(h -> orient(h, false)).toArray(LinearRing[]::new));
            Object key = xdataId(entity);
            if (key == null) {
                key = entity; // a foreign drawing: every closed polyline is its own feature
            }
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(polygon);
            if (!first.containsKey(key) || isMain(entity)) {
                first.put(key, entity);
            }
        }
        List<Feature> features = new ArrayList<>();
        for (Map.Entry<Object, List<Polygon>> entry : parts.entrySet()) {
            List<Polygon> polygons = entry.getValue();
            Geometry geometry = polygons.size() == 1 ? polygons.get(0)
                    : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            features.add(feature(first.get(entry.getKey()), geometry, texts));
        }
        return features;
    }

    private List<Feature> others(List<Entity> shapes, List<Entity> texts) {
        Map<Object, List<Geometry>> parts = new LinkedHashMap<>();
        Map<Object, Entity> first = new LinkedHashMap<>();
        for (Entity entity : shapes) {
            Geometry geometry = entity.type().equals("POINT") ? factory.createPoint(entity.points().get(0))
                    : factory.createLineString(entity.points().toArray(Coordinate[]::new));
            Object key = xdataId(entity) == null ? entity : xdataId(entity);
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(geometry);
            if (!first.containsKey(key) || isMain(entity)) {
                first.put(key, entity);
            }
        }
        List<Feature> features = new ArrayList<>();
        for (Map.Entry<Object, List<Geometry>> entry : parts.entrySet()) {
            List<Geometry> geometries = entry.getValue();
            Geometry geometry = geometries.size() == 1 ? geometries.get(0)
                    : layer.geometryKind() == GeometryKind.POINT
                    ? factory.createMultiPoint(geometries.toArray(Point[]::new))
                    : factory.createMultiLineString(geometries.toArray(LineString[]::new));
            features.add(feature(first.get(entry.getKey()), geometry, texts));
        }
        return features;
    }

    private Feature feature(Entity entity, Geometry geometry, List<Entity> texts) {
        String pointer = "/entities/" + entity.index();
        Map<String, Object> values = new LinkedHashMap<>();
        String id = null;
        JsonNode own = xdata(entity);
        if (own != null && own.has("properties")) {
            id = own.path("id").isString() ? own.path("id").asString() : null;
            for (Map.Entry<String, JsonNode> property : own.path("properties").properties()) {
                values.put(property.getKey(), value(property.getValue()));
            }
        }
        if (mapping.layerAttribute() != null) {
            values.putIfAbsent(mapping.layerAttribute(), entity.dxfLayer());
        }
        String labelAttribute = labelAttribute();
        if (labelAttribute != null && !values.containsKey(labelAttribute)) {
            String label = labelInside(geometry, texts);
            if (label != null) {
                values.put(labelAttribute, label);
            }
        }
        mapping.fixed().forEach(values::putIfAbsent);
        return FeatureAssembler.forXyCoordinates(layer, Crs.CGCS2000_GK_CM_111E, Set.of())
                .assemble(pointer, id, geometry, values);
    }

    private String labelAttribute() {
        if (mapping.labelAttribute() != null) {
            return mapping.labelAttribute();
        }
        return layer.hasAttribute("code") ? "code" : layer.hasAttribute("name") ? "name" : null;
    }

    /** The text placed inside an area (nearest its centre when several are), or on a line's or point's spot. */
    private static String labelInside(Geometry geometry, List<Entity> texts) {
        PreparedGeometry area = PreparedGeometryFactory.prepare(geometry.getDimension() == 2 ? geometry
                : geometry.buffer(geometry.getDimension() == 0 ? 5 : 2));
        Point centre = geometry.getInteriorPoint();
        String best = null;
        double nearest = Double.POSITIVE_INFINITY;
        for (Entity text : texts) {
            Point at = new GeometryFactory().createPoint(text.points().get(0));
            if (area.covers(at) && at.distance(centre) < nearest) {
                nearest = at.distance(centre);
                best = text.text().strip();
            }
        }
        return best == null || best.isEmpty() ? null : best;
    }

    private static Object value(JsonNode node) {
        if (node.isArray()) {
            List<String> codes = new ArrayList<>();
            node.forEach(n -> codes.add(n.asString()));
            return codes;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isNull() ? null : node.asString();
    }

    private Object xdataId(Entity entity) {
        JsonNode data = xdata(entity);
        return data != null && data.path("id").isString() ? "id:" + data.path("id").asString() : null;
    }

    private boolean isMain(Entity entity) {
        JsonNode data = xdata(entity);
        return data != null && data.has("properties");
    }

    private static JsonNode xdata(Entity entity) {
        if (entity.xdata() == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(entity.xdata());
            return node.isObject() ? node : null;
        } catch (tools.jackson.core.JacksonException e) {
            return null; // XDATA of another program that happens to use our name: not ours to read
        }
    }

    private static LinearRing orient(LinearRing ring, boolean anticlockwise) {
        return org.locationtech.jts.algorithm.Orientation.isCCW(ring.getCoordinates()) == anticlockwise ? ring
                : ring.reverse();
    }

    private LinearRing ring(Entity entity) {
        List<Coordinate> points = new ArrayList<>(entity.points());
        if (!points.get(0).equals2D(points.get(points.size() - 1))) {
            points.add(new Coordinate(points.get(0)));
        }
        return factory.createLinearRing(points.toArray(Coordinate[]::new));
    }

    // ---- the file: code page, group pairs, entities

    private static String decode(byte[] file) {
        String ascii = new String(file, StandardCharsets.ISO_8859_1);
        String version = headerValue(ascii, "$ACADVER");
        Charset charset;
        if (version != null && version.compareTo("AC1021") >= 0) {
            charset = StandardCharsets.UTF_8; // AutoCAD 2007 and later write UTF-8
        } else {
            String page = headerValue(ascii, "$DWGCODEPAGE");
            charset = switch (page == null ? "" : page.toUpperCase(Locale.ROOT)) {
                case "ANSI_950" -> Charset.forName("Big5");
                case "ANSI_932" -> Charset.forName("Shift_JIS");
                case "ANSI_1252" -> Charset.forName("windows-1252");
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                default -> Charset.forName("GBK"); // ANSI_936, or nothing said: the Chinese CAD default
            };
        }
        String text = new String(file, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String headerValue(String ascii, String variable) {
        Matcher m = Pattern.compile("\\r?\\n\\s*9\\r?\\n" + Pattern.quote(variable) + "\\r?\\n\\s*\\d+\\r?\\n([^\\r\\n]*)")
                .matcher(ascii);
        return m.find() ? m.group(1).trim() : null;
    }

    private List<Entity> entities(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        List<Entity> entities = new ArrayList<>();
        int i = 0;
        boolean inEntities = false;
        while (i + 1 < lines.length) {
            int code = code(lines, i);
            String value = lines[i + 1].strip();
            if (code == 0 && value.equals("SECTION") && i + 3 < lines.length) {
                inEntities = code(lines, i + 2) == 2 && lines[i + 3].strip().equals("ENTITIES");
                i += 4;
                continue;
            }
            if (code == 0 && value.equals("ENDSEC")) {
                inEntities = false;
            }
            if (!inEntities || code != 0 || value.equals("ENDSEC")) {
                i += 2;
                continue;
            }
            // an entity: its pairs up to the next 0
            int line = i;
            seen.merge(value, 1L, Long::sum);
            List<String[]> pairs = new ArrayList<>();
            i += 2;
            while (i + 1 < lines.length && code(lines, i) != 0) {
                pairs.add(new String[] {String.valueOf(code(lines, i)), lines[i + 1]});
                i += 2;
            }
            switch (value) {
                case "LWPOLYLINE" -> entities.add(lwpolyline(entities.size(), pairs, line));
                case "POLYLINE" -> {
                    List<Coordinate> points = new ArrayList<>();
                    while (i + 1 < lines.length && code(lines, i) == 0 && lines[i + 1].strip().equals("VERTEX")) {
                        List<String[]> vertex = new ArrayList<>();
                        int vertexLine = i;
                        i += 2;
                        while (i + 1 < lines.length && code(lines, i) != 0) {
                            vertex.add(new String[] {String.valueOf(code(lines, i)), lines[i + 1]});
                            i += 2;
                        }
                        if ((flags(vertex) & 16) == 0) { // not a spline frame control point
                            points.add(point(vertex, 10, 20, vertexLine));
                        }
                    }
                    if (i + 1 < lines.length && lines[i + 1].strip().equals("SEQEND")) {
                        i += 2;
                        while (i + 1 < lines.length && code(lines, i) != 0) {
                            i += 2;
                        }
                    }
                    int flags = flags(pairs);
                    if ((flags & (16 | 64)) == 0 && !points.isEmpty()) { // meshes are not outlines
                        entities.add(new Entity(entities.size(), "POLYLINE", layerOf(pairs), points,
                                (flags & 1) == 1 || closedByPoints(points), null, xdataOf(pairs), line));
                    }
                }
                case "LINE" -> entities.add(new Entity(entities.size(), "LINE", layerOf(pairs),
                        List.of(point(pairs, 10, 20, line), point(pairs, 11, 21, line)), false, null,
                        xdataOf(pairs), line));
                case "POINT" -> entities.add(new Entity(entities.size(), "POINT", layerOf(pairs),
                        List.of(point(pairs, 10, 20, line)), false, null, xdataOf(pairs), line));
                case "HATCH" -> hatch(entities, pairs, line);
                case "TEXT", "MTEXT" -> {
                    String content = textOf(pairs, value.equals("MTEXT"));
                    boolean aligned = value.equals("TEXT") && (number(pairs, 72) != 0 || number(pairs, 73) != 0)
                            && has(pairs, 11);
                    Coordinate at = aligned ? point(pairs, 11, 21, line) : point(pairs, 10, 20, line);
                    entities.add(new Entity(entities.size(), "TEXT", layerOf(pairs), List.of(at), false,
                            content, null, line));
                }
                default -> {
                    // circles, hatches, blocks, dimensions: not shapes of the park model
                }
            }
        }
        return entities;
    }

    private Entity lwpolyline(int index, List<String[]> pairs, int line) {
        List<Coordinate> points = new ArrayList<>();
        Double x = null;
        for (String[] pair : pairs) {
            if (pair[0].equals("10")) {
                x = parse(pair[1], line);
            } else if (pair[0].equals("20") && x != null) {
                points.add(new Coordinate(x, parse(pair[1], line)));
                x = null;
            }
        }
        if (points.isEmpty()) {
            throw bad(line, "LWPOLYLINE 没有顶点", "an LWPOLYLINE has no vertices");
        }
        return new Entity(index, "LWPOLYLINE", layerOf(pairs), points,
                (flags(pairs) & 1) == 1 || closedByPoints(points), null, xdataOf(pairs), line);
    }

    private static boolean closedByPoints(List<Coordinate> points) {
        return points.size() >= 4 && points.get(0).equals2D(points.get(points.size() - 1));
    }

    /** Takes the zone number off prefixed eastings; null when a position is not EPSG:4546 metres. */
    private static List<Coordinate> fix(List<Coordinate> points) {
        List<Coordinate> fixed = new ArrayList<>(points.size());
        for (Coordinate c : points) {
            double x = c.x >= ZONE_PREFIX && c.x < ZONE_PREFIX + 1_000_000 ? c.x - ZONE_PREFIX : c.x;
            if (!(x > MIN_EASTING && x < MAX_EASTING) || !(c.y > MIN_NORTHING && c.y < MAX_NORTHING)) {
                return null;
            }
            fixed.add(new Coordinate(x, c.y));
        }
        return fixed;
    }

    /** A shape to import must lie in EPSG:4546; one that does not is refused with where it is. */
    private static Entity locatedOrRefused(Entity entity) {
        Entity located = entity.located();
        if (located == null) {
            Coordinate c = entity.points().get(0);
            throw bad(entity.line(), entity.type() + " 的坐标 (" + c.x + ", " + c.y + ") 不是 CGCS2000 3 度带 111°E"
                    + "（EPSG:4546，可带 37 带号）的米制坐标", "the " + entity.type() + " at (" + c.x + ", " + c.y
                    + ") is not in CGCS2000 GK 3° CM 111°E metres (EPSG:4546, optionally with the zone number 37)");
        }
        return located;
    }

    /**
     * A HATCH's boundary paths as closed outlines (GDAL's DXF writer draws polygons this way): polyline paths, and
     * paths of line and circular-arc edges (arcs as 32-segment polylines); ellipse and spline edges leave their
     * path out.
     */
    private static void hatch(List<Entity> entities, List<String[]> pairs, int line) {
        int i = 0;
        while (i < pairs.size() && !pairs.get(i)[0].equals("91")) {
            i++;
        }
        if (i >= pairs.size()) {
            return;
        }
        int paths = (int) parse(pairs.get(i)[1], line);
        i++;
        for (int path = 0; path < paths && i < pairs.size(); path++) {
            while (i < pairs.size() && !pairs.get(i)[0].equals("92")) {
                i++;
            }
            if (i >= pairs.size()) {
                return;
            }
            int flags = (int) parse(pairs.get(i++)[1], line);
            List<Coordinate> ring = new ArrayList<>();
            boolean usable = true;
            if ((flags & 2) != 0) {
                boolean bulges = i < pairs.size() && pairs.get(i)[0].equals("72") && parse(pairs.get(i)[1], line) != 0;
                while (i < pairs.size() && !pairs.get(i)[0].equals("93")) {
                    i++;
                }
                int vertices = i < pairs.size() ? (int) parse(pairs.get(i++)[1], line) : 0;
                for (int v = 0; v < vertices && i + 1 < pairs.size(); v++) {
                    ring.add(new Coordinate(parse(pairs.get(i)[1], line), parse(pairs.get(i + 1)[1], line)));
                    i += 2;
                    if (bulges && i < pairs.size() && pairs.get(i)[0].equals("42")) {
                        i++;
                    }
                }
            } else {
                while (i < pairs.size() && !pairs.get(i)[0].equals("93")) {
                    i++;
                }
                int edges = i < pairs.size() ? (int) parse(pairs.get(i++)[1], line) : 0;
                for (int e = 0; e < edges && i < pairs.size(); e++) {
                    int type = (int) parse(pairs.get(i++)[1], line); // 72
                    Map<String, Double> v = new LinkedHashMap<>();
                    while (i < pairs.size() && !pairs.get(i)[0].equals("72") && !pairs.get(i)[0].equals("97")) {
                        v.putIfAbsent(pairs.get(i)[0], parse(pairs.get(i)[1], line));
                        i++;
                    }
                    if (type == 1) {
                        ring.add(new Coordinate(v.getOrDefault("10", 0.0), v.getOrDefault("20", 0.0)));
                    } else if (type == 2) {
                        arc(ring, v);
                    } else {
                        usable = false;
                    }
                }
            }
            while (i < pairs.size() && !pairs.get(i)[0].equals("92") && !pairs.get(i)[0].equals("75")) {
                i++; // source boundary objects (97, 330 …)
            }
            if (usable && ring.size() >= 3) {
                if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
                    ring.add(new Coordinate(ring.get(0)));
                }
                entities.add(new Entity(entities.size(), "HATCH", layerOf(pairs), ring, true, null, null, line));
            }
        }
    }

    private static void arc(List<Coordinate> ring, Map<String, Double> v) {
        double cx = v.getOrDefault("10", 0.0);
        double cy = v.getOrDefault("20", 0.0);
        double r = v.getOrDefault("40", 0.0);
        double start = Math.toRadians(v.getOrDefault("50", 0.0));
        double end = Math.toRadians(v.getOrDefault("51", 360.0));
        boolean anticlockwise = v.getOrDefault("73", 1.0) != 0;
        double sweep = anticlockwise ? end - start : start - end;
        while (sweep <= 0) {
            sweep += 2 * Math.PI;
        }
        for (int k = 0; k < 32; k++) {
            double a = anticlockwise ? start + sweep * k / 32 : start - sweep * k / 32;
            ring.add(new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a)));
        }
    }

    private static String textOf(List<String[]> pairs, boolean mtext) {
        StringBuilder text = new StringBuilder();
        for (String[] pair : pairs) {
            if (pair[0].equals("3") && mtext) {
                text.append(pair[1]);
            }
        }
        for (String[] pair : pairs) {
            if (pair[0].equals("1")) {
                text.append(pair[1]);
            }
        }
        String result = text.toString();
        if (mtext) {
            result = result.replaceAll("\\\\[Pp]", " ").replaceAll("\\\\[A-Za-z][^;\\\\{}]*;", "")
                    .replace("{", "").replace("}", "");
        }
        result = result.replace("%%c", "Ø").replace("%%d", "°").replace("%%p", "±");
        Matcher unicode = UNICODE.matcher(result);
        StringBuilder unescaped = new StringBuilder();
        while (unicode.find()) {
            unicode.appendReplacement(unescaped, Matcher.quoteReplacement(String.valueOf(
                    (char) Integer.parseInt(unicode.group(1), 16))));
        }
        unicode.appendTail(unescaped);
        return unescaped.toString().replace("\\\\", "\\");
    }

    private static String xdataOf(List<String[]> pairs) {
        StringBuilder data = null;
        for (String[] pair : pairs) {
            if (pair[0].equals("1001")) {
                data = pair[1].strip().equals(DxfExport.APPLICATION) ? new StringBuilder() : null;
            } else if (pair[0].equals("1000") && data != null) {
                data.append(pair[1]);
            }
        }
        return data == null ? null : data.toString();
    }

    private static String layerOf(List<String[]> pairs) {
        for (String[] pair : pairs) {
            if (pair[0].equals("8")) {
                return pair[1].strip();
            }
        }
        return "0";
    }

    private static int flags(List<String[]> pairs) {
        return (int) number(pairs, 70);
    }

    private static boolean has(List<String[]> pairs, int code) {
        String key = String.valueOf(code);
        return pairs.stream().anyMatch(p -> p[0].equals(key));
    }

    private static double number(List<String[]> pairs, int code) {
        String key = String.valueOf(code);
        for (String[] pair : pairs) {
            if (pair[0].equals(key)) {
                try {
                    return Double.parseDouble(pair[1].strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static Coordinate point(List<String[]> pairs, int xCode, int yCode, int line) {
        Double x = null;
        Double y = null;
        for (String[] pair : pairs) {
            if (x == null && pair[0].equals(String.valueOf(xCode))) {
                x = parse(pair[1], line);
            } else if (y == null && pair[0].equals(String.valueOf(yCode))) {
                y = parse(pair[1], line);
            }
        }
        if (x == null || y == null) {
            throw bad(line, "缺少坐标（组码 " + xCode + "/" + yCode + "）", "a position is missing (group codes "
                    + xCode + "/" + yCode + ")");
        }
        return new Coordinate(x, y);
    }

    private static double parse(String value, int line) {
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(line, "“" + clip(value.strip()) + "”不是数字", "\"" + clip(value.strip()) + "\" is not a number");
    }

    private static int code(String[] lines, int i) {
        try {
            return Integer.parseInt(lines[i].strip());
        } catch (NumberFormatException e) {
            throw bad(i, "应为组码（整数），而不是“" + clip(lines[i].strip()) + "”",
                    "should be a group code (an integer), not \"" + clip(lines[i].strip()) + "\"");
        }
    }

    private static InvalidInputException bad(int line, String zh, String en) {
        return new InvalidInputException("/lines/" + (line + 1), Label.of("DXF 第 " + (line + 1) + " 行：" + zh,
                "DXF line " + (line + 1) + ": " + en));
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
