package org.parkatlas.account;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bootstrap admin, hashed passwords, and the role seam: an analyst reads but may not write. */
class AccountSecurityTest extends ParkAtlasServerTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theBootstrapAdminIsStoredAsAHashOnly() {
        Account admin = accounts.find(ADMIN).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        String stored = jdbc.queryForObject("SELECT password_hash FROM accounts WHERE username = ?", String.class,
                ADMIN);
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        assertThat(encoder.matches(ADMIN_PASSWORD, stored)).isTrue();
    }

    @Test
    void wrongPasswordsAreThrottledWithRetryAfterAndTheRightOneWaitsToo() {
        if (accounts.find("throttle-sec").isEmpty()) {
            accounts.create(new Account("throttle-sec", encoder.encode("right-password"), Set.of(Role.PLANNER)));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(basicGet("throttle-sec", "wrong-" + i).statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
        }
        HttpResponse<String> throttled = basicGet("throttle-sec", "right-password");
        assertThat(throttled.statusCode()).as("even the right password waits its turn").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(JSON.readTree(throttled.body()).path("type").asString()).endsWith("/too-many-sign-ins");
        assertThat(basicGet("THROTTLE-SEC", "right-password").statusCode()).as("whatever the name's case")
                .isEqualTo(429);
        assertThat(basicGet(ADMIN, ADMIN_PASSWORD).statusCode()).as("other accounts from the same address go on")
                .isEqualTo(200);
    }

    /** A signed-in read: 200 for a right password. */
    private HttpResponse<String> basicGet(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/me"))).header("Authorization", basic(user, password))
                .GET().build());
    }

    @Test
    void anAnalystMayReadButNotWrite() {
        if (accounts.find("analyst-sec").isEmpty()) {
            accounts.create(new Account("analyst-sec", encoder.encode("analyst-pw"), Set.of(Role.ANALYST)));
        }
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections")))
                .header("Authorization", basic("analyst-sec", "analyst-pw")).build());
        assertThat(read.statusCode()).isEqualTo(200);
        HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(url(
                        "/api/collections/corridors/import"))).header("Authorization", basic("analyst-sec", "analyst-pw"))
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(write.body()).contains("may not do this");
    }
}
