package org.parkatlas.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every role. The requests are built to be refused by the endpoint itself (a missing parcel, an
 * empty body) when the role is allowed, so the matrix changes no data: allowed means "not 401/403".
 */
class RoleMatrixTest extends ParkAtlasServerTest {

    private static final String PASSWORD = "matrix-pass-1";

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void accounts() {
        for (Role role : Role.values()) {
            String name = "matrix-" + role.id();
            if (accounts.find(name).isEmpty()) {
                accounts.create(new Account(name, encoder.encode(PASSWORD), Set.of(role)));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {3}, analyst {4}, planner {5}, admin {6}")
    @CsvSource(delimiter = '|', value = {
            // method | path                                         | body          | anon | analyst | planner | admin
            "GET    | /ogcapi/collections/parcels/items              |               | ok   | ok      | ok      | ok",
            "GET    | /api/parcels/parcel-0001/readiness             |               | ok   | ok      | ok      | ok",
            "GET    | /api/parcels/parcel-0001/history               |               | ok   | ok      | ok      | ok",
            "GET    | /api/export/parkatlas.gpkg                     |               | ok   | ok      | ok      | ok",
            "POST   | /ogcapi/collections/parcels/items              | {}            | 401  | 403     | ok      | ok",
            "PATCH  | /ogcapi/collections/parcels/items/no-such      | {}            | 401  | 403     | ok      | ok",
            "PUT    | /ogcapi/collections/parcels/items/no-such      | {}            | 401  | 403     | ok      | ok",
            "DELETE | /ogcapi/collections/parcels/items/no-such      |               | 401  | 403     | ok      | ok",
            "POST   | /api/parcels/no-such/split                     | {}            | 401  | 403     | ok      | ok",
            "POST   | /api/parcels/merge                             | {\"ids\":[]}  | 401  | 403     | ok      | ok",
            "POST   | /api/parcels/no-such/history/1/restore         |               | 401  | 403     | ok      | ok",
            "POST   | /api/collections/parcels/import                |               | 401  | 403     | ok      | ok",
            "GET    | /api/accounts                                  |               | 401  | 403     | 403     | ok",
            "POST   | /api/accounts                                  | {}            | 401  | 403     | 403     | ok",
    })
    void matrix(String method, String path, String body, String anonymous, String analyst, String planner,
                String admin) {
        check(method, path, body, null, anonymous);
        check(method, path, body, "matrix-analyst", analyst);
        check(method, path, body, "matrix-planner", planner);
        check(method, path, body, "matrix-admin", admin);
    }

    private void check(String method, String path, String body, String user, String expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path.trim())))
                .method(method.trim(), body == null || body.isBlank() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.trim()))
                .header("Content-Type", method.trim().equals("PATCH") ? "application/merge-patch+json"
                        : "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        HttpResponse<String> response = send(request.build());
        String who = (user == null ? "anonymous" : user) + " " + method.trim() + " " + path.trim();
        if (expected.trim().equals("ok")) {
            assertThat(response.statusCode()).as(who + " → " + response.body()).isNotIn(401, 403);
            assertThat(response.statusCode()).as(who).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as(who + " → " + response.body())
                    .isEqualTo(Integer.parseInt(expected.trim()));
        }
    }
}
