package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one parcel against the parcel layer's topology rules, in metres (EPSG:4546): a valid simple polygon, inside
 * the park, overlapping no other parcel beyond a tolerance (touching is fine), clear of every road's red-line
 * corridor (the centreline buffered by half its red-line width), no smaller than the minimum area, and no sliver.
 * Every broken rule is reported, not just the first, each with where it is broken.
 */
public final class TopologyCheck {

    /** A neighbouring parcel. */
    public record Neighbour(String id, String code, Geometry geometry) {
    }

    /** A road with its red-line width. */
    public record Road(String id, String name, LineString centreline, double redLineWidth) {
    }

    private final ParcelRules rules;

    public TopologyCheck(ParcelRules rules) {
        this.rules = rules;
    }

    /**
     * @param boundary   the park boundary (null when the park has none yet)
     * @param neighbours the other parcels near the candidate (not the ones it replaces)
     * @param roads      the roads near it
     */
    public List<TopologyViolation> check(Geometry parcel, Geometry boundary, List<Neighbour> neighbours,
                                         List<Road> roads) {
        List<TopologyViolation> violations = new ArrayList<>();
        if (!(parcel instanceof Polygon polygon)) {
            violations.add(new TopologyViolation("simple-polygon", "a parcel is one polygon, not a "
                    + parcel.getGeometryType(), List.of(), null));
            return violations;
        }
        TopologyValidationError error = new IsValidOp(parcel).getValidationError();
        if (error != null || !new IsSimpleOp(polygon.getExteriorRing()).isSimple()) {
            violations.add(new TopologyViolation("simple-polygon", "the boundary is not a valid simple polygon"
                    + (error == null ? "" : ": " + error.getMessage()), List.of(), error == null ? null
                    : parcel.getFactory().createPoint(error.getCoordinate())));
            return violations; // the area rules below need a valid polygon
        }
        if (boundary != null) {
            ParkBoundaryRule.check(parcel, boundary).ifPresent(v -> violations.add(
                    new TopologyViolation("inside-park-boundary", v.message(), List.of(), v.outside())));
        }
        for (Neighbour neighbour : neighbours) {
            if (!neighbour.geometry().getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                continue;
            }
            Geometry overlap = parcel.intersection(neighbour.geometry());
            if (overlap.getArea() > rules.overlapTolerance()) {
                violations.add(new TopologyViolation("no-overlap", String.format("the parcel overlaps %s by %.1f m²",
                        neighbour.code() == null ? neighbour.id() : neighbour.code(), overlap.getArea()),
                        List.of(neighbour.id()), overlap));
            }
        }
        for (Road road : roads) {
            Geometry corridor = road.centreline().buffer(road.redLineWidth() / 2);
            if (!corridor.getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                continue;
            }
            Geometry intrusion = parcel.intersection(corridor);
            if (intrusion.getArea() > rules.redLineTolerance()) {
                violations.add(new TopologyViolation("clear-of-red-lines", String.format(
                        "the parcel reaches %.1f m² into the red line of %s (%.0f m wide)", intrusion.getArea(),
                        road.name(), road.redLineWidth()), List.of(road.id()), intrusion));
            }
        }
        LandArea area = LandArea.of(parcel);
        if (area.mu() < rules.minAreaMu()) {
            violations.add(new TopologyViolation("minimum-area", String.format("the parcel is %.2f mu (%.0f m²); "
                    + "the smallest is %.2f mu", area.mu(), area.squareMetres(), rules.minAreaMu()), List.of(),
                    parcel));
        }
        double compactness = compactness(polygon);
        if (compactness < rules.minCompactness()) {
            violations.add(new TopologyViolation("not-a-sliver", String.format("the parcel is a sliver (compactness "
                    + "%.3f, the least is %.3f)", compactness, rules.minCompactness()), List.of(), parcel));
        }
        return violations;
    }

    /** Polsby–Popper: 4πA/P², 1 for a circle, ≈ 0.785 for a square, near 0 for a sliver. */
    public static double compactness(Polygon polygon) {
        double perimeter = polygon.getLength();
        return perimeter == 0 ? 0 : 4 * Math.PI * polygon.getArea() / (perimeter * perimeter);
    }
}
