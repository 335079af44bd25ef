package org.parkatlas.feature;

import org.locationtech.jts.geom.Geometry;

/**
 * Land area as the park counts it: square metres measured in the projected CRS (EPSG:4546), shown also in mu (亩).
 * 1 mu = 10 000 / 15 m² ≈ 666.67 m², so 15 mu = 1 ha and 1 km² = 1 500 mu.
 */
public record LandArea(double squareMetres) {

    public static final double SQUARE_METRES_PER_MU = 10_000.0 / 15.0;

    /** The area of a geometry whose coordinates are metres (the storage CRS). */
    public static LandArea of(Geometry projected) {
        return new LandArea(projected.getArea());
    }

    public static LandArea ofMu(double mu) {
        return new LandArea(mu * SQUARE_METRES_PER_MU);
    }

    public double mu() {
        return squareMetres / SQUARE_METRES_PER_MU;
    }

    /** m² to the centimetre: finer than any survey, coarse enough to compare across databases. */
    public double roundedSquareMetres() {
        return Math.round(squareMetres * 100.0) / 100.0;
    }

    /** mu to four decimals (≈ 0.07 m²). */
    public double roundedMu() {
        return Math.round(mu() * 10_000.0) / 10_000.0;
    }
}
