package org.parkatlas.store;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasApplication;
import org.parkatlas.PostgisTestDatabase;
import org.parkatlas.RequiresPostgis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one PostGIS, each a process of its own with nothing in front of them: a parcel
 * written through one is seen through the other at once — its items, its readiness and its vector tile, which the
 * other had cached — because each hears the other's writes on PostgreSQL's {@code LISTEN/NOTIFY}.
 */
@RequiresPostgis
class TwoInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PASSWORD = "two-instances-secret";

    @Test
    void aWriteThroughOneIsSeenThroughTheOther() throws Exception {
        String database = PostgisTestDatabase.newDatabase();
        Path folder = Files.createTempDirectory("parkatlas-two");
        List<String> common = List.of("--parkatlas.store=postgis", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgisTestDatabase.user(),
                "--spring.datasource.password=" + PostgisTestDatabase.password(),
                "--parkatlas.bootstrap.password=" + PASSWORD, "--logging.level.root=WARN",
                "--logging.level.org.parkatlas.store.ChangeFeed=DEBUG");
        List<String> first = new ArrayList<>(common);
        first.add("--server.port=0");
        first.add("--parkatlas.data-dir=" + folder.resolve("a"));
        Process other = null;
        try (ConfigurableApplicationContext a = new SpringApplicationBuilder(ParkAtlasApplication.class)
                .run(first.toArray(String[]::new))) {
            String one = "http://localhost:" + a.getEnvironment().getProperty("local.server.port");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    ParkAtlasApplication.class.getName(), "--server.port=" + port, "--parkatlas.data-dir="
                            + folder.resolve("b")));
            command.addAll(common);
            other = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("b.log").toFile()).start();
            String two = "http://localhost:" + port;
            waitUntil(Duration.ofSeconds(90), () -> status(two + "/ogcapi") == 200);

            JsonNode parcel = json(two + "/ogcapi/collections/parcels/items?limit=1").path("features").get(0);
            String id = parcel.path("id").asString();
            String next = parcel.path("properties").path("status").asString().equals("reserved") ? "available"
                    : "reserved";
            String readiness = two + "/api/parcels/" + id + "/readiness";
            boolean levelled = levelingMet(readiness);
            String tile = two + "/ogcapi/collections/parcels/tiles/WebMercatorQuad/10/" + row(parcel) + "/"
                    + column(parcel);
            HttpResponse<byte[]> before = HTTP.send(HttpRequest.newBuilder(URI.create(tile)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String etag = before.headers().firstValue("ETag").orElseThrow();

            // written through the first instance: status, and leveling (which readiness reads)
            String leveling = levelled ? "in_progress" : "done";
            HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(URI.create(one
                            + "/ogcapi/collections/parcels/items/" + id))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                            .getBytes()))
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"status\":\"" + next
                            + "\",\"leveling\":\"" + leveling + "\",\"leveling_date\":\"" + (leveling.equals("done")
                            ? "2020-01-01" : "2031-12-31") + "\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

            // … and seen through the second, which had all three cached
            waitUntil(Duration.ofSeconds(5), () -> json(two + "/ogcapi/collections/parcels/items/" + id)
                    .path("properties").path("status").asString().equals(next));
            waitUntil(Duration.ofSeconds(5), () -> levelingMet(readiness) != levelled);
            HttpResponse<byte[]> after = HTTP.send(HttpRequest.newBuilder(URI.create(tile)).header("If-None-Match",
                    etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(after.statusCode()).as("the tile the other instance had is no longer current").isEqualTo(200);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        } finally {
            if (other != null) {
                other.destroy();
                other.waitFor();
            }
        }
    }

    private static boolean levelingMet(String readiness) {
        for (JsonNode item : json(readiness).path("items")) {
            if (item.path("item").asString().equals("leveling")) {
                return item.path("met").asBoolean();
            }
        }
        throw new AssertionError("no leveling item in " + readiness);
    }

    private static int column(JsonNode feature) {
        double lon = feature.path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        return (int) Math.floor((lon + 180) / 360 * (1 << 10));
    }

    private static int row(JsonNode feature) {
        double lat = Math.toRadians(feature.path("geometry").path("coordinates").get(0).get(0).get(1).asDouble());
        return (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * (1 << 10));
    }

    private static JsonNode json(String url) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitUntil(Duration limit, java.util.concurrent.Callable<Boolean> done) {
        org.awaitility.Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(done);
    }
}
