package org.parkatlas.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Many planners at once, each through its own signed-in browser session: 50 editors racing read-modify-write on one
 * parcel with {@code If-Match}, planners drawing overlapping parcels together, and planners splitting, merging and
 * patching the same parcels at the same moment. Whatever the interleaving, no accepted change is lost, every refusal
 * says why, and the parcels still form a clean coverage (no two overlap).
 */
public abstract class ConcurrentEditorsContract extends ParkAtlasServerTest {

    private static final String ITEMS = "/ogcapi/collections/parcels/items";
    /** Open land in the north of the sample park, clear of parcels, red lines and the ecological corridor (CRS84). */
    private static final double WEST = 111.6015;
    private static final double SOUTH = 36.1761;
    private static final double EAST = 111.60194;
    private static final double NORTH = 36.17655;
    private static final Duration RACE = Duration.ofSeconds(Long.getLong("parkatlas.race.seconds", 8));
    private static final int EDITORS = 50;

    /** Every parcel a race drew, split or merged is retired again, whatever the test found. */
    @AfterEach
    void retireWhatTheRaceLeft() {
        BrowserSession admin = planner();
        for (JsonNode feature : getJson(ITEMS + "?limit=1000&filter=" + URLEncoder.encode("code LIKE 'GT-RACE-%'",
                StandardCharsets.UTF_8)).path("features")) {
            admin.send("DELETE", ITEMS + "/" + feature.path("id").asString(), null, null, null);
        }
    }

    @Test
    void fiftyEditorsRacingWithIfMatchLoseNoUpdate() throws Exception {
        String id = create(square(WEST, SOUTH, EAST, NORTH), "GT-RACE-IFMATCH");
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        AtomicInteger landed = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<BrowserSession> editors = new ArrayList<>();
            for (int i = 0; i < EDITORS; i++) {
                editors.add(planner()); // each signs in once, as a browser does
            }
            CyclicBarrier start = new CyclicBarrier(EDITORS);
            long until = System.nanoTime() + RACE.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (BrowserSession editor : editors) {
                running.add(pool.submit(() -> {
                    start.await();
                    while (System.nanoTime() < until) {
                        HttpResponse<String> read = editor.send("GET", ITEMS + "/" + id, null, null, null);
                        String etag = read.headers().firstValue("ETag").orElseThrow();
                        long counter = JSON.readTree(read.body()).path("properties").path("min_output_wan_per_mu")
                                .asLong();
                        HttpResponse<String> write = editor.send("PATCH", ITEMS + "/" + id,
                                "{\"properties\":{\"min_output_wan_per_mu\":" + (counter + 1) + "}}",
                                "application/merge-patch+json", etag);
                        switch (write.statusCode()) {
                            case 200 -> landed.incrementAndGet();
                            case 412 -> stale.incrementAndGet();
                            case 503 -> Thread.sleep(100); // the park's write lock was busy: try again
                            default -> unexpected.add(write.statusCode() + " " + write.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> editor : running) {
                editor.get(RACE.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unexpected).as("every answer a success or a stale If-Match").isEmpty();
        JsonNode parcel = getJson(ITEMS + "/" + id);
        assertThat(landed.get()).as("editors got writes through").isGreaterThan(EDITORS / 5);
        assertThat(stale.get()).as("the race was a race").isPositive();
        assertThat(parcel.path("properties").path("min_output_wan_per_mu").asLong())
                .as("every landed +1 is in the counter: no lost update").isEqualTo(landed.get());
        JsonNode versions = getJson("/api/parcels/" + id + "/history?lang=en").path("versions");
        assertThat(versions).as("one version per landed write, after the one drawn").hasSize(landed.get() + 1);
        System.out.println("If-Match race: " + EDITORS + " editors for " + RACE.toSeconds() + " s, " + landed
                + " updates landed, " + stale + " stale, 0 lost");
    }

    @Test
    void twentyPlannersDrawingOverlappingParcelsKeepTheCoverageClean() throws Exception {
        int planners = 20;
        List<HttpResponse<String>> answers = race(planners, i -> {
            // squares of 0.6 × 0.6 of the open land (just over 1 mu), 4 % apart: every two of them overlap
            double west = WEST + (i % 10) * 0.04 * (EAST - WEST);
            double south = SOUTH + (i / 10) * 0.3 * (NORTH - SOUTH);
            return session -> session.send("POST", ITEMS, parcel(square(west, south, west + (EAST - WEST) * 0.6,
                    south + (NORTH - SOUTH) * 0.6), "GT-RACE-DRAW-" + i), "application/geo+json", null);
        });
        int stored = 0;
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 201) {
                stored++;
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
                assertThat(answer.body()).as("told why").contains("no-overlap");
            }
        }
        assertThat(stored).as("every two overlap: exactly one stored").isEqualTo(1);
        assertCleanCoverage();
    }

    @Test
    void plannersSplittingMergingAndPatchingTheSameParcelsAtOnceLoseNothing() throws Exception {
        double middle = (WEST + EAST) / 2;
        String left = create(square(WEST, SOUTH, middle, NORTH), "GT-RACE-L");
        String right = create(square(middle, SOUTH, EAST, NORTH), "GT-RACE-R");
        double totalMu = mu(left) + mu(right);
        int planners = 12;
        List<HttpResponse<String>> answers = race(planners, i -> switch (i % 4) {
            case 0 -> session -> session.send("POST", "/api/parcels/" + left + "/split", line(WEST + (middle - WEST)
                    * (0.3 + 0.1 * (i % 3))), "application/geo+json", null);
            case 1 -> session -> session.send("POST", "/api/parcels/" + right + "/split", line(middle + (EAST - middle)
                    * (0.3 + 0.1 * (i % 3))), "application/geo+json", null);
            case 2 -> session -> session.send("POST", "/api/parcels/merge", "{\"ids\":[\"" + left + "\",\"" + right
                    + "\"]}", "application/json", null);
            default -> session -> session.send("PATCH", ITEMS + "/" + left, "{\"properties\":{\"status\":\""
                    + (i % 2 == 0 ? "available" : "reserved") + "\"}}", "application/merge-patch+json", "\"1\"");
        });
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201, 404, 409, 412, 422);
        }
        // what is left of the two parcels: every active parcel inside the race's square
        List<JsonNode> pieces = new ArrayList<>();
        for (JsonNode feature : getJson(ITEMS + "?limit=1000&bbox=" + (WEST - 1e-4) + "," + (SOUTH - 1e-4) + ","
                + (EAST + 1e-4) + "," + (NORTH + 1e-4)).path("features")) {
            if (feature.path("properties").path("code").asString().startsWith("GT-RACE-")) {
                pieces.add(feature);
            }
        }
        double piecesMu = pieces.stream().mapToDouble(f -> f.path("properties").path("area_mu").asDouble()).sum();
        assertThat(piecesMu).as("the land is all still there, in %d pieces", pieces.size())
                .isCloseTo(totalMu, within(0.01));
        long splits = answers.stream().filter(a -> a.statusCode() == 201 && a.body().contains("FeatureCollection"))
                .count();
        long merges = answers.stream().filter(a -> a.statusCode() == 201 && !a.body().contains("FeatureCollection"))
                .count();
        assertThat(pieces).as("%d splits and %d merges landed", splits, merges)
                .hasSize((int) (2 + splits - merges));
        assertCleanCoverage();

        // then six planners split the same piece at once, each along its own line: one split lands, on one line
        JsonNode piece = pieces.get(0);
        String pieceId = piece.path("id").asString();
        double[] box = bounds(piece.path("geometry"));
        List<HttpResponse<String>> splitting = race(6, i -> session -> session.send("POST", "/api/parcels/" + pieceId
                + "/split", line(box[0] + (box[2] - box[0]) * (0.4 + 0.04 * i)), "application/geo+json", null));
        List<Integer> statuses = splitting.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("one split lands, the rest find the parcel retired").isSubsetOf(201, 404, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(getJson("/api/parcels/" + pieceId + "/history?lang=en").path("versions").findValuesAsString(
                "operation").stream().filter("split"::equals).count()).as("split once, not six times").isEqualTo(1);
        assertCleanCoverage();
        System.out.println("Split/merge/patch race: " + planners + " planners, " + splits + " splits and " + merges
                + " merges landed, " + pieces.size() + " parcels left, " + piecesMu + " mu of " + totalMu
                + "; then 6 splits of one parcel at once: " + statuses);
    }

    private static double[] bounds(JsonNode geometry) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode ring : geometry.path("coordinates")) {
            for (JsonNode position : ring) {
                box[0] = Math.min(box[0], position.get(0).asDouble());
                box[1] = Math.min(box[1], position.get(1).asDouble());
                box[2] = Math.max(box[2], position.get(0).asDouble());
                box[3] = Math.max(box[3], position.get(1).asDouble());
            }
        }
        return box;
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Every active parcel of the park, pairwise: none may overlap another by more than a square centimetre. */
    private void assertCleanCoverage() throws Exception {
        STRtree index = new STRtree();
        List<Geometry> parcels = new ArrayList<>();
        for (JsonNode feature : getJson(ITEMS + "?limit=10000&crs=" + URLEncoder.encode(
                "http://www.opengis.net/def/crs/EPSG/0/4546", StandardCharsets.UTF_8)).path("features")) {
            Geometry g = org.parkatlas.geojson.GeoJsonGeometry.read(feature.path("geometry"), "/geometry");
            g.setUserData(feature.path("id").asString());
            parcels.add(g);
            index.insert(g.getEnvelopeInternal(), g);
        }
        List<String> overlaps = new ArrayList<>();
        for (Geometry g : parcels) {
            for (Object other : index.query(g.getEnvelopeInternal())) {
                Geometry o = (Geometry) other;
                if (o != g && ((String) g.getUserData()).compareTo((String) o.getUserData()) < 0
                        && g.intersection(o).getArea() > 1e-4) {
                    overlaps.add(g.getUserData() + " × " + o.getUserData());
                }
            }
        }
        assertThat(overlaps).as("a clean coverage of %d parcels", parcels.size()).isEmpty();
    }

    /** Each planner, signed in beforehand, sends its request at the same moment. */
    private List<HttpResponse<String>> race(int planners,
                                            java.util.function.IntFunction<java.util.function.Function<BrowserSession,
                                                    HttpResponse<String>>> requests) throws Exception {
        List<BrowserSession> sessions = new ArrayList<>();
        for (int i = 0; i < planners; i++) {
            sessions.add(planner());
        }
        CyclicBarrier start = new CyclicBarrier(planners);
        ExecutorService pool = Executors.newFixedThreadPool(planners);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < planners; i++) {
                var request = requests.apply(i);
                BrowserSession session = sessions.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(session);
                }));
            }
            List<HttpResponse<String>> done = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                done.add(answer.get(120, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private BrowserSession planner() {
        return new BrowserSession(this::url, ADMIN, ADMIN_PASSWORD);
    }

    private String create(String geometry, String code) {
        HttpResponse<String> answer = planner().send("POST", ITEMS, parcel(geometry, code), "application/geo+json",
                null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String id = JSON.readTree(answer.body()).path("id").asString();
        return id;
    }

    private double mu(String id) {
        return getJson(ITEMS + "/" + id).path("properties").path("area_mu").asDouble();
    }

    private static String parcel(String geometry, String code) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"code\":\"" + code
                + "\",\"land_use\":\"100101\",\"status\":\"planned\",\"leveling\":\"not_started\","
                + "\"min_output_wan_per_mu\":0}}";
    }

    private static String square(double west, double south, double east, double north) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + west + "," + south + "],[" + east + "," + south + "],["
                + east + "," + north + "],[" + west + "," + north + "],[" + west + "," + south + "]]]}";
    }

    private static String line(double longitude) {
        return "{\"type\":\"LineString\",\"coordinates\":[[" + longitude + "," + (SOUTH - 1e-4) + "],[" + longitude
                + "," + (NORTH + 1e-4) + "]]}";
    }
}
