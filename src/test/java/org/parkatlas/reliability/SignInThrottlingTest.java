package org.parkatlas.reliability;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parkatlas.MovableClock;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing as an attacker tries it, by the sign-in form and by HTTP Basic, against a server whose throttle
 * is set short (a first delay of 2 s instead of 30) and counts by a clock the test moves, so it can watch the waits
 * lift without waiting. The throttle keeps no state in the store, so it is proven once, here, rather than per store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottlingTest extends ParkAtlasServerTest {

    private static final MovableClock CLOCK = new MovableClock(java.time.Instant.parse("2026-12-01T08:00:00Z"));

    @TestConfiguration
    static class MovedByTheTest {
        @Bean
        @Primary
        MovableClock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void shortDelays(DynamicPropertyRegistry registry) {
        registry.add("parkatlas.sign-in.per-account", () -> "3");
        registry.add("parkatlas.sign-in.per-address", () -> "12");
        registry.add("parkatlas.sign-in.first-delay", () -> "PT2S");
        registry.add("parkatlas.sign-in.longest-delay", () -> "PT8S");
    }

    @Test
    @Order(1)
    void guessesByTheFormAreThrottledThenLiftAndTheRightPasswordWorks() throws Exception {
        createAccount("form-victim", "form-right-1");
        for (int i = 0; i < 3; i++) {
            assertThat(form("form-victim", "wrong-" + i).headers().firstValue("Location").orElse(""))
                    .as("attempt %d is an ordinary failure", i + 1).contains("error");
        }
        HttpResponse<String> throttled = form("form-victim", "form-right-1");
        assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(throttled.body()).contains("登录尝试过多");
        CLOCK.advance(Duration.ofSeconds(retryAfter).plusMillis(200));
        assertThat(form("form-victim", "form-right-1").headers().firstValue("Location").orElse(""))
                .as("after the wait, the real user signs in").doesNotContain("error");
    }

    @Test
    @Order(2)
    void guessesByBasicDoubleTheWaitUpToTheLongestAndNeverLockForGood() throws Exception {
        createAccount("basic-victim", "basic-right-1");
        for (int i = 0; i < 3; i++) {
            assertThat(basicGet("basic-victim", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> first = basicGet("basic-victim", "wrong-x");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("2");
        CLOCK.advance(Duration.ofMillis(2_200));
        assertThat(basicGet("basic-victim", "wrong-4").statusCode()).as("the next guess is tried").isEqualTo(401);
        long second = Long.parseLong(basicGet("basic-victim", "wrong-5").headers().firstValue("Retry-After")
                .orElseThrow());
        assertThat(second).as("the wait doubles").isBetween(3L, 4L);
        CLOCK.advance(Duration.ofSeconds(second).plusMillis(200));
        assertThat(basicGet("basic-victim", "basic-right-1").statusCode()).as("and lifts").isEqualTo(200);
        assertThat(basicGet("basic-victim", "wrong-6").statusCode()).as("a success starts the count again")
                .isEqualTo(401);
    }

    @Test
    @Order(3) // last: the address stays counted, as it should, for the rest of the run
    void oneAddressGuessingManyAccountsIsThrottledAsAnAddress() throws Exception {
        for (int i = 0; i < 12; i++) {
            basicGet("nobody-" + i, "wrong");
        }
        HttpResponse<String> throttled = basicGet("someone-else", "wrong");
        assertThat(throttled.statusCode()).as("a new account from the same address waits").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        CLOCK.advance(Duration.ofMillis(8_200));
        assertThat(basicGet(ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    private void createAccount(String name, String password) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/api/accounts")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + password
                        + "\",\"roles\":[\"planner\"]}")).build());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    private HttpResponse<String> basicGet(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/me"))).header("Authorization", basic(user, password))
                .GET().build());
    }

    /** A browser signing in by the form: the page first (for its XSRF-TOKEN cookie), then the POST. */
    private HttpResponse<String> form(String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create(url("/login.html"))).build(), HttpResponse.BodyHandlers.ofString());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        return browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
                        + token)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
