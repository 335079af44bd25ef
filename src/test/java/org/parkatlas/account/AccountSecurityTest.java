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
