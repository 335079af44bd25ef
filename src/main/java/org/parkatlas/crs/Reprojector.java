package org.parkatlas.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.HashMap;
import java.util.Map;

/**
 * Moves geometries between coordinate reference systems with Proj4J (GeoTools' {@code JTS.transform} in our stack).
 * Works in x/y order (easting/longitude first); axis swapping for OGC output is the caller's job through
 * {@link Crs#swapsAxes()}. CGCS2000 and WGS84 are treated as the same datum (they agree within about a metre).
 */
public final class Reprojector {

    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORM_FACTORY = new CoordinateTransformFactory();
    private static final Map<String, CoordinateReferenceSystem> SYSTEMS = new HashMap<>();
    // Proj4J transforms keep scratch state, so each thread gets its own.
    private static final ThreadLocal<Map<String, CoordinateTransform>> TRANSFORMS =
            ThreadLocal.withInitial(HashMap::new);

    private Reprojector() {
    }

    /** Reprojects a copy of {@code geometry}; the result carries the target SRID. */
    public static Geometry transform(Geometry geometry, Crs from, Crs to) {
        if (geometry == null) {
            return null; // a catalogue's feature (a project) has none
        }
        if (from.proj4Name().equals(to.proj4Name())) {
            Geometry copy = geometry.copy();
            copy.setSRID(to.srid());
            return copy;
        }
        CoordinateTransform transform = transformFor(from, to);
        Geometry copy = geometry.copy();
        copy.apply(new TransformFilter(transform));
        copy.geometryChanged();
        copy.setSRID(to.srid());
        return copy;
    }

    public static Coordinate transform(Coordinate c, Crs from, Crs to) {
        if (from.proj4Name().equals(to.proj4Name())) {
            return new Coordinate(c);
        }
        ProjCoordinate out = new ProjCoordinate();
        transformFor(from, to).transform(new ProjCoordinate(c.x, c.y), out);
        return new Coordinate(out.x, out.y);
    }

    /**
     * The envelope in {@code to} that covers {@code envelope} in {@code from}. The edges are densified because a
     * straight edge in one system is curved in the other.
     */
    public static Envelope transform(Envelope envelope, Crs from, Crs to) {
        return transform(densified(envelope), from, to).getEnvelopeInternal();
    }

    /** The rectangle {@code envelope} as a polygon with extra vertices along its edges, ready to reproject. */
    public static Polygon densified(Envelope envelope) {
        GeometryFactory factory = new GeometryFactory(new PrecisionModel());
        int steps = 16;
        Coordinate[] ring = new Coordinate[steps * 4 + 1];
        double w = envelope.getWidth();
        double h = envelope.getHeight();
        for (int i = 0; i < steps; i++) {
            double f = (double) i / steps;
            ring[i] = new Coordinate(envelope.getMinX() + w * f, envelope.getMinY());
            ring[steps + i] = new Coordinate(envelope.getMaxX(), envelope.getMinY() + h * f);
            ring[2 * steps + i] = new Coordinate(envelope.getMaxX() - w * f, envelope.getMaxY());
            ring[3 * steps + i] = new Coordinate(envelope.getMinX(), envelope.getMaxY() - h * f);
        }
        ring[steps * 4] = ring[0];
        return factory.createPolygon(ring);
    }

    private static CoordinateTransform transformFor(Crs from, Crs to) {
        String key = from.proj4Name() + ">" + to.proj4Name();
        return TRANSFORMS.get().computeIfAbsent(key,
                k -> TRANSFORM_FACTORY.createTransform(system(from.proj4Name()), system(to.proj4Name())));
    }

    private static synchronized CoordinateReferenceSystem system(String name) {
        return SYSTEMS.computeIfAbsent(name, CRS_FACTORY::createFromName);
    }

    private static final class TransformFilter implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        TransformFilter(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            transform.transform(in, out);
            seq.setOrdinate(i, CoordinateSequence.X, out.x);
            seq.setOrdinate(i, CoordinateSequence.Y, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
