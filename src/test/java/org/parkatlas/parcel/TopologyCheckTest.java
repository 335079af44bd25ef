package org.parkatlas.parcel;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import org.parkatlas.editing.RuleViolation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each topology rule with WKT fixtures at and just beyond its tolerance (metres, EPSG:4546). */
class TopologyCheckTest {

    private static final String PARK = "POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))";
    private final TopologyCheck check = new TopologyCheck(ParcelRules.defaults());

    @Test
    void aCleanParcelPasses() {
        checkValid("POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))");
    }

    @Test
    void touchingIsFineButOverlapBeyondTheToleranceIsNot() {
        Surroundings.Neighbour west = neighbour("n-1", "POLYGON ((0 100, 100 100, 100 200, 0 200, 0 100))");
        checkValid("POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))", west);
        // 0.0009 m × 100 m = 0.09 m²: within the 0.1 m² tolerance
        checkValid("POLYGON ((99.9991 100, 200 100, 200 200, 99.9991 200, 99.9991 100))", west);
        // 0.0011 m × 100 m = 0.11 m²: beyond it
        RuleViolation overlap = checkInvalid("POLYGON ((99.9989 100, 200 100, 200 200, 99.9989 200, 99.9989 100))",
                "no-overlap", west);
        assertThat(overlap.conflicting()).containsExactly("n-1");
        assertThat(overlap.where().getArea()).isBetween(0.1, 0.12);
    }

    @Test
    void aParcelStaysClearOfRoadRedLines() {
        // a 40 m road along y = 300: its red line reaches y = 280
        Surroundings.Road road = new Surroundings.Road("r-1", "中央大道", (LineString) geometry(
                "LINESTRING (0 300, 1000 300)"), 40);
        check(List.of(), List.of(road), "POLYGON ((100 180, 200 180, 200 280, 100 280, 100 180))");
        RuleViolation intrusion = checkInvalidWith(List.of(road),
                "POLYGON ((100 181, 200 181, 200 281, 100 281, 100 181))", "clear-of-red-lines");
        assertThat(intrusion.message().en()).contains("中央大道");
        assertThat(intrusion.where().getArea()).isCloseTo(100, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void minimumAreaAtOneMu() {
        // 25.82 m square = 666.67 m² = 1 mu; 25.8 m square is just under
        checkValid("POLYGON ((100 100, 125.82 100, 125.82 125.82, 100 125.82, 100 100))");
        checkInvalid("POLYGON ((100 100, 125.8 100, 125.8 125.8, 100 125.8, 100 100))", "minimum-area");
    }

    @Test
    void slivers() {
        // 10 m × 290 m: compactness 0.104 (kept); 10 m × 320 m: 0.095 (a sliver)
        checkValid("POLYGON ((100 100, 390 100, 390 110, 100 110, 100 100))");
        checkInvalid("POLYGON ((100 100, 420 100, 420 110, 100 110, 100 100))", "not-a-sliver");
    }

    @Test
    void outsideThePark() {
        RuleViolation outside = checkInvalid("POLYGON ((950 100, 1050 100, 1050 200, 950 200, 950 100))",
                "inside-park-boundary");
        assertThat(outside.where().getArea()).isCloseTo(5000, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void invalidAndNonSimpleShapes() {
        checkInvalid("POLYGON ((100 100, 200 200, 200 100, 100 200, 100 100))", "simple-polygon");
        checkInvalid("MULTIPOLYGON (((100 100, 200 100, 200 200, 100 100)), ((300 300, 400 300, 400 400, 300 300)))",
                "simple-polygon");
    }

    @Test
    void everyBrokenRuleIsReported() {
        Surroundings.Neighbour neighbour = neighbour("n-1", "POLYGON ((990 100, 1100 100, 1100 110, 990 110, 990 100))");
        List<RuleViolation> all = check.check(geometry(
                "POLYGON ((980 100, 1010 100, 1010 110, 980 110, 980 100))"), geometry(PARK), List.of(neighbour),
                List.of());
        assertThat(all).extracting(RuleViolation::rule).containsExactlyInAnyOrder("inside-park-boundary",
                "no-overlap", "minimum-area");
    }

    private void checkValid(String wkt, Surroundings.Neighbour... neighbours) {
        assertThat(check.check(geometry(wkt), geometry(PARK), List.of(neighbours), List.of())).isEmpty();
    }

    private void check(List<Surroundings.Neighbour> neighbours, List<Surroundings.Road> roads, String wkt) {
        assertThat(check.check(geometry(wkt), geometry(PARK), neighbours, roads)).isEmpty();
    }

    private RuleViolation checkInvalid(String wkt, String rule, Surroundings.Neighbour... neighbours) {
        List<RuleViolation> violations = check.check(geometry(wkt), geometry(PARK), List.of(neighbours),
                List.of());
        assertThat(violations).extracting(RuleViolation::rule).contains(rule);
        return violations.stream().filter(v -> v.rule().equals(rule)).findFirst().orElseThrow();
    }

    private RuleViolation checkInvalidWith(List<Surroundings.Road> roads, String wkt, String rule) {
        List<RuleViolation> violations = check.check(geometry(wkt), geometry(PARK), List.of(), roads);
        assertThat(violations).extracting(RuleViolation::rule).containsExactly(rule);
        return violations.get(0);
    }

    private static Surroundings.Neighbour neighbour(String id, String wkt) {
        return new Surroundings.Neighbour(id, id.toUpperCase(), geometry(wkt));
    }

    private static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
