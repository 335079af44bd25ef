package org.parkatlas.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/**
 * One signed-in browser: it signs in by the form once (one password check, as a person does), then sends its
 * session cookie and the XSRF-TOKEN cookie's value with every write, as the map's own scripts do. Tests that send
 * hundreds of writes use it instead of HTTP Basic, which checks the password (BCrypt) on every request.
 */
final class BrowserSession {

    private final UnaryOperator<String> url;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    BrowserSession(UnaryOperator<String> url, String username, String password) {
        this.url = url;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        send("GET", "/login.html", null, null, null);
        HttpResponse<String> signedIn = send("POST", "/login", "username=" + username + "&password=" + password
                + "&_csrf=" + xsrf(), "application/x-www-form-urlencoded", null);
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.body());
        }
        send("GET", "/api/me", null, null, null); // signing in renews the XSRF token: the next page load brings it
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    /** A request of this browser's; writes carry the XSRF token. */
    HttpResponse<String> send(String method, String path, String body, String media, String ifMatch) {
        return send(request(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                media, ifMatch));
    }

    HttpRequest.Builder request(String method, String path, byte[] body, String media, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (media != null) {
            request.header("Content-Type", media);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (!method.equals("GET")) {
            request.header("X-XSRF-TOKEN", xsrf());
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
