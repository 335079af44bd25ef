package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error path answers RFC 9457 problem+json that says what was wrong, never a stack trace. */
abstract class OgcApiErrorsContract extends ParkAtlasServerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/ogcapi/collections/nope                                         | 404 | no collection \"nope\"",
            "/ogcapi/collections/nope/items                                   | 404 | the collections are park-boundary",
            "/ogcapi/collections/parcels/items/no-such-parcel                 | 404 | no feature \"no-such-parcel\"",
            "/ogcapi/nothing-here                                             | 404 | ",
            "/ogcapi/collections/parcels/items?bbox=1,2,3                     | 400 | bbox must be 4 numbers",
            "/ogcapi/collections/parcels/items?bbox=a,36.1,111.7,36.2          | 400 | \"a\" is not a number",
            "/ogcapi/collections/parcels/items?bbox=111.6,36.2,111.7,36.1      | 400 | lower latitude",
            "/ogcapi/collections/parcels/items?bbox=4000000,560000,4010000,550000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4546 | 400 | is east of its east x",
            "/ogcapi/collections/parcels/items?bbox=111.6,-95,111.7,36.2       | 400 | latitudes within -90..90",
            "/ogcapi/collections/parcels/items?limit=0                        | 400 | limit must be at least 1",
            "/ogcapi/collections/parcels/items?limit=-5                       | 400 | limit must be at least 1",
            "/ogcapi/collections/parcels/items?limit=ten                      | 400 | limit must be a whole number",
            "/ogcapi/collections/parcels/items?offset=-1                      | 400 | offset must not be negative",
            "/ogcapi/collections/parcels/items?colour=red                     | 400 | unknown query parameter \"colour\"",
            "/ogcapi/collections/parcels/items?status=sold                    | 400 | use one of planned, available",
            "/ogcapi/collections/parcels/items?area_mu=big                    | 400 | area_mu is a number property",
            "/ogcapi/collections/roads/items?datetime=yesterday               | 400 | not an RFC 3339 date",
            "/ogcapi/collections/parcels/items?bbox=-1e308,-1e308,1e308,1e308&bbox-crs=EPSG:4546 | 400 | within ±40 000 000 m",
            "/ogcapi/collections/parcels/items?=1                             | 400 | ",
            "/ogcapi/collections/parcels/items?as_of=%2B999999999-12-31       | 400 | between 1900-01-01 and 2199-12-31",
            "/ogcapi/collections/parcels/items?limit=5&limit=6                | 400 | more than once",
            "/ogcapi/collections/parcels/items?f=xml                          | 400 | f=xml is not a format",
            "/ogcapi/conformance?foo=bar                                      | 400 | unknown query parameter \"foo\"",
    })
    void answersWithAProblemThatSaysWhatIsWrong(String path, int status, String detail) {
        HttpResponse<String> response = getInEnglish(path.trim());
        checkProblem(response, status, detail == null ? "" : detail.trim());
    }

    @ParameterizedTest
    @CsvSource({"POST, /ogcapi/collections/parcels/items", "DELETE, /ogcapi/collections/parcels/items/x",
            "POST, /api/collections/parcels/import"})
    void anonymousWritesAreRefusedWithABasicChallenge(String method, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept-Language", "en").method(method, HttpRequest.BodyPublishers.noBody()).build());
        checkProblem(response, 401, "sign in");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        HttpResponse<String> chinese = send(HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
        checkProblem(chinese, 401, "请以有权限的账号登录");
        assertThat(JSON.readTree(chinese.body()).path("title").asString()).as("zh-CN unless asked").isEqualTo("需要登录");
        assertThat(JSON.readTree(chinese.body()).path("type").asString()).endsWith("/sign-in-required");
    }

    @Test
    void aQueryErrorIsSaidInChineseUnlessEnglishIsAskedFor() {
        HttpResponse<String> chinese = get("/ogcapi/collections/parcels/items?limit=0");
        checkProblem(chinese, 400, "limit 至少为 1");
        assertThat(chinese.headers().firstValue("Content-Language")).contains("zh-CN");
        HttpResponse<String> english = get("/ogcapi/collections/parcels/items?limit=0&lang=en");
        checkProblem(english, 400, "limit must be at least 1");
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
        assertThat(get("/ogcapi/collections/parcels/items?limit=1&lang=en").statusCode()).as("lang is a parameter "
                + "of every resource").isEqualTo(200);
        assertThat(get("/ogcapi/conformance?lang=en").statusCode()).isEqualTo(200);
    }

    @Test
    void arithmeticByZeroMatchesNothingAndModuloWorksOnBothStores() {
        long all = getJson("/ogcapi/collections/parcels/items?limit=1").path("numberMatched").asLong();
        assertThat(getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + encode("area_mu / 0 > 1"))
                .path("numberMatched").asLong()).as("x / 0 is no number, so nothing is greater than 1").isZero();
        assertThat(getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + encode("area_mu % 0 = 1"))
                .path("numberMatched").asLong()).isZero();
        assertThat(getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + encode("7 % 5 = 2"))
                .path("numberMatched").asLong()).isEqualTo(all);
        assertThat(getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + encode("area_mu div 0 > 1"))
                .path("numberMatched").asLong()).isZero();
    }

    @Test
    void aFilterNestedAThousandDeepIsRefusedNotACrash() {
        String deep = "(".repeat(1000) + "area_mu > 1" + ")".repeat(1000);
        HttpResponse<String> response = getInEnglish("/ogcapi/collections/parcels/items?filter=" + encode(deep));
        checkProblem(response, 400, "nests more than 100 levels deep");
        String fine = "(".repeat(50) + "area_mu > 1" + ")".repeat(50);
        assertThat(get("/ogcapi/collections/parcels/items?limit=1&filter=" + encode(fine)).statusCode()).isEqualTo(200);
    }

    /** A request sent as raw bytes, for what an HTTP client library would refuse to send; the whole answer. */
    private String rawRequest(String requestLine) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void filtersLongerOrWiderThanAnyoneWritesAreRefused() {
        String list = String.join(",", java.util.Collections.nCopies(1001, "1"));
        checkProblem(getInEnglish("/ogcapi/collections/parcels/items?filter=" + encode("area_mu IN (" + list + ")")),
                400, "an IN list has 1001 items");
        String fine = String.join(",", java.util.Collections.nCopies(1000, "1"));
        assertThat(get("/ogcapi/collections/parcels/items?limit=1&filter=" + encode("area_mu IN (" + fine + ")"))
                .statusCode()).isEqualTo(200);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aClientCannotRewriteTheSelfLinksWithForwardedHeaders() {
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(url("/ogcapi")))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").GET().build());
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).as("only a configured proxy is believed").doesNotContain("evil.example")
                .contains(url("/ogcapi"));
    }

    @Test
    void theContainersOwnErrorsAreProblemsToo() {
        HttpResponse<String> error = get("/error");
        checkProblem(error, 404, "");
        HttpResponse<String> encodedDots = send(HttpRequest.newBuilder(URI.create(url(
                "/ogcapi/collections/%2e%2e/items"))).header("Accept-Language", "en").build());
        checkProblem(encodedDots, 400, "not allowed");
        HttpResponse<String> undecodable = getInEnglish("/ogcapi/collections/parcels/items?x=%80");
        checkProblem(undecodable, 400, "percent-encoding");
        HttpResponse<String> tooLong = get("/ogcapi/collections/parcels/items?x=" + "a".repeat(9000));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String raw = rawRequest("GET /ogcapi/collections/parcels/items?f=<x> HTTP/1.1");
        assertThat(raw).as("a request line Tomcat refuses before any servlet").startsWith("HTTP/1.1 400")
                .containsIgnoringCase("Content-Type: application/problem+json").doesNotContain("<html", "Tomcat");
        HttpResponse<String> notAcceptable = get("/api/map/config", "application/xml");
        checkProblem(notAcceptable, 406, "");
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /ogcapi/collections, 405", "PUT, /ogcapi/conformance, 405"})
    void methodsThatDoNotExistAreProblemsToo(String method, String path, int status) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
        checkProblem(response, status, "");
    }

    private static void checkProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework");
    }
}
