package org.parkatlas.editing;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Splitting a parcel along a line, merging parcels, and restoring an earlier version, with the history each leaves.
 * Each store runs it on a server of its own, since it reshapes parcels.
 */
abstract class ParcelOperationsApiTest extends ParkAtlasServerTest {

    @Test
    void splitAlongALineThenMergeBack() {
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items/parcel-0005");
        double mu = parcel.path("properties").path("area_mu").asDouble();
        double[] box = bounds(parcel.path("geometry"));
        double midLon = (box[0] + box[2]) / 2;
        String line = "{\"type\":\"LineString\",\"coordinates\":[[" + midLon + "," + (box[1] - 0.0005) + "],["
                + midLon + "," + (box[3] + 0.0005) + "]]}";
        HttpResponse<String> split = post("/api/parcels/parcel-0005/split", line);
        assertThat(split.statusCode()).as(split.body()).isEqualTo(201);
        JsonNode pieces = JSON.readTree(split.body()).path("features");
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).path("properties").path("code").asString()).isEqualTo("GT-Z1-005-1");
        assertThat(pieces.get(1).path("properties").path("code").asString()).isEqualTo("GT-Z1-005-2");
        double sum = pieces.get(0).path("properties").path("area_mu").asDouble()
                + pieces.get(1).path("properties").path("area_mu").asDouble();
        assertThat(sum).isCloseTo(mu, within(0.01));
        assertThat(get("/ogcapi/collections/parcels/items/parcel-0005").statusCode()).as("retired").isEqualTo(404);
        JsonNode retired = getJson("/api/parcels/parcel-0005/history?lang=en").path("versions");
        assertThat(retired.get(retired.size() - 1).path("operation").asString()).isEqualTo("split");
        assertThat(retired.get(retired.size() - 1).path("note").asString()).contains("GT-Z1-005-1", "GT-Z1-005-2");
        String first = pieces.get(0).path("id").asString();
        String second = pieces.get(1).path("id").asString();
        assertThat(getJson("/api/parcels/" + first + "/history?lang=en").path("versions").get(0).path("note").asString())
                .isEqualTo("split from GT-Z1-005");
        assertThat(getJson("/api/parcels/" + first + "/readiness").path("total").asInt()).as("readiness reflects it")
                .isEqualTo(8);

        HttpResponse<String> merge = post("/api/parcels/merge", "{\"ids\":[\"" + first + "\",\"" + second + "\"]}");
        assertThat(merge.statusCode()).as(merge.body()).isEqualTo(201);
        JsonNode merged = JSON.readTree(merge.body());
        assertThat(merged.path("id").asString()).isEqualTo(first);
        assertThat(merged.path("properties").path("area_mu").asDouble()).isCloseTo(mu, within(0.01));
        assertThat(get("/ogcapi/collections/parcels/items/" + second).statusCode()).isEqualTo(404);
        JsonNode secondHistory = getJson("/api/parcels/" + second + "/history?lang=en").path("versions");
        assertThat(secondHistory.get(secondHistory.size() - 1).path("note").asString())
                .isEqualTo("merged into GT-Z1-005-1");
    }

    @Test
    void splitsThatCutNothingAndMergesOfDistantParcelsAreRefused() {
        HttpResponse<String> miss = post("/api/parcels/parcel-0010/split",
                "{\"type\":\"LineString\",\"coordinates\":[[111.50,36.10],[111.51,36.10]]}");
        assertThat(miss.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(miss.body()).path("violations").get(0).path("rule").asString()).isEqualTo("split-line");
        HttpResponse<String> far = post("/api/parcels/merge", "{\"ids\":[\"parcel-0001\",\"parcel-0150\"]}");
        assertThat(far.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(far.body()).path("detail").asString()).contains("not adjacent");
        assertThat(post("/api/parcels/merge", "{\"ids\":[\"parcel-0001\",\"no-such\"]}").statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(url("/api/parcels/merge")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[]}")).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void restoringYesterdaysVersionIsANewVersion() {
        String path = "/ogcapi/collections/parcels/items/parcel-0020";
        String status = getJson(path).path("properties").path("status").asString();
        String other = status.equals("reserved") ? "available" : "reserved";
        HttpResponse<String> edit = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("If-Match", "\"1\"")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"status\":\"" + other
                        + "\"}}")).build());
        assertThat(edit.statusCode()).isEqualTo(200);
        JsonNode versions = getJson("/api/parcels/parcel-0020/history?lang=en").path("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).path("operation").asString()).isEqualTo("edit");
        assertThat(versions.get(1).path("by").asString()).isEqualTo(ADMIN);
        assertThat(versions.get(1).path("changes").get(0).path("property").asString()).isEqualTo("status");
        assertThat(versions.get(1).path("changes").get(0).path("before").asString()).isEqualTo(status);

        HttpResponse<String> restore = post("/api/parcels/parcel-0020/history/1/restore", "");
        assertThat(restore.statusCode()).as(restore.body()).isEqualTo(201);
        assertThat(restore.headers().firstValue("ETag")).contains("\"3\"");
        assertThat(getJson(path).path("properties").path("status").asString()).isEqualTo(status);
        JsonNode after = getJson("/api/parcels/parcel-0020/history?lang=en").path("versions");
        assertThat(after).hasSize(3);
        assertThat(after.get(2).path("note").asString()).isEqualTo("restored version 1");
        assertThat(post("/api/parcels/parcel-0020/history/99/restore", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aRetiredParcelThatIsRestoredContinuesItsHistorysNumbering() {
        String path = "/ogcapi/collections/parcels/items/parcel-0031";
        HttpResponse<String> retire = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).DELETE().build());
        assertThat(retire.statusCode()).isEqualTo(204);
        JsonNode retired = getJson("/api/parcels/parcel-0031/history").path("versions");
        long last = retired.get(retired.size() - 1).path("version").asLong();
        HttpResponse<String> restore = post("/api/parcels/parcel-0031/history/1/restore", "");
        assertThat(restore.statusCode()).as(restore.body()).isEqualTo(201);
        assertThat(restore.headers().firstValue("ETag")).as("after its retirement, not back at 1")
                .contains("\"" + (last + 1) + "\"");
        JsonNode versions = getJson("/api/parcels/parcel-0031/history").path("versions");
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i).path("version").asLong()).as("each version once, in order")
                    .isGreaterThan(versions.get(i - 1).path("version").asLong());
        }
        assertThat(get(path).headers().firstValue("ETag")).contains("\"" + (last + 1) + "\"");
    }

    @Test
    void aShapeBeingDrawnIsMeasuredAsASavedParcelIs() {
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items/parcel-0030");
        HttpResponse<String> measured = post("/api/parcels/measure", parcel.path("geometry").toString());
        assertThat(measured.statusCode()).as(measured.body()).isEqualTo(200);
        JsonNode area = JSON.readTree(measured.body());
        assertThat(area.path("area_mu").asDouble()).isCloseTo(parcel.path("properties").path("area_mu").asDouble(),
                within(0.001));
        assertThat(area.path("area_m2").asDouble()).isCloseTo(parcel.path("properties").path("area_m2").asDouble(),
                within(0.5));
        assertThat(post("/api/parcels/measure", "{\"type\":\"Polygon\"").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static double[] bounds(JsonNode polygon) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode c : polygon.path("coordinates").get(0)) {
            box[0] = Math.min(box[0], c.get(0).asDouble());
            box[1] = Math.min(box[1], c.get(1).asDouble());
            box[2] = Math.max(box[2], c.get(0).asDouble());
            box[3] = Math.max(box[3], c.get(1).asDouble());
        }
        return box;
    }
}
