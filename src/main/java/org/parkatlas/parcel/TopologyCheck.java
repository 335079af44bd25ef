package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one parcel against the parcel layer's topology rules, in metres (EPSG:4546): a valid simple polygon, then
 * each named rule — {@link InsideParkRule inside the park}, {@link NoOverlapRule no overlap} with another parcel
 * beyond a tolerance (touching is fine), {@link ClearOfRedLinesRule clear of every road's red line},
 * {@link OutsideEcologicalCorridorRule outside the ecological corridors}, {@link MinimumAreaRule no smaller than the
 * minimum} and {@link NotASliverRule no sliver}. Every broken rule is reported, not just the first, each with where.
 */
final class TopologyCheck {

    static final String SIMPLE_POLYGON = "simple-polygon";

    private final List<ParcelRule> rules;

    public TopologyCheck(ParcelRules settings) {
        this.rules = List.of(new InsideParkRule(), new NoOverlapRule(settings.overlapTolerance()),
                new ClearOfRedLinesRule(settings.redLineTolerance()),
                new OutsideEcologicalCorridorRule(settings.corridorTolerance()),
                new MinimumAreaRule(settings.minAreaMu()), new NotASliverRule(settings.minCompactness()));
    }

    /** Every rule {@code parcel} breaks among {@code around}. */
    public List<RuleViolation> check(Geometry parcel, Surroundings around) {
        if (!(parcel instanceof Polygon polygon)) {
            return List.of(new RuleViolation(SIMPLE_POLYGON, Label.of("地块须为单个多边形，而不是 "
                    + parcel.getGeometryType(), "a parcel is one polygon, not a " + parcel.getGeometryType()),
                    List.of(), null));
        }
        TopologyValidationError error = new IsValidOp(parcel).getValidationError();
        if (error != null || !new IsSimpleOp(polygon.getExteriorRing()).isSimple()) {
            String why = error == null ? "" : ": " + error.getMessage();
            return List.of(new RuleViolation(SIMPLE_POLYGON, Label.of("地块边界不是有效的简单多边形" + why,
                    "the boundary is not a valid simple polygon" + why), List.of(), error == null ? null
                    : parcel.getFactory().createPoint(error.getCoordinate())));
        }
        List<RuleViolation> violations = new ArrayList<>();
        for (ParcelRule rule : rules) {
            violations.addAll(rule.check(polygon, around)); // the area rules need the valid polygon checked above
        }
        return violations;
    }

    /** The same, for a parcel with no corridors about. */
    public List<RuleViolation> check(Geometry parcel, Geometry boundary, List<Surroundings.Neighbour> neighbours,
                                     List<Surroundings.Road> roads) {
        return check(parcel, new Surroundings(boundary, neighbours, roads, List.of()));
    }

    /** Polsby–Popper: 4πA/P², 1 for a circle, ≈ 0.785 for a square, near 0 for a sliver. */
    public static double compactness(Polygon polygon) {
        return NotASliverRule.compactness(polygon);
    }
}
