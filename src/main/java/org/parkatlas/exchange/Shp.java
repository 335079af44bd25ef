package org.parkatlas.exchange;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry files of a Shapefile (ESRI's 1998 technical description): {@code .shp} records and their
 * {@code .shx} index, for points, polylines and polygons. Written and read here because H2GIS's
 * {@code ShapefileWriter} wrote multipolygon records whose length GDAL rejects ("Error in fread() … from .shp
 * file"); the format is small and fixed. Polygons are written with outer rings clockwise and holes anticlockwise,
 * as the format says, and read back by that rule, each hole going to the shell that holds it.
 */
final class Shp {

    /** The shape types ParkAtlas writes; the Z and M variants are read as their 2D form. */
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;

    private static final int FILE_CODE = 9994;
    private static final int VERSION = 1000;
    private static final int HEADER = 100;

    /** A written pair: the .shp and its .shx. */
    record Files(byte[] shp, byte[] shx) {
    }

    private Shp() {
    }

    /** The shape type for a layer's geometries: a polygon layer's multipolygons are polygons with more rings. */
    static int typeOf(Geometry sample) {
        if (sample instanceof Puntal) {
            return POINT;
        }
        return sample instanceof Lineal ? POLYLINE : POLYGON;
    }

    static Files write(int shapeType, List<Geometry> geometries) {
        List<byte[]> records = new ArrayList<>(geometries.size());
        Envelope bounds = new Envelope();
        for (Geometry geometry : geometries) {
            records.add(content(shapeType, geometry));
            bounds.expandToInclude(geometry.getEnvelopeInternal());
        }
        int shpLength = HEADER + records.stream().mapToInt(r -> 8 + r.length).sum();
        ByteBuffer shp = ByteBuffer.allocate(shpLength);
        ByteBuffer shx = ByteBuffer.allocate(HEADER + 8 * records.size());
        header(shp, shpLength, shapeType, bounds);
        header(shx, shx.capacity(), shapeType, bounds);
        for (int i = 0; i < records.size(); i++) {
            byte[] content = records.get(i);
            shx.order(ByteOrder.BIG_ENDIAN).putInt(shp.position() / 2).putInt(content.length / 2);
            shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(content.length / 2);
            shp.put(content);
        }
        return new Files(shp.array(), shx.array());
    }

    private static void header(ByteBuffer out, int length, int shapeType, Envelope bounds) {
        out.order(ByteOrder.BIG_ENDIAN).putInt(FILE_CODE).put(new byte[20]).putInt(length / 2);
        out.order(ByteOrder.LITTLE_ENDIAN).putInt(VERSION).putInt(shapeType);
        boolean empty = bounds.isNull();
        out.putDouble(empty ? 0 : bounds.getMinX()).putDouble(empty ? 0 : bounds.getMinY())
                .putDouble(empty ? 0 : bounds.getMaxX()).putDouble(empty ? 0 : bounds.getMaxY())
                .putDouble(0).putDouble(0).putDouble(0).putDouble(0);
    }

    private static byte[] content(int shapeType, Geometry geometry) {
        if (shapeType == POINT) {
            Point point = geometry instanceof Point p ? p : geometry.getInteriorPoint();
            return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(POINT).putDouble(point.getX())
                    .putDouble(point.getY()).array();
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                parts.add(oriented(polygon.getExteriorRing(), true));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    parts.add(oriented(polygon.getInteriorRingN(h), false));
                }
            } else if (part instanceof LineString line) {
                parts.add(line.getCoordinates());
            }
        }
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope box = geometry.getEnvelopeInternal();
        out.putInt(shapeType).putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX())
                .putDouble(box.getMaxY()).putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] part : parts) {
            out.putInt(start);
            start += part.length;
        }
        for (Coordinate[] part : parts) {
            for (Coordinate c : part) {
                out.putDouble(c.x).putDouble(c.y);
            }
        }
        return out.array();
    }

    /** A ring's points clockwise (a shell) or anticlockwise (a hole). */
    private static Coordinate[] oriented(LineString ring, boolean clockwise) {
        Coordinate[] points = ring.getCoordinates();
        if (Orientation.isCCW(points) == clockwise) {
            Coordinate[] reversed = points.clone();
            java.util.Collections.reverse(java.util.Arrays.asList(reversed));
            return reversed;
        }
        return points;
    }

    /** The shape type a .shp header declares. */
    static int declaredType(byte[] shp) {
        if (shp.length < HEADER || ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            throw new IllegalArgumentException("the .shp file does not start with a Shapefile header");
        }
        return ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).getInt(32);
    }

    /**
     * Every record of a .shp file, in order, as a geometry (null for a null shape). Records are walked from the
     * header on, so a missing or stale .shx does not matter.
     *
     * @throws IllegalArgumentException naming the record when one is cut short or of a type the file does not declare
     */
    static List<Geometry> read(byte[] shp, GeometryFactory factory) {
        declaredType(shp);
        ByteBuffer in = ByteBuffer.wrap(shp);
        int end = Math.min(shp.length, in.order(ByteOrder.BIG_ENDIAN).getInt(24) * 2);
        List<Geometry> geometries = new ArrayList<>();
        int at = HEADER;
        while (at + 8 <= end) {
            int number = in.order(ByteOrder.BIG_ENDIAN).getInt(at);
            int length = in.getInt(at + 4) * 2;
            if (length < 4 || at + 8 + length > shp.length) {
                throw new IllegalArgumentException("record " + number + " runs past the end of the .shp file");
            }
            ByteBuffer record = ByteBuffer.wrap(shp, at + 8, length).slice().order(ByteOrder.LITTLE_ENDIAN);
            try {
                geometries.add(record(record, factory));
            } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
                throw new IllegalArgumentException("record " + number + " of the .shp file cannot be read"
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            at += 8 + length;
        }
        return geometries;
    }

    private static Geometry record(ByteBuffer in, GeometryFactory factory) {
        int type = in.getInt();
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21:
                return factory.createPoint(new Coordinate(in.getDouble(), in.getDouble()));
            case 3, 13, 23, 5, 15, 25: {
                in.position(in.position() + 32); // box
                int parts = in.getInt();
                int points = in.getInt();
                if (parts < 1 || points < 1 || parts > points || 4L * parts + 16L * points > in.remaining()) {
                    throw new IllegalArgumentException(parts + " parts of " + points + " points do not fit the record");
                }
                int[] starts = new int[parts + 1];
                for (int i = 0; i < parts; i++) {
                    starts[i] = in.getInt();
                }
                starts[parts] = points;
                Coordinate[] all = new Coordinate[points];
                for (int i = 0; i < points; i++) {
                    all[i] = new Coordinate(in.getDouble(), in.getDouble());
                }
                List<Coordinate[]> rings = new ArrayList<>(parts);
                for (int i = 0; i < parts; i++) {
                    if (starts[i] < 0 || starts[i + 1] < starts[i] || starts[i + 1] > points) {
                        throw new IllegalArgumentException("part " + i + " starts outside the record's points");
                    }
                    rings.add(java.util.Arrays.copyOfRange(all, starts[i], starts[i + 1]));
                }
                boolean polygon = type % 10 == 5;
                return polygon ? polygons(rings, factory) : lines(rings, factory);
            }
            default:
                throw new IllegalArgumentException("shape type " + type + " is not a point, polyline or polygon");
        }
    }

    private static Geometry lines(List<Coordinate[]> parts, GeometryFactory factory) {
        LineString[] lines = parts.stream().map(factory::createLineString).toArray(LineString[]::new);
        return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
    }

    /** Clockwise rings are shells; each anticlockwise ring is a hole of the first shell that holds it. */
    private static Geometry polygons(List<Coordinate[]> rings, GeometryFactory factory) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] ring : rings) {
            LinearRing linear = factory.createLinearRing(closed(ring));
            if (Orientation.isCCW(linear.getCoordinates())) {
                holes.add(linear);
            } else {
                shells.add(linear);
            }
        }
        if (shells.isEmpty()) {
            // some writers ignore the rule: with no clockwise ring, every ring is a shell
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<PreparedGeometry> areas = new ArrayList<>();
        for (LinearRing shell : shells) {
            holesOf.add(new ArrayList<>());
            areas.add(PreparedGeometryFactory.prepare(factory.createPolygon(shell)));
        }
        for (LinearRing hole : holes) {
            int owner = -1;
            for (int i = 0; i < shells.size() && owner < 0; i++) {
                if (areas.get(i).covers(hole)) {
                    owner = i;
                }
            }
            if (owner < 0) {
                shells.add(hole); // a hole in nothing: keep its area rather than drop it
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        // handed on in the orientation GeoJSON and OGC use (shells anticlockwise), so a ring that went out and
        // came back is the ring it was
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polygons[i] = factory.createPolygon(orient(shells.get(i), true),
                    holesOf.get(i).stream().map(h -> orient(h, false)).toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    private static LinearRing orient(LinearRing ring, boolean anticlockwise) {
        return Orientation.isCCW(ring.getCoordinates()) == anticlockwise ? ring : ring.reverse();
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        if (ring.length >= 4 && ring[0].equals2D(ring[ring.length - 1])) {
            return ring;
        }
        if (ring.length < 3) {
            throw new IllegalArgumentException("a polygon ring of " + ring.length + " points");
        }
        Coordinate[] closed = java.util.Arrays.copyOf(ring, ring.length + 1);
        closed[ring.length] = ring[0];
        return closed;
    }
}
