package org.parkatlas.parcel;

import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.feature.LandArea;

import java.util.List;

/** A parcel is no smaller than the least land a project can be given (1 mu unless configured). */
final class MinimumAreaRule implements ParcelRule {

    static final String ID = "minimum-area";

    private final double minMu;

    MinimumAreaRule(double minMu) {
        this.minMu = minMu;
    }

    @Override
    public List<RuleViolation> check(Polygon parcel, Surroundings around) {
        LandArea area = LandArea.of(parcel);
        if (area.mu() >= minMu) {
            return List.of();
        }
        return List.of(new RuleViolation(ID, Label.of(
                String.format("地块面积 %.2f 亩（%.0f 平方米），最小为 %.2f 亩", area.mu(), area.squareMetres(), minMu),
                String.format("the parcel is %.2f mu (%.0f m²); the smallest is %.2f mu", area.mu(),
                        area.squareMetres(), minMu)), List.of(), parcel));
    }
}
