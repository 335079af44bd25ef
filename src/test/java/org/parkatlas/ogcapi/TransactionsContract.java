package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API Features Part 4 as a planner's client meets it: create, read back, replace, merge-patch and delete, each
 * answer with an ETag; a stale If-Match changes nothing; bad geometries are refused with the reason.
 */
abstract class TransactionsContract extends ParkAtlasServerTest {

    private static final String ITEMS = "/ogcapi/collections/parcels/items";
    // a 40 m × 50 m square on open land in the north of the sample park, clear of parcels, red lines and the Fen
    // River ecological corridor (CRS84)
    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[111.6015,36.1761],[111.60194,36.1761],"
            + "[111.60194,36.17655],[111.6015,36.17655],[111.6015,36.1761]]]}";

    @Test
    void createReadReplacePatchAndDeleteWithEtags() {
        HttpResponse<String> created = write("POST", ITEMS, parcel(SQUARE, "available", "GT-TX-1"), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(url(ITEMS + "/parcels-"));
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("properties").path("area_mu").asDouble()).as("computed, not the 999 sent")
                .isBetween(2.5, 3.5);
        String path = location.substring(url("").length());

        HttpResponse<String> read = get(path);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"1\"");

        HttpResponse<String> replaced = write("PUT", path, parcel(SQUARE, "reserved", "GT-TX-1"), "\"1\"");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).contains("\"2\"");

        HttpResponse<String> stale = write("PUT", path, parcel(SQUARE, "transferred", "GT-TX-1"), "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(stale.body()).path("currentETag").asString()).isEqualTo("\"2\"");
        assertThat(JSON.readTree(get(path).body()).path("properties").path("status").asString())
                .as("the stale write changed nothing").isEqualTo("reserved");

        HttpResponse<String> patched = write("PATCH", path, "{\"properties\":{\"status\":\"transferred\","
                + "\"leveling_date\":null,\"min_far\":1.1}}", "\"2\"");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.headers().firstValue("ETag")).contains("\"3\"");
        JsonNode after = JSON.readTree(patched.body()).path("properties");
        assertThat(after.path("status").asString()).isEqualTo("transferred");
        assertThat(after.path("leveling_date").isNull()).as("null removes; the property stays, as null").isTrue();
        assertThat(after.path("code").asString()).as("untouched properties stay").isEqualTo("GT-TX-1");
        assertThat(after.path("min_far").asDouble()).isEqualTo(1.1);

        assertThat(write("DELETE", path, null, "W/\"3\"").statusCode()).as("If-Match compares strongly")
                .isEqualTo(412);
        assertThat(write("DELETE", path, null, "\"2\"").statusCode()).isEqualTo(412);
        assertThat(write("DELETE", path, null, "\"3\"").statusCode()).isEqualTo(204);
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(write("DELETE", path, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aParcelOutsideTheParkIsRefusedWithWhereItSticksOut() {
        String outside = "{\"type\":\"Polygon\",\"coordinates\":[[[111.58,36.17],[111.6,36.17],[111.6,36.171],"
                + "[111.58,36.171],[111.58,36.17]]]}";
        HttpResponse<String> response = write("POST", ITEMS, parcel(outside, "planned", "GT-OUT"), null);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asString()).contains("outside the park boundary");
        JsonNode violation = problem.path("violations").get(0);
        assertThat(violation.path("rule").asString()).isEqualTo("inside-park-boundary");
        assertThat(violation.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
    }

    @Test
    void aParcelOnTopOfAnotherIsRefusedWithTheOverlapToDraw() {
        JsonNode existing = getJson(ITEMS + "/parcel-0100").path("geometry");
        HttpResponse<String> response = write("POST", ITEMS, parcel(existing.toString(), "planned", "GT-DUP"), null);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode violation = JSON.readTree(response.body()).path("violations").get(0);
        assertThat(violation.path("rule").asString()).isEqualTo("no-overlap");
        assertThat(violation.path("features").get(0).asString()).isEqualTo("parcel-0100");
        assertThat(violation.path("geometry").path("type").asString()).isEqualTo("Polygon");
        JsonNode corner = violation.path("geometry").path("coordinates").get(0).get(0);
        assertThat(corner.get(0).asDouble()).as("the overlap in CRS84, where the map draws it").isBetween(111.5, 111.7);
        assertThat(corner.get(1).asDouble()).isBetween(36.1, 36.3);
        assertThat(violation.path("message").asString()).contains("overlaps");
    }

    @Test
    void eightPlannersDrawingTheSameParcelAtOnceStoreOneAndAreToldWhyTheOthersCannot() throws Exception {
        long before = count();
        int writers = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String code = "GT-RACE-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return write("POST", ITEMS, parcel(SQUARE, "planned", code), null);
                }));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            String created = null;
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 201) {
                    created = response.headers().firstValue("Location").orElseThrow().substring(url("").length());
                } else {
                    assertThat(JSON.readTree(response.body()).path("violations").get(0).path("rule").asString())
                            .as(response.body()).isEqualTo("no-overlap");
                }
            }
            assertThat(statuses).as("one stored, seven refused").containsOnly(201, 422)
                    .filteredOn(s -> s == 201).hasSize(1);
            assertThat(count()).isEqualTo(before + 1);
            assertThat(write("DELETE", created, null, null).statusCode()).isEqualTo(204);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSurveyedRiverCorridorOfTwentyThousandVerticesLoadsWhole() {
        JsonNode corridor = getJson("/ogcapi/collections/corridors/items/corridor-C1");
        String original = corridor.toString();
        JsonNode ring = corridor.path("geometry").path("coordinates").get(0);
        int perEdge = 20_000 / (ring.size() - 1) + 1;
        StringBuilder dense = new StringBuilder();
        for (int i = 0; i + 1 < ring.size(); i++) {
            double x0 = ring.get(i).get(0).asDouble(), y0 = ring.get(i).get(1).asDouble();
            double x1 = ring.get(i + 1).get(0).asDouble(), y1 = ring.get(i + 1).get(1).asDouble();
            for (int k = 0; k < perEdge; k++) { // surveyed points along each edge, as a river bank has them
                dense.append(dense.isEmpty() ? "" : ",").append('[').append(x0 + (x1 - x0) * k / perEdge).append(',')
                        .append(y0 + (y1 - y0) * k / perEdge).append(']');
            }
        }
        dense.append(",[").append(ring.get(0).get(0).asDouble()).append(',').append(ring.get(0).get(1).asDouble())
                .append(']');
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + dense
                + "]]},\"properties\":" + corridor.path("properties") + "}";
        try {
            HttpResponse<String> stored = write("PUT", "/ogcapi/collections/corridors/items/corridor-C1", feature, null);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            JsonNode back = getJson("/ogcapi/collections/corridors/items/corridor-C1").path("geometry");
            assertThat(back.path("coordinates").get(0).size()).as("every vertex kept").isGreaterThanOrEqualTo(20_000);
        } finally {
            JsonNode before = JSON.readTree(original);
            write("PUT", "/ogcapi/collections/corridors/items/corridor-C1", "{\"type\":\"Feature\",\"geometry\":"
                    + before.path("geometry") + ",\"properties\":" + before.path("properties") + "}", null);
        }
    }

    @Test
    void aDrawnParcelIsPlacedInTheZoneAndIndustrialParkHoldingMostOfIt() {
        HttpResponse<String> created = write("POST", ITEMS, parcel(SQUARE, "planned", "GT-WHERE"), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode properties = JSON.readTree(created.body()).path("properties");
        String path = created.headers().firstValue("Location").orElseThrow().substring(url("").length());
        try {
            String inside = "S_INTERSECTS(geometry,POINT(111.60172 36.17632))";
            JsonNode zone = getJson("/ogcapi/collections/zones/items?filter=" + encode(inside)).path("features");
            JsonNode park = getJson("/ogcapi/collections/industrial-parks/items?filter=" + encode(inside))
                    .path("features");
            assertThat(zone).hasSize(1);
            assertThat(properties.path("zone").asString()).isEqualTo(zone.get(0).path("properties").path("code")
                    .asString());
            if (park.isEmpty()) {
                assertThat(properties.path("industrial_park").isNull()).as("outside every industrial park").isTrue();
            } else {
                assertThat(properties.path("industrial_park").asString())
                        .isEqualTo(park.get(0).path("properties").path("code").asString());
            }
            HttpResponse<String> typed = write("PATCH", path, "{\"properties\":{\"zone\":\"Z9\"}}", null);
            assertThat(JSON.readTree(typed.body()).path("properties").path("zone").asString())
                    .as("never typed in").isEqualTo(properties.path("zone").asString());
        } finally {
            write("DELETE", path, null, null);
        }
    }

    @Test
    void theSampleParcelsLieInTheZonesAndParksTheSurveySaysTheyDo() throws Exception {
        JsonNode survey = JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(
                "geodata/parcels.geojson"))).path("features");
        java.util.Map<String, JsonNode> served = new java.util.HashMap<>();
        getJson(ITEMS + "?limit=10000").path("features").forEach(f -> served.put(f.path("id").asString(), f));
        for (JsonNode parcel : survey) {
            JsonNode derived = served.get(parcel.path("id").asString()).path("properties");
            assertThat(derived.path("zone").asString()).as(parcel.path("id").asString())
                    .isEqualTo(parcel.path("properties").path("zone").asString());
            assertThat(derived.path("industrial_park").asString("")).as(parcel.path("id").asString())
                    .isEqualTo(parcel.path("properties").path("industrial_park").asString(""));
        }
    }

    @Test
    void aParcelInTheFenRiverEcologicalCorridorOrWithAnUnknownLandUseIsRefused() {
        String inCorridor = "{\"type\":\"Polygon\",\"coordinates\":[[[111.5995,36.1715],[111.59994,36.1715],"
                + "[111.59994,36.17195],[111.5995,36.17195],[111.5995,36.1715]]]}";
        HttpResponse<String> corridor = write("POST", ITEMS, parcel(inCorridor, "planned", "GT-FEN"), null);
        assertThat(corridor.statusCode()).isEqualTo(422);
        JsonNode violation = JSON.readTree(corridor.body()).path("violations").get(0);
        assertThat(violation.path("rule").asString()).isEqualTo("outside-ecological-corridor");
        assertThat(violation.path("message").asString()).contains("Fen River Ecological Corridor");
        assertThat(violation.path("geometry").path("type").asString()).isEqualTo("Polygon");
        HttpResponse<String> landUse = write("POST", ITEMS, parcel(SQUARE, "planned", "GT-M1")
                .replace("100101", "M1"), null);
        checkRefused(landUse, 422, "\"M1\" is not a value of \"land_use\"");
    }

    @Test
    void ruleMessagesAreInChineseUnlessTheClientAsksForEnglish() {
        JsonNode existing = getJson(ITEMS + "/parcel-0100").path("geometry");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(ITEMS)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(parcel(existing.toString(), "planned", "GT-ZH"))).build());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("violations").get(0).path("message").asString()).contains("重叠");
        assertThat(problem.path("detail").asString()).contains("重叠");
        HttpResponse<String> english = send(HttpRequest.newBuilder(URI.create(url(ITEMS + "?lang=en")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/geo+json")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(parcel(existing.toString(), "planned", "GT-EN"))).build());
        assertThat(JSON.readTree(english.body()).path("detail").asString()).as("lang wins over Accept-Language")
                .contains("overlaps");
    }

    private long count() {
        return getJson(ITEMS + "?limit=1").path("numberMatched").asLong();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void invalidGeometriesAndBodiesAreRefusedWithTheReason() {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[111.6205,36.1705],[111.621,36.171],[111.621,36.1705],"
                + "[111.6205,36.171],[111.6205,36.1705]]]}";
        checkRefused(write("POST", ITEMS, parcel(bowtie, "planned", "X"), null), 422, "Self-intersection");
        checkRefused(write("POST", ITEMS, parcel("{\"type\":\"Point\",\"coordinates\":[111.62,36.17]}", "planned",
                "X"), null), 422, "not Point");
        checkRefused(write("POST", ITEMS, "{\"type\":\"Feature\",", null), 400, "not valid JSON");
        HttpResponse<String> text = send(HttpRequest.newBuilder(URI.create(url(ITEMS)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(parcel(SQUARE, "planned", "X"))).build());
        assertThat(text.statusCode()).as("a body is read only as what it says it is").isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String existing = getJson(ITEMS + "?limit=1").path("features").get(0).path("id").asString();
        HttpResponse<String> idObject = write("PATCH", ITEMS + "/" + existing, "{\"id\":{\"a\":1}}", null);
        checkRefused(idObject, 422, "\"id\" must be a string or an integer");
        checkRefused(write("POST", ITEMS, parcel(SQUARE, "sold", "X"), null), 422, "use one of");
        HttpResponse<String> huge = write("POST", ITEMS, parcel(SQUARE, "planned", "X")
                .replace("\"area_mu\":999", "\"min_far\":" + "9".repeat(30)), null);
        checkRefused(huge, 422, "must be between 0.0 … 20.0");
        assertThat(JSON.readTree(huge.body()).path("pointer").asString()).isEqualTo("/properties/min_far");
        HttpResponse<String> crs = send(HttpRequest.newBuilder(URI.create(url(ITEMS)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/geo+json")
                .header("Accept-Language", "en").header("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/2382>")
                .POST(HttpRequest.BodyPublishers.ofString(parcel(SQUARE, "planned", "X"))).build());
        checkRefused(crs, 400, "not a CRS ParkAtlas supports");
    }

    @Test
    void aBodyInTheProjectedCrsLandsInThePlaceItNames() {
        // EPSG:4546 is northing, easting: a 50 m × 50 m square on the open land in the north of the park
        String projected = "{\"type\":\"Polygon\",\"coordinates\":[[[4005255,554200],[4005255,554250],[4005305,554250],"
                + "[4005305,554200],[4005255,554200]]]}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url(ITEMS)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/geo+json")
                .header("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4546>")
                .POST(HttpRequest.BodyPublishers.ofString(parcel(projected, "planned", "GT-4546"))).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode feature = JSON.readTree(created.body());
        assertThat(feature.path("properties").path("area_m2").asDouble()).isEqualTo(2_500.0);
        double lon = feature.path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        double lat = feature.path("geometry").path("coordinates").get(0).get(0).get(1).asDouble();
        assertThat(lon).isBetween(111.6023, 111.6026);
        assertThat(lat).isBetween(36.1760, 36.1763);
        String path = created.headers().firstValue("Location").orElseThrow().substring(url("").length());
        assertThat(write("DELETE", path, null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void theIdInTheBodyMustBeTheOneInTheUrl() {
        String id = getJson(ITEMS + "?limit=1").path("features").get(0).path("id").asString();
        String body = "{\"type\":\"Feature\",\"id\":\"someone-else\",\"geometry\":" + SQUARE + ",\"properties\":"
                + "{\"code\":\"X\",\"land_use\":\"100101\",\"status\":\"planned\",\"leveling\":\"done\"}}";
        checkRefused(write("PUT", ITEMS + "/" + id, body, null), 422, "a feature's id cannot change");
        checkRefused(write("PUT", ITEMS + "/no-such-parcel", parcel(SQUARE, "planned", "X"), null), 404,
                "no feature");
    }

    private static void checkRefused(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
    }

    private HttpResponse<String> write(String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")
                .header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/geo+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    private static String parcel(String geometry, String status, String code) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"code\":\"" + code + "\","
                + "\"land_use\":\"100101\",\"status\":\"" + status + "\",\"leveling\":\"done\","
                + "\"leveling_date\":\"2024-03-01\",\"area_mu\":999}}";
    }
}
