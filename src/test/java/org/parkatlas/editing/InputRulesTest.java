package org.parkatlas.editing;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.Limits;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rules every feature of every layer keeps, and the areas the server computes, whoever writes. */
class InputRulesTest {

    private static final Limits LIMITS = Limits.defaults();
    private final Layer parcels = Catalog.standard().require(ParkLayer.PARCELS);
    private static final String SQUARE = "POLYGON ((555000 4004000, 555100 4004000, 555100 4004100, 555000 4004100, "
            + "555000 4004000))";

    @Test
    void aCleanFeaturePassesAndGetsItsAreaWhateverWasTypedIn() {
        Feature feature = feature("p-1", SQUARE, Map.of("code", "A", "area_mu", 999.0, "zone", "typed"));
        assertThat(InputRules.check(parcels, feature, LIMITS)).isEmpty();
        Feature computed = ComputedAttributes.apply(parcels, feature);
        assertThat((Double) computed.property("area_m2")).isEqualTo(10_000.0);
        assertThat((Double) computed.property("area_mu")).isCloseTo(15.0, within(1e-4));
        assertThat(computed.properties()).as("the zone is the parcel rules' to work out").doesNotContainKey("zone");
    }

    @Test
    void geometriesOfTheWrongKindOrInvalidAreRefusedWithWhere() {
        checkInvalid(feature("p-1", "POINT (555000 4004000)", Map.of()), "geometry-type", "/geometry/type",
                "not Point");
        RuleViolation bowtie = checkInvalid(feature("p-1", "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))", Map.of()),
                "valid-geometry", "/geometry", "Self-intersection");
        assertThat(bowtie.where()).as("where it crosses itself, for the map").isNotNull();
        checkInvalid(feature("p-1", "POLYGON ((0 0, 1e400 0, 10 10, 0 0))", Map.of()), "finite-coordinates",
                "/geometry/coordinates", "finite");
    }

    @Test
    void idsTextAndNumbersAreKeptWithinWhatAColumnHolds() {
        checkInvalid(feature("../../etc/passwd", SQUARE, Map.of()), "feature-id", "/id", "1–64");
        checkInvalid(feature("a".repeat(65), SQUARE, Map.of()), "feature-id", "/id", "1–64");
        checkInvalid(feature("p-1", SQUARE, Map.of("code", "x".repeat(LIMITS.maxTextLength() + 1))), "text-length",
                "/properties/code", "2000");
        checkInvalid(feature("p-1", SQUARE, Map.of("min_far", 1e308)), "number-range", "/properties/min_far",
                "outside the range");
        assertThat(InputRules.check(parcels, feature("甘亭-Z1_001.a:b", SQUARE, Map.of()), LIMITS)).isEmpty();
        StringBuilder ring = new StringBuilder("POLYGON ((0 0");
        for (int i = 1; i <= LIMITS.maxVertices(); i++) {
            ring.append(", ").append(i).append(" ").append(i % 2);
        }
        ring.append(", 0 100, 0 0))");
        checkInvalid(feature("p-1", ring.toString(), Map.of()), "vertex-count", "/geometry/coordinates", "vertices");
    }

    @Test
    void theLimitsAreTheParksToSet() {
        Limits tight = new Limits(null, 10, 8, null, null, null);
        List<RuleViolation> text = InputRules.check(parcels, feature("p-1", SQUARE, Map.of("code", "x".repeat(11))),
                tight);
        assertThat(text).extracting(RuleViolation::rule).containsExactly("text-length");
        assertThat(text.get(0).message().en()).contains("the most is 10");
        List<RuleViolation> vertices = InputRules.check(parcels, feature("p-1", "POLYGON ((0 0, 10 0, 20 0, 30 0, "
                + "30 10, 20 10, 10 10, 0 10, 0 0))", Map.of()), tight);
        assertThat(vertices).extracting(RuleViolation::rule).containsExactly("vertex-count");
        assertThat(InputRules.check(parcels, feature("p-1", SQUARE, Map.of("code", "x".repeat(10))), tight)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Limits(null, 0, null, null, null, null))
                .hasMessageContaining("parkatlas.limits.max-text-length must be positive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Limits(null, null, null, null, 5000, null))
                .hasMessageContaining("max-filter-depth is at most");
    }

    private RuleViolation checkInvalid(Feature feature, String rule, String pointer, String message) {
        List<RuleViolation> violations = InputRules.check(parcels, feature, LIMITS);
        assertThat(violations).extracting(RuleViolation::rule).containsExactly(rule);
        assertThat(violations.get(0).pointer()).isEqualTo(pointer);
        assertThat(violations.get(0).message().en()).contains(message);
        assertThat(violations.get(0).message().zh()).isNotBlank();
        return violations.get(0);
    }

    private static Feature feature(String id, String wkt, Map<String, Object> properties) {
        try {
            Geometry geometry = new WKTReader().read(wkt);
            return new Feature(id, geometry, properties, 0);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
