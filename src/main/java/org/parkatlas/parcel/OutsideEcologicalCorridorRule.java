package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * A parcel lies outside every ecological corridor (生态廊道, such as the one along the Fen River): the "233" pattern
 * keeps that land green, so it is never sold for building.
 */
final class OutsideEcologicalCorridorRule implements ParcelRule {

    static final String ID = "outside-ecological-corridor";

    private final double tolerance;

    OutsideEcologicalCorridorRule(double toleranceSquareMetres) {
        this.tolerance = toleranceSquareMetres;
    }

    @Override
    public List<RuleViolation> check(Polygon parcel, Surroundings around) {
        List<RuleViolation> violations = new ArrayList<>();
        for (Surroundings.Corridor corridor : around.corridors()) {
            if (!corridor.area().getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                continue;
            }
            Geometry inside = parcel.intersection(corridor.area());
            double area = inside.getArea();
            if (area > tolerance) {
                violations.add(new RuleViolation(ID, Label.of(
                        String.format("地块有 %.1f 平方米位于%s内，生态廊道不可出让建设", area, corridor.name()),
                        String.format("the parcel reaches %.1f m² into the %s, which is kept green and never built on",
                                area, corridor.englishName())), List.of(corridor.id()), inside));
            }
        }
        return violations;
    }
}
