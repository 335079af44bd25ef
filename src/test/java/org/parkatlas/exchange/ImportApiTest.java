package org.parkatlas.exchange;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing GeoJSON and GeoPackage files through the API: signed-in writers only, one transaction, and a refused
 * file changes nothing. Runs on a server of its own, since it rewrites layers.
 */
class ImportApiTest extends ParkAtlasServerTest {

    /** A database of its own (an explicit URL wins over the shared data folder), so its rewrites stay here. */
    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("parkatlas-import-test");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("import"));
        registry.add("parkatlas.limits.max-body-size", () -> "8MB");
    }

    @Test
    void anonymousAndWrongPasswordsAreRefused() {
        assertThat(post("/api/collections/corridors/import", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/collections/corridors/import", "{}", basic(ADMIN, "wrong")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aGeoJsonFileReplacesALayer() throws Exception {
        String corridors = Files.readString(Path.of("geodata/corridors.geojson"));
        String one = corridors.substring(0, corridors.indexOf("\"features\""))
                + "\"features\":[{\"type\":\"Feature\",\"id\":\"c-new\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[111.60,36.16],[111.601,36.16],[111.601,36.17],[111.60,36.17],[111.60,36.16]]]},"
                + "\"properties\":{\"code\":\"C9\",\"name\":\"试验廊道\",\"kind\":\"ecological\"}}]}";
        HttpResponse<String> response = post("/api/collections/corridors/import", one, basic(ADMIN, ADMIN_PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.path("imported").asInt()).isEqualTo(1);
        assertThat(result.path("featuresInCollection").asInt()).isEqualTo(1);
        assertThat(result.path("format").asString()).isEqualTo("GeoJSON");
        JsonNode items = getJson("/ogcapi/collections/corridors/items");
        assertThat(items.path("features").get(0).path("id").asString()).isEqualTo("c-new");
        assertThat(items.path("features").get(0).path("properties").path("area_mu").asDouble()).isPositive();
    }

    @Test
    void aFileWithOneBadFeatureChangesNothing() {
        long before = count("roads");
        String roads = "{\"type\":\"FeatureCollection\",\"features\":[" + road("r-1", "existing") + ","
                + road("r-2", "finished") + "]}";
        HttpResponse<String> response = post("/api/collections/roads/import", roads, basic(ADMIN, ADMIN_PASSWORD));
        assertThat(response.statusCode()).as("well-formed, but the layer cannot take it").isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("pointer").asString()).isEqualTo("/features/1/properties/status");
        assertThat(problem.path("detail").asString()).contains("\"finished\" is not a value of \"status\"");
        assertThat(count("roads")).isEqualTo(before);

        for (String width : new String[]{"-5", "1e308"}) {
            String bad = "{\"type\":\"FeatureCollection\",\"features\":[" + road("r-1", "existing")
                    .replace("\"red_line_width_m\":20", "\"red_line_width_m\":" + width) + "]}";
            HttpResponse<String> refused = post("/api/collections/roads/import", bad, basic(ADMIN, ADMIN_PASSWORD));
            assertThat(refused.statusCode()).as(width + " m is no red-line width").isEqualTo(422);
            assertThat(JSON.readTree(refused.body()).path("pointer").asString())
                    .isEqualTo("/features/0/properties/red_line_width_m");
            assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("must be between 1.0 … 200.0");
        }
        assertThat(getJson("/ogcapi/collections/roads/queryables").path("properties").path("red_line_width_m")
                .path("maximum").asDouble()).isEqualTo(200.0);
        HttpResponse<String> broken = post("/api/collections/roads/import", "{\"type\": \"FeatureCollection\", ",
                basic(ADMIN, ADMIN_PASSWORD));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).path("detail").asString()).contains("not valid JSON");
        assertThat(count("roads")).isEqualTo(before);
    }

    @Test
    void appendingAnIdThatExistsIsAConflictAndChangesNothing() {
        long before = count("facilities");
        String existing = getJson("/ogcapi/collections/facilities/items?limit=1").path("features").get(0).path("id")
                .asString();
        String body = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"" + existing
                + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[111.62,36.17]},\"properties\":{\"name\":\"x\","
                + "\"kind\":\"substation\",\"status\":\"planned\"}}]}";
        HttpResponse<String> response = post("/api/collections/facilities/import?mode=append", body,
                basic(ADMIN, ADMIN_PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(count("facilities")).isEqualTo(before);
        assertThat(post("/api/collections/facilities/import?mode=merge", body, basic(ADMIN, ADMIN_PASSWORD))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void ourOwnGeoPackageImportsBackIdentically() throws Exception {
        String before = getJson("/ogcapi/collections/utility-lines/items?limit=10000").path("features").toString();
        HttpResponse<byte[]> gpkg = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/export/parkatlas.gpkg"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(
                        "/api/collections/utility-lines/import")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/geopackage+sqlite3")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gpkg.body())).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("format").asString()).isEqualTo("GeoPackage");
        // same ids, attributes and coordinates (to the centimetre GeoJSON keeps) as before the round trip
        assertThat(getJson("/ogcapi/collections/utility-lines/items?limit=10000").path("features").toString())
                .isEqualTo(before);
    }

    @Test
    void aParcelFileIsCheckedAsACoverageAndEveryOverlapIsListed() {
        long before = count("parcels");
        String taken = getJson("/ogcapi/collections/parcels/items/parcel-0100").path("geometry").toString();
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[111.6015,36.1761],[111.60194,36.1761],"
                + "[111.60194,36.17655],[111.6015,36.17655],[111.6015,36.1761]]]}";
        String file = "{\"type\":\"FeatureCollection\",\"features\":[" + parcel("imp-1", taken, "GT-IMP-1") + ","
                + parcel("imp-2", open, "GT-IMP-2") + "," + parcel("imp-3", open, "GT-IMP-3") + ","
                + parcel("imp-4", "{\"type\":\"Point\",\"coordinates\":[111.62,36.17]}", "GT-IMP-4") + "]}";
        HttpResponse<String> response = post("/api/collections/parcels/import?mode=append", file,
                basic(ADMIN, ADMIN_PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode violations = JSON.readTree(response.body()).path("violations");
        java.util.List<String> found = new java.util.ArrayList<>();
        violations.forEach(v -> found.add(v.path("pointer").asString() + " " + v.path("rule").asString() + " "
                + v.path("features").path(0).asString("")));
        assertThat(found).as("against what stays, between the file's own parcels, and every feature's own faults")
                .containsExactlyInAnyOrder("/features/0 no-overlap parcel-0100", "/features/1 no-overlap imp-3",
                        "/features/2 no-overlap imp-2", "/features/3/geometry/type geometry-type ");
        violations.forEach(v -> assertThat(v.path("rule").asString().equals("no-overlap")
                ? v.path("geometry").path("type").asString() : "Polygon").isEqualTo("Polygon"));
        assertThat(count("parcels")).as("nothing imported").isEqualTo(before);

        String clean = "{\"type\":\"FeatureCollection\",\"features\":[" + parcel("imp-2", open, "GT-IMP-2") + "]}";
        HttpResponse<String> imported = post("/api/collections/parcels/import?mode=append", clean,
                basic(ADMIN, ADMIN_PASSWORD));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode history = getJson("/api/parcels/imp-2/history?lang=en").path("versions");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("operation").asString()).isEqualTo("import");
        assertThat(history.get(0).path("by").asString()).isEqualTo(ADMIN);
        assertThat(history.get(0).path("note").asString()).isEqualTo("imported from a GeoJSON file");
        assertThat(getJson("/ogcapi/collections/parcels/items/imp-2").path("properties").path("zone").asString())
                .as("placed in its zone like a drawn parcel").isNotBlank();
    }

    private static String parcel(String id, String geometry, String code) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":" + geometry + ",\"properties\":{\"code\":\""
                + code + "\",\"land_use\":\"100101\",\"status\":\"planned\",\"leveling\":\"not_started\"}}";
    }

    @Test
    void aGeoPackageWithAGarbageGeometryIsRefusedNamingTheRow() throws Exception {
        long before = count("utility-lines");
        HttpResponse<byte[]> gpkg = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/export/parkatlas.gpkg"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        Path file = Files.createTempFile("garbage", ".gpkg");
        Files.write(file, gpkg.body());
        try (java.sql.Connection sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            sqlite.createStatement().executeUpdate("UPDATE utility_lines SET geom = X'0011223344556677' "
                    + "WHERE fid = (SELECT MAX(fid) FROM utility_lines)");
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(
                        "/api/collections/utility-lines/import?mode=append")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")
                .header("Content-Type", "application/geopackage+sqlite3")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("geometry cannot be read");
        assertThat(count("utility-lines")).isEqualTo(before);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWhetherItSaysSoOrStreams() {
        byte[] big = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> declared = send(HttpRequest.newBuilder(URI.create(url(
                        "/api/collections/roads/import"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/geo+json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).path("detail").asString()).contains("larger than 8 MB");
        HttpResponse<String> streamed = send(HttpRequest.newBuilder(URI.create(url(
                        "/api/collections/roads/import"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/geo+json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        assertThat(streamed.statusCode()).as("chunked, with no length to go by").isEqualTo(413);
        assertThat(streamed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    private long count(String collection) {
        return getJson("/ogcapi/collections/" + collection + "/items?limit=1").path("numberMatched").asLong();
    }

    private static String road(String id, String status) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                + "[[111.60,36.16],[111.61,36.16]]},\"properties\":{\"name\":\"测试路\",\"status\":\"" + status
                + "\",\"red_line_width_m\":20}}";
    }

    private HttpResponse<String> post(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/geo+json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }
}
