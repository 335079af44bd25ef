package org.parkatlas;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The running service as a client meets it: started once on a random port over a fresh embedded store seeded from
 * geodata/, shared by every test class that extends this one (Spring caches the context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ParkAtlasServerTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    protected int port;

    /** The bootstrap admin of every test server. */
    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "test-admin-secret";

    @DynamicPropertySource
    static void freshStore(DynamicPropertyRegistry registry) {
        registry.add("parkatlas.data-dir", DATA_DIR::toString);
        registry.add("parkatlas.bootstrap.username", () -> ADMIN);
        registry.add("parkatlas.bootstrap.password", () -> ADMIN_PASSWORD);
    }

    /** An HTTP Basic Authorization header value. */
    protected static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @BeforeEach
    void checkServer() {
        if (port == 0) {
            throw new IllegalStateException("the server did not start");
        }
    }

    protected String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    protected HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).GET().build());
    }

    /** A GET asking for English messages, for tests that read the server's words. */
    protected HttpResponse<String> getInEnglish(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", "en").GET().build());
    }

    protected JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("parkatlas-test-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
