package org.parkatlas.reliability;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit under {@code parkatlas.limits.*} is the park's to set: on a server configured far tighter than the
 * defaults, input just within each limit is taken and input just past it is refused, naming the limit.
 */
class ConfiguredLimitsTest extends ParkAtlasServerTest {

    private static final String ITEMS = "/ogcapi/collections/parcels/items";

    @DynamicPropertySource
    static void tightLimits(DynamicPropertyRegistry registry) {
        registry.add("parkatlas.limits.max-text-length", () -> "20");
        registry.add("parkatlas.limits.max-vertices", () -> "100");
        registry.add("parkatlas.limits.max-filter-length", () -> "200");
        registry.add("parkatlas.limits.max-filter-depth", () -> "3");
        registry.add("parkatlas.limits.max-in-list", () -> "3");
        registry.add("parkatlas.limits.max-body-size", () -> "64KB");
    }

    @Test
    void textLongerThanConfiguredIsRefusedAndUpToItIsKept() {
        String code = getJson(ITEMS + "/parcel-0002").path("properties").path("code").asString();
        assertThat(patch(ITEMS + "/parcel-0002", "{\"properties\":{\"code\":\"" + "甲".repeat(20) + "\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(patch(ITEMS + "/parcel-0002", "{\"properties\":{\"code\":\"" + code + "\"}}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> tooLong = patch(ITEMS + "/parcel-0002", "{\"properties\":{\"code\":\""
                + "甲".repeat(21) + "\"}}");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(tooLong.body()).path("violations").get(0).path("message").asString())
                .contains("the most is 20");
    }

    @Test
    void geometriesWithMoreVerticesThanConfiguredAreRefused() {
        HttpResponse<String> refused = patch("/ogcapi/collections/zones/items/zone-Z3", "{\"geometry\":" + circle(120)
                + "}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("vertex-count", "the most is 100");
    }

    @Test
    void filtersAreHeldToTheConfiguredLengthDepthAndListSize() {
        assertThat(filter("status IN ('available','planned','reserved')").statusCode()).isEqualTo(200);
        assertThat(filter("status IN ('available','planned','reserved','in_use')").body())
                .contains("the most is 3 (parkatlas.limits.max-in-list)");
        assertThat(filter("(((area_mu > 1)))").statusCode()).isEqualTo(200);
        assertThat(filter("((((area_mu > 1))))").body()).contains("nests more than 3");
        String json = "{\"op\":\"not\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"not\","
                + "\"args\":[true]}]}]}]}";
        assertThat(get(ITEMS + "?filter-lang=cql2-json&filter=" + encode(json)).body()).contains("nests more than 3");
        HttpResponse<String> long_ = filter("code LIKE '" + "x".repeat(200) + "'");
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(long_.body()).contains("parkatlas.limits.max-filter-length");
    }

    @Test
    void bodiesLargerThanConfiguredAreRefusedBeforeTheyAreRead() {
        HttpResponse<String> big = send(HttpRequest.newBuilder(URI.create(url("/api/collections/roads/import")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/geo+json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(" ".repeat(65 * 1024) + "{}")).build());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("parkatlas.limits.max-body-size");
    }

    private HttpResponse<String> filter(String cql2) {
        return getInEnglish(ITEMS + "?limit=1&filter=" + encode(cql2));
    }

    private HttpResponse<String> patch(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A polygon of {@code vertices} points around the zone's own centre, in CRS84. */
    private String circle(int vertices) {
        JsonNode ring = getJson("/ogcapi/collections/zones/items/zone-Z3").path("geometry").path("coordinates").get(0);
        double x = ring.get(0).get(0).asDouble();
        double y = ring.get(0).get(1).asDouble();
        StringBuilder coordinates = new StringBuilder("[[");
        for (int i = 0; i <= vertices; i++) {
            double angle = 2 * Math.PI * (i % vertices) / vertices;
            coordinates.append(i == 0 ? "" : ",").append('[').append(x + 0.001 * Math.cos(angle)).append(',')
                    .append(y + 0.001 * Math.sin(angle)).append(']');
        }
        return "{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "]]}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
