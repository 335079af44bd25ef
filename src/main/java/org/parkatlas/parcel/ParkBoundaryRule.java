package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;

import java.util.Optional;

/**
 * A parcel lies inside the park boundary: land outside it is not the park's to plan. A tolerance absorbs the
 * rounding of coordinates that travel as degrees.
 */
public final class ParkBoundaryRule {

    /** Area a parcel may stick out of the boundary by rounding alone, in m². */
    public static final double TOLERANCE_M2 = 0.1;

    private ParkBoundaryRule() {
    }

    /** Why {@code parcel} breaks the rule, or empty when it keeps it. Both geometries in metres (EPSG:4546). */
    public static Optional<Violation> check(Geometry parcel, Geometry boundary) {
        double outside = parcel.difference(boundary).getArea();
        if (outside <= TOLERANCE_M2) {
            return Optional.empty();
        }
        return Optional.of(new Violation(parcel.difference(boundary), String.format(
                "the parcel reaches %.1f m² (%.2f mu) outside the park boundary", outside,
                new LandArea(outside).mu())));
    }

    /** The part of the parcel outside the park, for a map to draw, and what is wrong in words. */
    public record Violation(Geometry outside, String message) {
    }
}
