package org.parkatlas.parcel;

import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;

import java.util.List;

/**
 * A parcel is not a sliver: a strip left between two cuts cannot be built on. Measured by the Polsby–Popper ratio
 * 4πA/P², 1 for a circle, ≈ 0.785 for a square, near 0 for a sliver.
 */
final class NotASliverRule implements ParcelRule {

    static final String ID = "not-a-sliver";

    private final double minCompactness;

    NotASliverRule(double minCompactness) {
        this.minCompactness = minCompactness;
    }

    @Override
    public List<RuleViolation> check(Polygon parcel, Surroundings around) {
        double compactness = compactness(parcel);
        if (compactness >= minCompactness) {
            return List.of();
        }
        return List.of(new RuleViolation(ID, Label.of(
                String.format("地块过于狭长（紧凑度 %.3f，最低 %.3f）", compactness, minCompactness),
                String.format("the parcel is a sliver (compactness %.3f, the least is %.3f)", compactness,
                        minCompactness)), List.of(), parcel));
    }

    static double compactness(Polygon polygon) {
        double perimeter = polygon.getLength();
        return perimeter == 0 ? 0 : 4 * Math.PI * polygon.getArea() / (perimeter * perimeter);
    }
}
