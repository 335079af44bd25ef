package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.feature.LandArea;

import java.util.List;

/**
 * A parcel lies inside the park boundary: land outside it is not the park's to plan. A tolerance absorbs the
 * rounding of coordinates that travel as degrees.
 */
final class InsideParkRule implements ParcelRule {

    static final String ID = "inside-park-boundary";
    /** Area a parcel may stick out of the boundary by rounding alone, in m². */
    static final double TOLERANCE_M2 = 0.1;

    @Override
    public List<RuleViolation> check(Polygon parcel, Surroundings around) {
        if (around.boundary() == null) {
            return List.of();
        }
        Geometry outside = parcel.difference(around.boundary());
        double area = outside.getArea();
        if (area <= TOLERANCE_M2) {
            return List.of();
        }
        double mu = new LandArea(area).mu();
        return List.of(new RuleViolation(ID, Label.of(
                String.format("地块有 %.1f 平方米（%.2f 亩）在园区边界之外", area, mu),
                String.format("the parcel reaches %.1f m² (%.2f mu) outside the park boundary", area, mu)),
                List.of(), outside));
    }
}
