package org.parkatlas.queries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved queries are each account's own: kept with a filter that runs, listed and removed by their owner only. */
public abstract class SavedQueriesContract extends ParkAtlasServerTest {

    private static final String PASSWORD = "saved-queries-1";
    private static final String ANALYST = "sq-analyst";
    private static final String PLANNER = "sq-planner";

    @BeforeEach
    void accounts() {
        for (String[] account : new String[][]{{ANALYST, "analyst"}, {PLANNER, "planner"}}) {
            send(HttpRequest.newBuilder(URI.create(url("/api/accounts")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + account[0] + "\",\"password\":\""
                            + PASSWORD + "\",\"roles\":[\"" + account[1] + "\"]}")).build()); // 409 once it exists
        }
    }

    @Test
    void anAnalystKeepsAQueryThatRunsAndOnlyTheyMeetIt() {
        String filter = "S_DWITHIN(geometry, POINT(111.6007317 36.1583458), 500) AND status = 'available'";
        HttpResponse<String> saved = post(ANALYST, "{\"name\":\"污水厂 500 米内可出让地块\",\"collection\":\"parcels\","
                + "\"filter\":" + JSON.writeValueAsString(filter) + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode query = JSON.readTree(saved.body());
        assertThat(query.path("owner").asString()).isEqualTo(ANALYST);
        assertThat(query.path("name").asString()).isEqualTo("污水厂 500 米内可出让地块");

        JsonNode mine = JSON.readTree(as(ANALYST, "GET", "/api/queries").body());
        assertThat(mine.valueStream().map(q -> q.path("id").asString())).contains(query.path("id").asString());
        JsonNode theirs = JSON.readTree(as(PLANNER, "GET", "/api/queries").body());
        assertThat(theirs.valueStream().map(q -> q.path("id").asString())).doesNotContain(query.path("id").asString());
        assertThat(as(PLANNER, "DELETE", "/api/queries/" + query.path("id").asString()).statusCode())
                .as("someone else's is as good as none").isEqualTo(404);

        HttpResponse<String> run = get("/ogcapi/collections/parcels/items?limit=1&filter="
                + URLEncoder.encode(query.path("filter").asString(), StandardCharsets.UTF_8));
        assertThat(run.statusCode()).as("what is saved runs").isEqualTo(200);

        assertThat(as(ANALYST, "DELETE", "/api/queries/" + query.path("id").asString()).statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(as(ANALYST, "GET", "/api/queries").body()).valueStream()
                .map(q -> q.path("id").asString())).doesNotContain(query.path("id").asString());
    }

    @Test
    void whatCannotBeKeptIsSaidAndNothingIsKept() {
        int before = JSON.readTree(as(ANALYST, "GET", "/api/queries").body()).size();
        HttpResponse<String> badFilter = post(ANALYST, "{\"name\":\"x\",\"collection\":\"parcels\",\"filter\":\"area_mu >\"}");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badFilter.body()).path("position").isNumber()).isTrue();
        assertThat(post(ANALYST, "{\"name\":\"x\",\"collection\":\"nope\"}").statusCode()).isEqualTo(422);
        assertThat(post(ANALYST, "{\"name\":\"" + "x".repeat(81) + "\",\"collection\":\"parcels\"}").statusCode())
                .isEqualTo(422);
        assertThat(post(ANALYST, "{\"name\":\"x\",\"collection\":\"parcels\",\"colour\":1}").statusCode()).isEqualTo(422);
        assertThat(post(ANALYST, "{not json").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(as(ANALYST, "GET", "/api/queries").body()).size()).isEqualTo(before);
        assertThat(get("/api/queries").statusCode()).as("anonymous readers keep none").isEqualTo(401);
    }

    private HttpResponse<String> post(String user, String body) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/queries"))).header("Authorization", basic(user, PASSWORD))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> as(String user, String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, PASSWORD))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }
}
