package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/** A parcel stays out of every road's red-line corridor (道路红线): that land is the road's. */
final class ClearOfRedLinesRule implements ParcelRule {

    static final String ID = "clear-of-red-lines";

    private final double tolerance;

    ClearOfRedLinesRule(double toleranceSquareMetres) {
        this.tolerance = toleranceSquareMetres;
    }

    @Override
    public List<RuleViolation> check(Polygon parcel, Surroundings around) {
        List<RuleViolation> violations = new ArrayList<>();
        for (Surroundings.Road road : around.roads()) {
            Geometry corridor = road.redLine();
            if (!corridor.getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                continue;
            }
            Geometry intrusion = parcel.intersection(corridor);
            double area = intrusion.getArea();
            if (area > tolerance) {
                violations.add(new RuleViolation(ID, Label.of(
                        String.format("地块伸入%s道路红线（宽 %.0f 米）%.1f 平方米", road.name(), road.redLineWidth(), area),
                        String.format("the parcel reaches %.1f m² into the red line of %s (%.0f m wide)", area,
                                road.englishName(), road.redLineWidth())), List.of(road.id()), intrusion));
            }
        }
        return violations;
    }
}
