package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.geojson.GeoJsonGeometry;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkatlas.ogcapi.OgcApiCrsContract.encode;

/**
 * OGC API Features Part 3 with CQL2, checked against answers worked out independently in the test from the full
 * GeoJSON: comparison, LIKE/BETWEEN/IN, CASEI, spatial and temporal functions, property-property, arithmetic, both
 * encodings and filter-crs. Run on each store, so the same filter gives the same features on both.
 */
abstract class OgcApiFilterContract extends ParkAtlasServerTest {

    private static final String PARCELS = "/ogcapi/collections/parcels/items";
    private static final String ROADS = "/ogcapi/collections/roads/items";

    @Test
    void largeParcelsInAZoneWhateverTheEncodingOrCrs() {
        JsonNode zone = getJson("/ogcapi/collections/zones/items?code=Z2").path("features").get(0);
        Geometry z2 = GeoJsonGeometry.read(zone.path("geometry"), "");
        Set<String> expected = ids(PARCELS, p -> p.path("properties").path("area_mu").asDouble() > 50
                && GeoJsonGeometry.read(p.path("geometry"), "").intersects(z2));
        assertThat(expected).isNotEmpty();

        String text = "area_mu > 50 AND S_INTERSECTS(geometry, " + new WKTWriter().write(z2) + ")";
        assertThat(filtered(PARCELS, text, null, null)).isEqualTo(expected);

        String json = "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"area_mu\"},50]},"
                + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"}," + zone.path("geometry") + "]}]}";
        assertThat(filtered(PARCELS, json, "cql2-json", null)).isEqualTo(expected);

        Geometry projected = Reprojector.transform(z2, Crs.CRS84, Crs.CGCS2000_GK_CM_111E);
        StringBuilder northEast = new StringBuilder("POLYGON((");
        for (var c : projected.getCoordinates()) {
            northEast.append(northEast.length() > 9 ? "," : "").append(c.y).append(' ').append(c.x);
        }
        northEast.append("))");
        assertThat(filtered(PARCELS, "area_mu > 50 AND S_INTERSECTS(geometry, " + northEast + ")", null,
                "http://www.opengis.net/def/crs/EPSG/0/4546")).isEqualTo(expected);
    }

    @Test
    void advancedComparisonAndCaseInsensitiveText() {
        assertThat(filtered(PARCELS, "code LIKE 'GT-Z1-%'", null, null))
                .isEqualTo(ids(PARCELS, p -> p.path("properties").path("code").asString().startsWith("GT-Z1-")))
                .isNotEmpty();
        assertThat(filtered(PARCELS, "area_mu BETWEEN 30 AND 60 AND status IN ('available', 'reserved')", null, null))
                .isEqualTo(ids(PARCELS, p -> {
                    double mu = p.path("properties").path("area_mu").asDouble();
                    String status = p.path("properties").path("status").asString();
                    return mu >= 30 && mu <= 60 && (status.equals("available") || status.equals("reserved"));
                })).isNotEmpty();
        assertThat(filtered(PARCELS, "CASEI(status) = CASEI('AVAILABLE')", null, null))
                .isEqualTo(ids(PARCELS, p -> p.path("properties").path("status").asString().equals("available")));
        assertThat(filtered(PARCELS, "industrial_park IS NULL", null, null))
                .isEqualTo(ids(PARCELS, p -> !p.path("properties").hasNonNull("industrial_park")));
        assertThat(filtered(PARCELS, "NOT (status = 'available') AND leveling <> 'done'", null, null))
                .isEqualTo(ids(PARCELS, p -> !p.path("properties").path("status").asString().equals("available")
                        && !p.path("properties").path("leveling").asString().equals("done")));
    }

    @Test
    void datesAndTemporalFunctions() {
        assertThat(filtered(ROADS, "completion_date < DATE('2020-01-01')", null, null))
                .isEqualTo(ids(ROADS, r -> dated(r) && date(r).compareTo("2020-01-01") < 0)).isNotEmpty();
        assertThat(filtered(ROADS, "T_BEFORE(completion_date, DATE('2020-01-01'))", null, null))
                .isEqualTo(filtered(ROADS, "completion_date < DATE('2020-01-01')", null, null));
        assertThat(filtered(ROADS, "T_DURING(completion_date, INTERVAL('2027-01-01', '2027-12-31'))", null, null))
                .isEqualTo(ids(ROADS, r -> dated(r) && date(r).compareTo("2027-01-01") > 0 && date(r).compareTo("2027-12-31") < 0))
                .isNotEmpty();
        assertThat(filtered(ROADS, "T_AFTER(completion_date, TIMESTAMP('2027-06-29T12:00:00Z'))", null, null))
                .isEqualTo(ids(ROADS, r -> dated(r) && date(r).compareTo("2027-06-29") > 0));
        assertThat(filtered(ROADS, "T_INTERSECTS(completion_date, INTERVAL('2028-01-01', '..'))", null, null))
                .isEqualTo(ids(ROADS, r -> dated(r) && date(r).compareTo("2028-01-01") >= 0)).isNotEmpty();
    }

    @Test
    void propertyToPropertyAndArithmetic() {
        assertThat(filtered(PARCELS, "max_far > min_far * 1.5", null, null))
                .isEqualTo(ids(PARCELS, p -> p.path("properties").hasNonNull("max_far")
                        && p.path("properties").path("max_far").asDouble()
                        > p.path("properties").path("min_far").asDouble() * 1.5));
        assertThat(filtered(PARCELS, "area_mu * 2 >= 100", null, null))
                .isEqualTo(filtered(PARCELS, "area_mu >= 50", null, null)).isNotEmpty();
        assertThat(filtered(PARCELS, "(area_m2 - 666) / 1000 > 20", null, null))
                .isEqualTo(ids(PARCELS, p -> (p.path("properties").path("area_m2").asDouble() - 666) / 1000 > 20));
    }

    @Test
    void sortbyOrdersStoredAndDerivedAttributesAndPagesFollowTheOrder() {
        List<Double> areas = new java.util.ArrayList<>();
        getJson(PARCELS + "?limit=10000&sortby=-area_mu").path("features")
                .forEach(f -> areas.add(f.path("properties").path("area_mu").asDouble()));
        assertThat(areas).hasSizeGreaterThan(100).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // a derived attribute, nulls (never ready) last, pages that follow on from each other
        List<String> whole = new java.util.ArrayList<>();
        List<String> dates = new java.util.ArrayList<>();
        getJson(PARCELS + "?limit=10000&sortby=ready_date,-area_mu").path("features").forEach(f -> {
            whole.add(f.path("id").asString());
            dates.add(f.path("properties").path("ready_date").asString(""));
        });
        int firstNull = dates.indexOf("");
        assertThat(dates.subList(0, firstNull < 0 ? dates.size() : firstNull)).isSorted();
        if (firstNull >= 0) {
            assertThat(dates.subList(firstNull, dates.size())).as("never ready: last").containsOnly("");
        }
        List<String> paged = new java.util.ArrayList<>();
        String next = PARCELS + "?limit=30&sortby=" + encode("ready_date,-area_mu");
        while (next != null) {
            JsonNode page = getJson(next);
            page.path("features").forEach(f -> paged.add(f.path("id").asString()));
            next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    next = link.path("href").asString();
                }
            }
        }
        assertThat(paged).isEqualTo(whole);
        checkBad(PARCELS + "?sortby=height", "cannot sort by \"height\"");
        checkBad(PARCELS + "?sortby=area_mu,-area_mu", "appears twice");
        checkBad(PARCELS + "?sortby=buyer", "cannot sort by \"buyer\"");
    }

    @Test
    void nextLinksKeepTheFilter() {
        String filter = "status = 'available' AND area_mu > 20";
        Set<String> seen = new TreeSet<>();
        String next = PARCELS + "?limit=7&filter=" + encode(filter);
        long matched = -1;
        while (next != null) {
            JsonNode page = getJson(next);
            matched = page.path("numberMatched").asLong();
            page.path("features").forEach(f -> assertThat(seen.add(f.path("id").asString())).isTrue());
            next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    next = link.path("href").asString();
                    assertThat(next).contains("filter=");
                }
            }
        }
        assertThat(seen).hasSize((int) matched).isEqualTo(filtered(PARCELS, filter, null, null));
    }

    /** The analyst's question of issue 12: parcels within 500 m of the sewage plant, measured in EPSG:4546. */
    @Test
    void parcelsWithinADistanceInMetresOfTheSewagePlant() {
        JsonNode plant = null;
        for (JsonNode f : getJson("/ogcapi/collections/facilities/items?limit=100").path("features")) {
            if ("sewage_plant".equals(f.path("properties").path("kind").asString())) {
                plant = f;
            }
        }
        assertThat(plant).isNotNull();
        Geometry plantPoint = GeoJsonGeometry.read(plant.path("geometry"), "");
        Geometry plantMetres = Reprojector.transform(plantPoint, Crs.CRS84, Crs.CGCS2000_GK_CM_111E);
        Set<String> expected = ids(PARCELS, p -> Reprojector.transform(GeoJsonGeometry.read(p.path("geometry"), ""),
                Crs.CRS84, Crs.CGCS2000_GK_CM_111E).isWithinDistance(plantMetres, 500));
        assertThat(expected).hasSizeBetween(3, 100);
        String point = "POINT(" + plantPoint.getCoordinate().x + " " + plantPoint.getCoordinate().y + ")";
        assertThat(filtered(PARCELS, "S_DWITHIN(geometry, " + point + ", 500)", null, null)).isEqualTo(expected);
        assertThat(filtered(PARCELS, "{\"op\":\"s_dwithin\",\"args\":[{\"property\":\"geometry\"},"
                + JSON.writeValueAsString(GeoJsonGeometry.toMap(plantPoint)) + ",500]}", "cql2-json", null))
                .as("the same in CQL2 JSON").isEqualTo(expected);
        // and combined with an attribute, as an analyst would
        Set<String> available = filtered(PARCELS, "status = 'available' AND S_DWITHIN(geometry, " + point + ", 500)",
                null, null);
        assertThat(expected).containsAll(available);
        checkBad(PARCELS + "?filter=" + encode("S_DWITHIN(geometry, " + point + ", -1)"), "between 0 and");
        checkBad(PARCELS + "?filter=" + encode("S_DWITHIN(geometry, " + point + ", 'far')"), "distance in metres");
    }

    @Test
    void aSyntaxErrorSaysWhereAndWhatWasExpected() {
        HttpResponse<String> response = get(PARCELS + "?filter=" + encode("area_mu > AND status = 'x'"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("parameter").asString()).isEqualTo("filter");
        assertThat(problem.path("position").asInt()).isEqualTo(10);
        assertThat(problem.path("detail").asString()).contains("cql2-text");
        assertThat(problem.path("expected").asString()).isNotBlank();
    }

    @Test
    void namesAndTypesMustFitTheLayer() {
        checkBad(PARCELS + "?filter=" + encode("colour = 'red'"), "not a queryable");
        checkBad(PARCELS + "?filter=" + encode("area_mu = 'big'"), "cannot compare");
        checkBad(PARCELS + "?filter=" + encode("status = 'x'") + "&filter-lang=sql", "filter-lang=sql");
        checkBad(PARCELS + "?filter-lang=cql2-text", "no filter");
        checkBad(PARCELS + "?filter=" + encode("S_INTERSECTS(geometry, POINT(1 2))") + "&filter-crs="
                + encode("EPSG:9999"), "not a CRS");
    }

    private void checkBad(String path, String detail) {
        HttpResponse<String> response = getInEnglish(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
    }

    private Set<String> filtered(String items, String filter, String language, String filterCrs) {
        String path = items + "?limit=10000&filter=" + encode(filter)
                + (language == null ? "" : "&filter-lang=" + language)
                + (filterCrs == null ? "" : "&filter-crs=" + encode(filterCrs));
        Set<String> ids = new TreeSet<>();
        getJson(path).path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private Set<String> ids(String items, Predicate<JsonNode> keep) {
        Set<String> ids = new TreeSet<>();
        List<JsonNode> all = new ArrayList<>();
        getJson(items + "?limit=10000").path("features").forEach(all::add);
        all.stream().filter(keep).forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private static boolean dated(JsonNode road) {
        return road.path("properties").hasNonNull("completion_date");
    }

    private static String date(JsonNode road) {
        return road.path("properties").path("completion_date").asString();
    }
}
