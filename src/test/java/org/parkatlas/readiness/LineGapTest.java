package org.parkatlas.readiness;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parcel-to-line gap the readiness engine measures by, against JTS's own distance. */
class LineGapTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static double gap(String parcel, String line) throws Exception {
        WKTReader wkt = new WKTReader(FACTORY);
        return LineGap.between(wkt.read(parcel), wkt.read(line));
    }

    @Test
    void aLineInsideTheParcelCrossingItOrOnItsEdgeIsAtNoDistance() throws Exception {
        String parcel = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";
        assertEquals(0, gap(parcel, "LINESTRING (10 10, 20 20)"));
        assertEquals(0, gap(parcel, "LINESTRING (-10 50, 200 50)"));
        assertEquals(0, gap(parcel, "LINESTRING (100 -10, 100 200)"));
    }

    @Test
    void aLineInAHoleIsAsFarAsTheHolesEdge() throws Exception {
        String parcel = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (30 30, 70 30, 70 70, 30 70, 30 30))";
        assertEquals(10, gap(parcel, "LINESTRING (40 50, 60 50)"), 1e-12);
    }

    @Test
    void aLineOutsideIsAsFarAsTheNearestPairOfSegments() throws Exception {
        assertEquals(5, gap("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", "LINESTRING (105 -50, 105 150)"), 1e-12);
        assertEquals(Math.sqrt(50), gap("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((50 50, 60 50, 60 60, 50 60, "
                + "50 50)))", "MULTILINESTRING ((200 200, 300 300), (65 65, 80 90))"), 1e-12);
    }

    @Test
    void randomParcelsAndLinesMeasureAsJtsDoes() {
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            Geometry parcel = parcel(random);
            Geometry line = random.nextInt(5) == 0
                    ? FACTORY.createMultiLineString(new LineString[]{line(random), line(random)}) : line(random);
            assertEquals(parcel.distance(line), LineGap.between(parcel, line), 1e-9, () -> parcel + " / " + line);
        }
    }

    /** A convex parcel of 4 to 8 corners around a random centre, now and then with a hole or a second part. */
    private static Geometry parcel(Random random) {
        Polygon shell = ring(random, random.nextDouble() * 200, random.nextDouble() * 200, 20 + random.nextDouble() * 60);
        if (random.nextInt(4) == 0) {
            Coordinate centre = shell.getCentroid().getCoordinate();
            Polygon hole = ring(random, centre.x, centre.y, 8);
            return FACTORY.createPolygon(shell.getExteriorRing(), new org.locationtech.jts.geom
                    .LinearRing[]{FACTORY.createLinearRing(hole.getExteriorRing().getCoordinates())});
        }
        if (random.nextInt(5) == 0) {
            return FACTORY.createMultiPolygon(new Polygon[]{shell, ring(random, 400, 400, 30)});
        }
        return shell;
    }

    private static Polygon ring(Random random, double x, double y, double radius) {
        int corners = 4 + random.nextInt(5);
        Coordinate[] points = new Coordinate[corners + 1];
        for (int c = 0; c < corners; c++) {
            double angle = 2 * Math.PI * c / corners;
            points[c] = new Coordinate(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
        }
        points[corners] = points[0];
        return FACTORY.createPolygon(points);
    }

    /** A path of 2 to 5 points anywhere near the parcels, inside, across or outside them. */
    private static LineString line(Random random) {
        Coordinate[] points = new Coordinate[2 + random.nextInt(4)];
        double x = random.nextDouble() * 300 - 50;
        double y = random.nextDouble() * 300 - 50;
        for (int p = 0; p < points.length; p++) {
            points[p] = new Coordinate(x, y);
            x += random.nextDouble() * 40 - 20;
            y += random.nextDouble() * 40 - 20;
        }
        return FACTORY.createLineString(points);
    }
}
