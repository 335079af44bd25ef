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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads go to a real PostgreSQL streaming replica (made by {@code pg_basebackup} in the fixture) once it has caught
 * up, and to the primary otherwise. Which database answered is told apart by pausing the replica's replay and
 * changing a row on the primary behind the service's back: the replica still has the old value.
 */
@RequiresPostgis
class ReadReplicaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String PASSWORD = "replica-secret";

    @Test
    void readsGoToTheReplicaOnceItHasCaughtUpAndWritesAndTheirReadsToThePrimary() throws Exception {
        String primary = PostgisTestDatabase.newDatabase();
        String replica = PostgisTestDatabase.replicaOf(primary);
        try (ConfigurableApplicationContext service = start(primary, replica)) {
            String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            List<String> ids = List.of(id(base, 0), id(base, 1));
            String one = base + "/ogcapi/collections/parcels/items/" + ids.get(0);
            String two = base + "/ogcapi/collections/parcels/items/" + ids.get(1);
            double far = maxFar(one);
            awaitReplicaHas(replica, ids.get(0), far);

            // behind the service's back, with the replica holding still: the replica answers, with the old value
            sql(replica, "SELECT pg_wal_replay_pause()");
            try {
                sql(primary, "UPDATE parcels SET max_far = 7.25 WHERE id = '" + ids.get(0) + "'");
                assertThat(maxFar(one)).as("read from the replica, which has not replayed the change").isEqualTo(far);

                // a write goes to the primary (the replica could not take it) and is read back from there
                HttpResponse<String> patched = patch(two, "{\"properties\":{\"max_far\":6.5}}");
                assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
                assertThat(maxFar(two)).as("one's own write, read while the replica is behind").isEqualTo(6.5);
                assertThat(maxFar(one)).as("every read goes to the primary until the replica catches up")
                        .isEqualTo(7.25);
            } finally {
                sql(replica, "SELECT pg_wal_replay_resume()");
            }

            // caught up, the replica answers again: shown by holding it still and changing the row once more
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> replicaHas(replica, ids.get(1), 6.5));
            assertThat(maxFar(two)).isEqualTo(6.5); // the read that finds the replica caught up
            sql(replica, "SELECT pg_wal_replay_pause()");
            try {
                sql(primary, "UPDATE parcels SET max_far = 5.75 WHERE id = '" + ids.get(0) + "'");
                assertThat(maxFar(one)).as("back on the replica").isEqualTo(7.25);
            } finally {
                sql(replica, "SELECT pg_wal_replay_resume()");
            }
        }
    }

    @Test
    void aReplicaThatDoesNotAnswerLeavesEveryReadToThePrimary() throws Exception {
        String primary = PostgisTestDatabase.newDatabase();
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        try (ConfigurableApplicationContext service = start(primary, "jdbc:postgresql://127.0.0.1:" + closed
                + "/nowhere")) {
            String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            String one = base + "/ogcapi/collections/parcels/items/" + id(base, 0);
            HttpResponse<String> patched = patch(one, "{\"properties\":{\"max_far\":4.5}}");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            assertThat(maxFar(one)).isEqualTo(4.5);
            assertThat(json(base + "/ogcapi/collections/parcels/items?limit=5").path("features")).hasSize(5);
        }
    }

    private static ConfigurableApplicationContext start(String primary, String replica) throws Exception {
        return new SpringApplicationBuilder(ParkAtlasApplication.class).run("--server.port=0",
                "--parkatlas.store=postgis", "--spring.datasource.url=" + primary,
                "--spring.datasource.username=" + PostgisTestDatabase.user(),
                "--spring.datasource.password=" + PostgisTestDatabase.password(),
                "--parkatlas.datasource.replica.url=" + replica,
                "--parkatlas.data-dir=" + Files.createTempDirectory("parkatlas-replica"),
                "--parkatlas.bootstrap.password=" + PASSWORD, "--logging.level.root=WARN");
    }

    private static void awaitReplicaHas(String replica, String id, double far) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> replicaHas(replica, id, far));
    }

    private static boolean replicaHas(String replica, String id, double far) throws SQLException {
        try (Connection connection = connect(replica); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT max_far FROM parcels WHERE id = '" + id + "'")) {
            return rows.next() && rows.getDouble(1) == far;
        }
    }

    private static void sql(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(database, PostgisTestDatabase.user(), PostgisTestDatabase.password());
    }

    private static String id(String base, int index) {
        return json(base + "/ogcapi/collections/parcels/items?limit=2").path("features").get(index)
                .path("id").asString();
    }

    private static double maxFar(String item) {
        return json(item).path("properties").path("max_far").asDouble();
    }

    private static HttpResponse<String> patch(String item, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(item))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes()))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers
                .ofString());
    }

    private static JsonNode json(String url) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }
}
