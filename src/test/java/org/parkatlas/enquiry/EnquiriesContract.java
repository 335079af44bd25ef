package org.parkatlas.enquiry;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An investor's enquiry as the sheet's form sends it: taken from anyone and acknowledged in their language, checked
 * field by field, read and moved on by admins only — and no longer taken from one address that sends too many.
 */
public abstract class EnquiriesContract extends ParkAtlasServerTest {

    private static final String VALID = "{\"name\":\"Li Wei\",\"organisation\":\"Jinneng Solar Co.\","
            + "\"contact\":\"+86 138 0000 0000\",\"industry\":\"photovoltaics\",\"land_need_mu\":80,"
            + "\"message\":\"We need 80 mu with gas by mid-2027.\",\"parcels\":[\"parcel-0003\",\"parcel-0004\"]}";

    @Test
    void anInvestorEnquiresAndOnlyAnAdminReadsItThenTooManyFromOneAddressWait() {
        HttpResponse<String> sent = post(VALID, "en", null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode received = JSON.readTree(sent.body());
        assertThat(received.path("acknowledgement").asString()).contains("investment bureau");
        String id = received.path("id").asString();

        assertThat(get("/api/enquiries").statusCode()).as("not for the public").isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/enquiries")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build()).statusCode()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode e : JSON.readTree(send(HttpRequest.newBuilder(URI.create(url("/api/enquiries?lang=en")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build()).body())) {
            if (e.path("id").asString().equals(id)) {
                mine = e;
            }
        }
        assertThat(mine).as("the admin finds it").isNotNull();
        assertThat(mine.path("name").asString()).isEqualTo("Li Wei");
        assertThat(mine.path("land_need_mu").asDouble()).isEqualTo(80.0);
        assertThat(mine.path("parcels").get(1).asString()).isEqualTo("parcel-0004");
        assertThat(mine.path("status_label").asString()).isEqualTo("New");
        assertThat(mine.path("language").asString()).isEqualTo("en");

        HttpResponse<String> marked = send(HttpRequest.newBuilder(URI.create(url("/api/enquiries/" + id)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"contacted\"}")).build());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(JSON.readTree(marked.body()).path("status_by").asString()).isEqualTo(ADMIN);
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/enquiries/" + id)))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"status\":\"closed\"}")).build()).statusCode()).as("not for the public").isEqualTo(401);

        // the form's own checks, each naming its field, in the sender's language; none is counted or kept
        checkRefused(post(VALID.replace("\"+86 138 0000 0000\"", "null"), "en", null), 422, "/contact",
                "please give a phone number or an e-mail address");
        checkRefused(post(VALID.replace("+86 138 0000 0000", "call me"), null, null), 422, "/contact", "不是电话号码");
        checkRefused(post(VALID.replace("parcel-0004", "parcel-9999"), "en", null), 422, "/parcels/1",
                "there is no parcel \"parcel-9999\"");
        checkRefused(post(VALID.replace("\"land_need_mu\":80", "\"land_need_mu\":-3"), "en", null), 422,
                "/land_need_mu", "between 0 and 100 000 mu");
        checkRefused(post(VALID.replace("\"name\":\"Li Wei\"", "\"name\":\"" + "x".repeat(101) + "\""), "en", null),
                422, "/name", "100 characters at most");
        checkRefused(post(VALID.replace("{\"name\"", "{\"website\":\"http://spam.example\",\"name\""), "en", null),
                400, "/website", "left empty");
        checkRefused(post("[1]", "en", null), 400, "", "JSON object");
        assertThat(post(VALID, "en", "text/plain").statusCode()).isEqualTo(415);

        // four more from this address make five within the hour; the sixth waits
        for (int i = 0; i < 4; i++) {
            assertThat(post(VALID, "en", null).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> tooMany = post(VALID, "en", null);
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(JSON.readTree(tooMany.body()).path("detail").asString()).contains("too many enquiries");
    }

    private static void checkRefused(HttpResponse<String> response, int status, String pointer, String words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("pointer").asString()).isEqualTo(pointer);
        assertThat(problem.path("detail").asString()).contains(words);
    }

    private HttpResponse<String> post(String body, String language, String media) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/enquiries")))
                .header("Content-Type", media == null ? "application/json" : media)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request.build());
    }
}
