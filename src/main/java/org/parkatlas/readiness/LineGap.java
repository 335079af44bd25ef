package org.parkatlas.readiness;

import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

import java.util.ArrayList;
import java.util.List;

/**
 * The gap between a parcel and a line (a road's centre line, a main), in metres: the same number as
 * {@link Geometry#distance}, without the closest points JTS also works out for each nearer segment pair and without
 * {@code Math.hypot} (a slow library call on Java 17) — the two were most of a full readiness run. Anything but polygons and lines goes to JTS.
 */
final class LineGap {

    private LineGap() {
    }

    static double between(Geometry parcel, Geometry line) {
        if (!(parcel instanceof Polygonal) || !(line instanceof Lineal) || parcel.isEmpty() || line.isEmpty()) {
            return parcel.distance(line);
        }
        List<Coordinate[]> lines = new ArrayList<>(line.getNumGeometries());
        for (int i = 0; i < line.getNumGeometries(); i++) {
            Coordinate[] points = ((LineString) line.getGeometryN(i)).getCoordinates();
            if (points.length == 0) {
                continue;
            }
            // a line wholly inside the parcel touches no edge of it, yet is at no distance
            if (SimplePointInAreaLocator.locate(points[0], parcel) != Location.EXTERIOR) {
                return 0;
            }
            lines.add(points);
        }
        double gap = Double.MAX_VALUE;
        for (int p = 0; p < parcel.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) parcel.getGeometryN(p);
            for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
                Coordinate[] ring = (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r)).getCoordinates();
                for (Coordinate[] points : lines) {
                    gap = Math.min(gap, between(ring, points, gap));
                    if (gap == 0) {
                        return 0;
                    }
                }
            }
        }
        return gap;
    }

    /**
     * The least segment-to-segment distance of two paths (a non-empty line has two points at least), skipping pairs
     * whose boxes are already farther apart than the gap known; worked in squares, one square root at the end.
     */
    private static double between(Coordinate[] a, Coordinate[] b, double known) {
        double gap2 = known == Double.MAX_VALUE ? Double.MAX_VALUE : known * known;
        for (int i = 0; i + 1 < a.length; i++) {
            Coordinate a0 = a[i];
            Coordinate a1 = a[i + 1];
            double aMinX = Math.min(a0.x, a1.x);
            double aMaxX = Math.max(a0.x, a1.x);
            double aMinY = Math.min(a0.y, a1.y);
            double aMaxY = Math.max(a0.y, a1.y);
            for (int j = 0; j + 1 < b.length; j++) {
                Coordinate b0 = b[j];
                Coordinate b1 = b[j + 1];
                double dx = Math.max(0, Math.max(Math.min(b0.x, b1.x) - aMaxX, aMinX - Math.max(b0.x, b1.x)));
                double dy = Math.max(0, Math.max(Math.min(b0.y, b1.y) - aMaxY, aMinY - Math.max(b0.y, b1.y)));
                if (dx * dx + dy * dy > gap2) {
                    continue;
                }
                if (dx == 0 && dy == 0 && cross(a0, a1, b0, b1)) {
                    return 0;
                }
                gap2 = Math.min(gap2, Math.min(Math.min(pointToSegment2(a0, b0, b1), pointToSegment2(a1, b0, b1)),
                        Math.min(pointToSegment2(b0, a0, a1), pointToSegment2(b1, a0, a1))));
            }
        }
        return Math.sqrt(gap2);
    }

    /** Whether segments p0-p1 and q0-q1 meet (parallel ones are left to their end points, at distance 0 if they touch). */
    private static boolean cross(Coordinate p0, Coordinate p1, Coordinate q0, Coordinate q1) {
        double denominator = (p1.x - p0.x) * (q1.y - q0.y) - (p1.y - p0.y) * (q1.x - q0.x);
        if (denominator == 0) {
            return false;
        }
        double r = ((p0.y - q0.y) * (q1.x - q0.x) - (p0.x - q0.x) * (q1.y - q0.y)) / denominator;
        double s = ((p0.y - q0.y) * (p1.x - p0.x) - (p0.x - q0.x) * (p1.y - p0.y)) / denominator;
        return r >= 0 && r <= 1 && s >= 0 && s <= 1;
    }

    /** The square of the distance from p to segment a-b. */
    private static double pointToSegment2(Coordinate p, Coordinate a, Coordinate b) {
        double abx = b.x - a.x;
        double aby = b.y - a.y;
        double length2 = abx * abx + aby * aby;
        double along = length2 == 0 ? 0 : ((p.x - a.x) * abx + (p.y - a.y) * aby) / length2;
        if (along <= 0) {
            return square(p.x - a.x, p.y - a.y);
        }
        if (along >= 1) {
            return square(p.x - b.x, p.y - b.y);
        }
        double across = (a.y - p.y) * abx - (a.x - p.x) * aby;
        return across * across / length2;
    }

    private static double square(double dx, double dy) {
        return dx * dx + dy * dy;
    }
}
