package org.parkatlas.account;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in on the browser's login page (a session, CSRF-protected), and the role matrix: what anonymous visitors,
 * analysts, planners and admins may each do.
 */
class SessionAndRolesTest extends ParkAtlasServerTest {

    private static final String PARCEL = "/ogcapi/collections/parcels/items/parcel-0030";

    @Test
    void aBrowserSignsInWithTheFormAndItsWritesNeedTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JsonNode anonymous = JSON.readTree(call(browser, HttpRequest.newBuilder(URI.create(url("/api/me")))).body());
        assertThat(anonymous.path("signedIn").asBoolean()).isFalse();
        String token = cookie(cookies, "XSRF-TOKEN");
        assertThat(token).as("the page gets its CSRF token as a readable cookie").isNotBlank();

        HttpResponse<String> forged = call(browser, form("/login", "username=admin&password=" + ADMIN_PASSWORD));
        assertThat(forged.statusCode()).as("a login form without the token is refused").isEqualTo(403);
        HttpResponse<String> wrong = call(browser, form("/login", "username=admin&password=nope&_csrf=" + token));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?error");
        HttpResponse<String> login = call(browser, form("/login", "username=admin&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");

        JsonNode me = JSON.readTree(call(browser, HttpRequest.newBuilder(URI.create(url("/api/me")))).body());
        assertThat(me.path("signedIn").asBoolean()).isTrue();
        assertThat(me.path("username").asString()).isEqualTo(ADMIN);
        assertThat(me.path("roles").get(0).asString()).isEqualTo("admin");
        assertThat(me.path("roles")).as("the roles, none of Spring Security's own authorities").hasSize(1);
        assertThat(login.headers().allValues("Set-Cookie")).as("same-site cookies")
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));

        String etag = get(PARCEL).headers().firstValue("ETag").orElseThrow();
        String status = getJson(PARCEL).path("properties").path("status").asString();
        HttpRequest.Builder patch = HttpRequest.newBuilder(URI.create(url(PARCEL)))
                .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"status\":\"" + status
                        + "\"}}"));
        HttpResponse<String> withoutToken = call(browser, patch);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("XSRF-TOKEN");
        HttpResponse<String> withToken = call(browser, patch.header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN")));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);

        HttpResponse<String> logout = call(browser, HttpRequest.newBuilder(URI.create(url("/logout")))
                .header("Accept", "text/html").header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?logout");
        assertThat(JSON.readTree(call(browser, HttpRequest.newBuilder(URI.create(url("/api/me")))).body())
                .path("signedIn").asBoolean()).isFalse();
    }

    @Test
    void theRoleMatrix() {
        createAccount("planner-1", "planner");
        createAccount("analyst-1", "analyst");
        String planner = basic("planner-1", "password-1");
        String analyst = basic("analyst-1", "password-1");
        String admin = basic(ADMIN, ADMIN_PASSWORD);
        // reading: everyone
        for (String who : new String[]{null, analyst, planner, admin}) {
            assertThat(request("GET", PARCEL, who, null).statusCode()).isEqualTo(200);
        }
        // editing parcels: planners and admins
        String etag = get(PARCEL).headers().firstValue("ETag").orElseThrow();
        String same = "{\"properties\":{\"status\":\"" + getJson(PARCEL).path("properties").path("status").asString()
                + "\"}}";
        assertThat(request("PATCH", PARCEL, null, same).statusCode()).isEqualTo(401);
        assertThat(request("PATCH", PARCEL, analyst, same).statusCode()).isEqualTo(403);
        assertThat(requestIfMatch(PARCEL, planner, same, etag).statusCode()).isEqualTo(200);
        assertThat(request("POST", "/api/parcels/merge", analyst, "{\"ids\":[]}").statusCode()).isEqualTo(403);
        // accounts: admins only
        assertThat(request("GET", "/api/accounts", null, null).statusCode()).isEqualTo(401);
        assertThat(request("GET", "/api/accounts", planner, null).statusCode()).isEqualTo(403);
        assertThat(request("GET", "/api/accounts", analyst, null).statusCode()).isEqualTo(403);
        HttpResponse<String> list = request("GET", "/api/accounts", admin, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("planner-1", "analyst-1").doesNotContain("password");
        assertThat(request("POST", "/api/accounts", planner, "{\"username\":\"x-1\",\"password\":\"password-1\","
                + "\"roles\":[\"admin\"]}").statusCode()).isEqualTo(403);
        assertThat(request("POST", "/api/accounts", admin, "{\"username\":\"x-2\",\"password\":\"short\","
                + "\"roles\":[\"planner\"]}").statusCode()).isEqualTo(422);
        assertThat(request("POST", "/api/accounts", admin, "{\"username\":\"ADMIN\",\"password\":\"password-1\","
                + "\"roles\":[\"planner\"]}").statusCode()).as("names are unique whatever their case").isEqualTo(409);
        assertThat(request("POST", "/api/accounts", admin, "{\"username\":\"x-3\",\"password\":\""
                + "长".repeat(25) + "\",\"roles\":[\"planner\"]}").statusCode()).as("75 bytes: over bcrypt's 72")
                .isEqualTo(422);
    }

    private void createAccount(String username, String role) {
        HttpResponse<String> response = request("POST", "/api/accounts", basic(ADMIN, ADMIN_PASSWORD),
                "{\"username\":\"" + username + "\",\"password\":\"password-1\",\"roles\":[\"" + role + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
    }

    private HttpResponse<String> requestIfMatch(String path, String authorization, String body, String etag) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", authorization)
                .header("If-Match", etag).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> request(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json"
                    : "application/json");
        }
        return send(request.build());
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> call(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
