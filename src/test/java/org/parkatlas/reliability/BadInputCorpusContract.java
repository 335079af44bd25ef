package org.parkatlas.reliability;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus, as a client that makes every mistake meets it: malformed parameters, filters, CRSs, bodies
 * and media types on every read and write endpoint, plus a seeded mutator of valid CQL2. Every answer must be a 2xx
 * (the input was in fact valid) or a 4xx problem+json that shows no internals, and no write may change the park:
 * every layer's ids and versions hash the same before and after.
 */
public abstract class BadInputCorpusContract extends ParkAtlasServerTest {

    private static final String ITEMS = "/ogcapi/collections/parcels/items";
    private static final List<String> LEAKS = List.of("Exception", "at org.", "at java.", "tools.jackson",
            "com.fasterxml", "SQL", "PRAGMA", "org.h2", "postgresql", "springframework");
    private static final List<String> VALUES = List.of("", " ", "a", "-1", "0", "1e999", "-1e308", "NaN",
            "99999999999999999999999999999", "%00", "%ZZ", "'", "\"", "<x>", "..%2F..", "1,2", "1,2,3,4,5",
            "111.6,36.1,111.7", "a,b,c,d", "1e308,1e308,-1e308,-1e308", "2027-13-45", "../..", "+999999999-12-31",
            "http://www.opengis.net/def/crs/EPSG/0/2382", "[EPSG:4546", "長".repeat(300));
    private static final List<String> PARAMETERS = List.of("bbox", "bbox-crs", "limit", "offset", "datetime", "crs",
            "filter", "filter-lang", "filter-crs", "as_of", "f", "status", "area_mu", "standard_land", "lang", "");
    private static final List<String> FILTERS = List.of("area_mu >", "((area_mu > 1)", "status = ", "x LIKE 'a'",
            "'unterminated", "S_INTERSECTS(geometry, POINT(1))", "S_INTERSECTS(geometry, POLYGON((0 0, 1 1)))",
            "area_mu BETWEEN 1", "status IN ()", "CASEI(status) = 1", "T_AFTER(leveling_date, DATE('x'))",
            "area_mu + 'a' > 1", "NOT", "AND", "geometry = 1", "area_mu > 1e999", "ready = 'yes'", "code LIKE 5",
            "S_DWITHIN(geometry, POINT(1 2), 10)", "A_CONTAINS(code, ('a'))", "area_mu / 0 > 1", "7 % 0 = 1");
    private static final List<String> BODIES = List.of("", "{", "[]", "null", "1", "\"x\"", "{\"type\":\"Feature\"}",
            "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}",
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1e999,0],[1,0],[1,1],[1e999,0]]]},"
                    + "\"properties\":{}}",
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\"x\"},\"properties\":{}}",
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\",\"coordinates\":[1,2]},\"properties\":{}}",
            "{\"type\":\"Feature\",\"id\":{\"a\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}",
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[111.6,36.17],[111.601,36.17],"
                    + "[111.601,36.171],[111.6,36.17]]]},\"properties\":{\"code\":{\"a\":1},\"min_far\":1e999,"
                    + "\"status\":[],\"land_use\":\"M1\",\"leveling\":true}}",
            "{\"properties\":{\"status\":\"sold\"}}", "{\"properties\":{\"min_far\":" + "9".repeat(40) + "}}",
            "{\"properties\":{\"code\":\"" + "x".repeat(5000) + "\"}}", "{\"geometry\":null}",
            "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[200,95]}}", "{\"id\":[1]}",
            "{\"ids\":[{}, []]}", "{\"ids\":\"parcel-0001\"}", "{\"ids\":[\"parcel-0001\"]}",
            "{\"type\":\"LineString\",\"coordinates\":[[1,2]]}", "{\"type\":\"FeatureCollection\",\"features\":{}}",
            "\u0000\u0001\u0002", "{\"username\":\"ADMIN\",\"password\":\"password-1\",\"roles\":[\"admin\"]}",
            "{\"username\":\"a b\",\"password\":\"x\",\"roles\":\"admin\"}");

    @Test
    void everyBadInputIsAClearRefusalAndNothingIsWritten() throws Exception {
        String before = parkHash();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String parameter : PARAMETERS) {
            for (String value : VALUES) {
                cases++;
                check(failures, "GET", ITEMS + "?" + parameter + "=" + encode(value), null, null);
            }
        }
        for (String filter : FILTERS) {
            for (String lang : List.of("cql2-text", "cql2-json", "cql-text")) {
                cases++;
                check(failures, "GET", ITEMS + "?filter-lang=" + lang + "&filter=" + encode(filter), null, null);
            }
        }
        Random random = new Random(20261201);
        String valid = "area_mu > 30 AND (status = 'available' OR S_INTERSECTS(geometry, BBOX(111.6,36.1,111.7,36.2)))";
        for (int i = 0; i < 150; i++) {
            cases++;
            check(failures, "GET", ITEMS + "?filter=" + encode(mutate(valid, random)), null, null);
        }
        for (String value : VALUES) {
            for (String path : List.of("/api/parcels/parcel-0001/readiness?as_of=", "/api/readiness/summary?as_of=",
                    "/ogcapi/collections/parcels/items/parcel-0001?crs=", "/ogcapi/collections/" + encode(value)
                            + "/items?limit=", "/api/parcels/" + encode(value) + "/history?lang=")) {
                cases++;
                check(failures, "GET", path + encode(value), null, null);
            }
        }
        String[][] writes = {{"POST", ITEMS, "application/geo+json"},
                {"PUT", ITEMS + "/parcel-0001", "application/geo+json"},
                {"PATCH", ITEMS + "/parcel-0001", "application/merge-patch+json"},
                {"POST", "/api/parcels/parcel-0001/split", "application/geo+json"},
                {"POST", "/api/parcels/merge", "application/json"},
                {"POST", "/api/parcels/measure", "application/geo+json"},
                {"POST", "/api/collections/parcels/import?mode=append", "application/geo+json"},
                {"POST", "/api/accounts", "application/json"}};
        for (String[] write : writes) {
            for (String body : BODIES) {
                cases++;
                check(failures, write[0], write[1], body, write[2]);
            }
            for (String media : List.of("text/plain", "application/xml")) {
                cases++;
                check(failures, write[0], write[1], BODIES.get(BODIES.size() - 1), media);
            }
        }
        assertThat(failures).as(cases + " cases").isEmpty();
        assertThat(parkHash()).as("no refused write changed the park").isEqualTo(before);
        assertThat(cases).isGreaterThanOrEqualTo(500);
        System.out.println("Bad-input corpus: " + cases + " cases, 0 × 5xx, 0 partial writes");
    }

    private void check(List<String> failures, String method, String path, String body, String media) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!method.equals("GET")) {
            request.header("Authorization", basic(ADMIN, ADMIN_PASSWORD)); // bcrypt per request: writes only
        }
        if (media != null) {
            request.header("Content-Type", media);
        }
        HttpResponse<String> response = send(request.build());
        String what = method + " " + path.substring(0, Math.min(path.length(), 160)) + (media == null ? ""
                : " [" + media + "] " + body.substring(0, Math.min(body.length(), 80)));
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(status + " " + what + " → " + response.body());
            return;
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            failures.add("not problem+json: " + status + " " + what);
        }
        for (String leak : LEAKS) {
            if (status >= 400 && response.body().contains(leak)) {
                failures.add("shows " + leak + ": " + what + " → " + response.body());
            }
        }
        // a PATCH whose members are none of a feature's is a valid, empty merge patch; measuring writes nothing
        if (status < 300 && !method.equals("GET") && !method.equals("PATCH") && !path.endsWith("/measure")) {
            failures.add("a write went through: " + status + " " + what);
        }
    }

    /** One small random change to a valid filter: a character dropped, doubled, swapped or replaced. */
    private static String mutate(String filter, Random random) {
        StringBuilder s = new StringBuilder(filter);
        int at = random.nextInt(s.length());
        String noise = "()',=<>%\\ 0A.-eE";
        switch (random.nextInt(4)) {
            case 0 -> s.deleteCharAt(at);
            case 1 -> s.insert(at, s.charAt(at));
            case 2 -> s.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
            default -> s.insert(at, noise.charAt(random.nextInt(noise.length())));
        }
        return s.toString();
    }

    /** Every layer's ids and versions, hashed: any write shows in it. */
    private String parkHash() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (JsonNode collection : getJson("/api/map/config").path("collections")) {
            JsonNode page = getJson("/ogcapi/collections/" + collection.path("id").asString()
                    + "/items?limit=10000");
            for (JsonNode feature : page.path("features")) {
                digest.update((feature.path("id").asString() + "@" + feature.path("properties").toString())
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
