package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser's second visit costs: text answers go gzipped to a client that asks; the page's files and the data
 * the map loads are revalidated (304) rather than sent again, until something is written — then the next answer is
 * the new one. Runs on a store of its own, since it writes.
 */
class CachingTest extends ParkAtlasServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("parkatlas-caching");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("caching"));
    }

    @Test
    void textGoesGzippedToWhoAsks() throws Exception {
        for (String path : new String[]{"/ogcapi/collections/parcels/items?limit=1000", "/js/app.js",
                "/js/bundle/app.js", "/css/bundle/index.css", "/api/map/config"}) {
            HttpResponse<byte[]> plain = fetch(path, null, null);
            HttpResponse<byte[]> zipped = fetch(path, "gzip", null);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
            // the same answer; a page of items says when it was made, and the two may straddle a second
            assertThat(withoutTimeStamp(unzipped)).as(path + ": the same answer")
                    .isEqualTo(withoutTimeStamp(plain.body()));
            assertThat(zipped.body().length).as(path).isLessThan(plain.body().length / 2);
        }
    }

    private static String withoutTimeStamp(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"…\"");
    }

    @Test
    void theMapPageIsOneStylesheetAndOneScriptOfOurs() throws Exception {
        String page = new String(fetch("/", null, null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("<link rel=\"stylesheet\" href=\"/css/bundle/index.css\">")
                .contains("<script type=\"module\" src=\"/js/bundle/app.js\"></script>")
                .doesNotContain("href=\"/css/map.css\"").doesNotContain("src=\"/js/app.js\"");
        String css = new String(fetch("/css/bundle/index.css", null, null).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        String tokens = new String(fetch("/css/tokens.css", null, null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(css).as("every stylesheet the page links, in its order").contains(tokens.strip())
                .containsSubsequence("/* /css/tokens.css */", "/* /css/layout.css */", "/* /css/finder.css */");
        HttpResponse<byte[]> script = fetch("/js/bundle/app.js", null, null);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        String bundle = new String(script.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bundle).contains("__pa.define('layers.js'").contains("__pa.load('editing/index.js')")
                .as("the editor comes only to planners").doesNotContain("__pa.define('editing/editor.js'");
        assertThat(new String(fetch("/js/bundle/editing/index.js", null, null).body(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("__pa.define('editing/editor.js'");
        String etag = script.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch("/js/bundle/app.js", null, etag).statusCode()).isEqualTo(304);
        assertThat(fetch("/js/bundle/nothing.js", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theDataIsRevalidatedUntilSomethingIsWritten() throws Exception {
        String items = "/ogcapi/collections/parcels/items?limit=1000";
        HttpResponse<byte[]> first = fetch(items, null, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(fetch(items, null, etag).statusCode()).isEqualTo(304);
        assertThat(fetch(items + "&offset=10", null, etag).statusCode()).as("another page").isEqualTo(200);
        String config = fetch("/api/map/config", null, null).headers().firstValue("ETag").orElseThrow();
        assertThat(fetch("/api/map/config", null, config).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> staff = HTTP.send(HttpRequest.newBuilder(URI.create(url(items)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(staff.statusCode()).as("staff's answer is another one").isEqualTo(200);
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("private, no-cache");

        String parcel = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first.body())
                .path("features").get(0).path("id").asString();
        HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(url(
                        "/ogcapi/collections/parcels/items/" + parcel))).header("Authorization", basic(ADMIN,
                        ADMIN_PASSWORD)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"notes\":\"缓存测试\"}}"))
                .build());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(fetch(items, null, etag).statusCode()).as("written since: the new answer").isEqualTo(200);
        assertThat(fetch("/api/map/config", null, config).statusCode()).isEqualTo(200);
    }

    @Test
    void thePagesFilesAreRevalidated() throws Exception {
        HttpResponse<byte[]> script = fetch("/js/app.js", null, null);
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String modified = script.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create(url("/js/app.js")))
                .header("If-Modified-Since", modified).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(fetch("/api/me", null, null).headers().firstValue("Cache-Control").orElseThrow())
                .as("who is signed in is never kept").contains("no-store");
    }

    private HttpResponse<byte[]> fetch(String path, String encoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
