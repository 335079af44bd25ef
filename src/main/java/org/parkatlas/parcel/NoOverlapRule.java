package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/** Parcels make a coverage: no two overlap beyond a tolerance for digitising noise; touching is fine. */
final class NoOverlapRule implements ParcelRule {

    static final String ID = "no-overlap";

    private final double tolerance;

    NoOverlapRule(double toleranceSquareMetres) {
        this.tolerance = toleranceSquareMetres;
    }

    @Override
    public List<RuleViolation> check(Polygon parcel, Surroundings around) {
        List<RuleViolation> violations = new ArrayList<>();
        for (Surroundings.Neighbour neighbour : around.neighbours()) {
            if (!neighbour.geometry().getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                continue;
            }
            Geometry overlap = parcel.intersection(neighbour.geometry());
            if (overlap.getArea() > tolerance) {
                violations.add(new RuleViolation(ID, Label.of(
                        String.format("地块与 %s 重叠 %.1f 平方米", neighbour.label(), overlap.getArea()),
                        String.format("the parcel overlaps %s by %.1f m²", neighbour.label(), overlap.getArea())),
                        List.of(neighbour.id()), overlap));
            }
        }
        return violations;
    }
}
