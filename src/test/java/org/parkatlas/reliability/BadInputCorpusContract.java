package org.parkatlas.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus, as a client that makes every mistake meets it, one test per request: every case the
 * hardening issue lists (written down in {@code reliability/listed-cases.txt}), then the classes they come from —
 * every query parameter with bad values, broken CQL2 in three encodings, a seeded grammar-based CQL2 mutator, WKT
 * literals, GeoJSON bodies derived from its grammar on every write endpoint, and broken GeoPackages. Every answer
 * must be a 2xx (the input was in fact valid) or a 4xx problem+json in the asked language that shows no internals,
 * and every table of the store must read the same after the request as before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputCorpusContract extends ParkAtlasServerTest {

    /** Seeds the mutator; the same seed replays the same cases. */
    private static final long SEED = Long.getLong("parkatlas.corpus.seed", 20261201L);
    private static final int MUTATIONS = Integer.getInteger("parkatlas.corpus.mutations", 250);
    private static final String ITEMS = "/ogcapi/collections/parcels/items";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> LEAKS = List.of("Exception", "at org.", "at java.", "tools.jackson",
            "com.fasterxml", "SQL", "PRAGMA", "org.h2", "postgresql", "springframework", "mil.nga", "sqlite", "StreamReadConstraints");
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
            "S_DWITHIN(geometry, POINT(1 2))", "S_DWITHIN(geometry, POINT(1 2), -5)", "A_CONTAINS(code, ('a'))", "area_mu / 0 > 1", "7 % 0 = 1");
    private static final List<String> WKT = List.of("POINT()", "POINT(1)", "POINT(1 2 3 4 5)", "POINT(a b)",
            "POINT EMPTY", "POINT(111.6 36.17)", "point(111.6 36.17)", "POINT Z(111.6 36.17 5)", "POINT(1e400 0)",
            "POINT(NaN 0)", "POINT(" + "9".repeat(400) + " 0)", "LINESTRING(1 2)", "LINESTRING(111.6 36.17, 111.61 36.18)",
            "POLYGON((0 0, 1 1))", "POLYGON((0 0, 1 0, 1 1, 0 1))", "POLYGON((111.60 36.16, 111.61 36.17, 111.61 36.16, "
                    + "111.60 36.17, 111.60 36.16))", "POLYGON((111.60 36.16, 111.61 36.16, 111.61 36.17, 111.60 36.16))",
            "MULTIPOINT((111.6 36.17), (111.61 36.18))", "MULTIPOINT(111.6 36.17, 111.61 36.18)",
            "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((", "GEOMETRYCOLLECTION(POINT(111.6 36.17))",
            "GEOMETRYCOLLECTION()", "CIRCLE(0 0, 1)", "ENVELOPE(111.6, 111.7, 36.2, 36.1)", "BBOX(111.6,36.1)",
            "BBOX(111.7,36.1,111.6,36.2)", "BBOX(-1e308,-1e308,1e308,1e308)", "POLYGON((" + "1 2, ".repeat(5000) + "1 2))");
    private static final List<String> SPATIAL = List.of("S_INTERSECTS", "S_WITHIN", "S_CONTAINS", "S_DISJOINT");
    private static final List<String> GEOMETRY_TYPES = List.of("Point", "LineString", "Polygon", "MultiPolygon",
            "GeometryCollection", "Circle", "polygon", "");
    private static final List<String> COORDINATES = List.of("[]", "[1]", "[1,2]", "[[1,2]]", "[[[1,2]]]", "\"x\"",
            "null", "{}", "[[\"a\",\"b\"]]", "[[[111.6,36.17,1,2,3]]]", "[[[1e999,0],[1,0],[1,1],[1e999,0]]]",
            "[[[111.6,36.17],[111.61,36.17],[111.61,36.18]]]", "[[[[[[1]]]]]]", "[[[true,false],[1,0],[1,1],[true,false]]]");
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
            "{\"properties\":{\"min_far\":" + "9".repeat(2000) + "}}", "[".repeat(3000) + "]".repeat(3000),
            "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[200,95]}}", "{\"id\":[1]}",
            "{\"ids\":[{}, []]}", "{\"ids\":\"parcel-0001\"}", "{\"ids\":[\"parcel-0001\"]}",
            "{\"type\":\"LineString\",\"coordinates\":[[1,2]]}", "{\"type\":\"FeatureCollection\",\"features\":{}}",
            "{\"type\":\"FeatureCollection\",\"features\":[null]}", "{\"type\":\"FeatureCollection\",\"features\":[1]}",
            "\u0000\u0001\u0002", "{\"username\":\"ADMIN\",\"password\":\"password-1\",\"roles\":[\"admin\"]}",
            "{\"username\":\"a b\",\"password\":\"x\",\"roles\":\"admin\"}",
            "{\"username\":\"\",\"password\":\"\",\"roles\":[]}", "{\"a\":1,\"a\":2}", "{\"type\":\"Feature\"}}");
    private static final String[][] WRITES = {{"POST", ITEMS, "application/geo+json"},
            {"PUT", ITEMS + "/parcel-0001", "application/geo+json"},
            {"PATCH", ITEMS + "/parcel-0001", "application/merge-patch+json"},
            {"POST", "/api/parcels/parcel-0001/split", "application/geo+json"},
            {"POST", "/api/parcels/merge", "application/json"},
            {"POST", "/api/parcels/measure", "application/geo+json"},
            {"POST", "/api/collections/parcels/import?mode=append", "application/geo+json"},
            {"POST", "/api/accounts", "application/json"}};

    @Autowired
    private DataSource dataSource;
    private StoreFingerprint fingerprint;
    private final AtomicInteger cases = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger partialWrites = new AtomicInteger();
    private final AtomicInteger otherFailures = new AtomicInteger();
    private int languageTurn;
    private long fingerprintNanos;

    private BrowserSession admin;

    @BeforeAll
    void fingerprintTheStoreAndSignIn() {
        fingerprint = new StoreFingerprint(dataSource);
        admin = new BrowserSession(this::url, ADMIN, ADMIN_PASSWORD);
    }

    @AfterAll
    void report() {
        System.out.println("Bad-input corpus on " + getClass().getName() + ": " + cases + " cases, " + serverErrors
                + " × 5xx, " + partialWrites + " partial writes, " + otherFailures + " other failures; fingerprints took "
                + fingerprintNanos / 1_000_000 + " ms");
    }

    @TestFactory
    Stream<DynamicTest> everyListedCase() throws Exception {
        GeoPackageVariants variants = new GeoPackageVariants(export());
        return run(ListedCases.read(variants::variant));
    }

    @TestFactory
    Stream<DynamicTest> everyQueryParameterWithBadValues() {
        List<CorpusCase> list = new ArrayList<>();
        for (String parameter : PARAMETERS) {
            for (String value : VALUES) {
                list.add(read("?" + parameter + "=" + value, ITEMS + "?" + parameter + "=" + encode(value)));
            }
        }
        for (String value : VALUES) {
            for (String path : List.of("/api/parcels/parcel-0001/readiness?as_of=", "/api/readiness/summary?as_of=",
                    "/ogcapi/collections/parcels/items/parcel-0001?crs=", "/ogcapi/collections/" + encode(value)
                            + "/items?limit=", "/api/parcels/" + encode(value) + "/history?lang=")) {
                list.add(read(path + value, path + encode(value)));
            }
        }
        return run(list);
    }

    @TestFactory
    Stream<DynamicTest> brokenCql2InEveryEncoding() {
        List<CorpusCase> list = new ArrayList<>();
        for (String filter : FILTERS) {
            for (String lang : List.of("cql2-text", "cql2-json", "cql-text")) {
                list.add(read(lang + ": " + filter, ITEMS + "?filter-lang=" + lang + "&filter=" + encode(filter)));
            }
        }
        for (String wkt : WKT) {
            for (String predicate : SPATIAL) {
                String filter = predicate + "(geometry, " + wkt + ")";
                list.add(read("WKT: " + abbreviate(filter), ITEMS + "?limit=1&filter=" + encode(filter)));
            }
        }
        return run(list);
    }

    /** Valid filters drawn from the grammar must be answered; their mutations answered or refused, never a 5xx. */
    @TestFactory
    Stream<DynamicTest> seededCql2Mutations() {
        Cql2Mutator mutator = new Cql2Mutator(SEED);
        List<CorpusCase> list = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            String valid = mutator.filter();
            if (i % 5 == 0) {
                list.add(new CorpusCase("valid #" + i + ": " + abbreviate(valid), "GET", ITEMS + "?limit=2&filter="
                        + encode(valid), List.of(), null, false, new CorpusCase.Expected(200, false, null, null,
                        nextLanguage())));
            }
            String mutated = mutator.mutate(valid);
            list.add(read("mutation #" + i + " (seed " + SEED + "): " + abbreviate(mutated), ITEMS + "?limit=2&filter="
                    + encode(mutated)));
        }
        return run(list);
    }

    /** GeoJSON that its grammar allows to be written but the layer's rules do not: every one a 4xx. */
    @TestFactory
    Stream<DynamicTest> geoJsonFromItsGrammarOnEveryWrite() {
        List<CorpusCase> list = new ArrayList<>();
        for (String type : GEOMETRY_TYPES) {
            for (String coordinates : COORDINATES) {
                String geometry = "{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}";
                String feature = "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"code\":"
                        + "\"GT-G\",\"land_use\":\"100101\",\"status\":\"planned\",\"leveling\":\"not_started\"}}";
                list.add(write("create " + abbreviate(geometry), "POST", ITEMS, "application/geo+json", feature));
                list.add(write("import " + abbreviate(geometry), "POST", "/api/collections/parcels/import?mode=append",
                        "application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}"));
            }
        }
        for (String[] endpoint : WRITES) {
            for (String body : BODIES) {
                list.add(write(endpoint[0] + " " + endpoint[1] + " ← " + abbreviate(body), endpoint[0], endpoint[1],
                        endpoint[2], body));
            }
            for (String media : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x")) {
                list.add(write(endpoint[0] + " " + endpoint[1] + " as " + media, endpoint[0], endpoint[1], media,
                        BODIES.get(BODIES.size() - 1)));
            }
        }
        return run(list);
    }

    @TestFactory
    Stream<DynamicTest> brokenGeoPackages() throws Exception {
        List<CorpusCase> list = new ArrayList<>();
        for (Map.Entry<String, byte[]> variant : new GeoPackageVariants(export()).all().entrySet()) {
            for (String mode : List.of("replace", "append")) {
                list.add(new CorpusCase("GeoPackage " + variant.getKey() + ", " + mode, "POST",
                        "/api/collections/utility-lines/import?mode=" + mode,
                        List.<String[]>of(new String[]{"Content-Type", "application/geopackage+sqlite3"}),
                        variant.getValue(), true, CorpusCase.Expected.anyRefusal(nextLanguage())));
            }
        }
        return run(list);
    }

    // -----------------------------------------------------------------------------------------------------------

    private CorpusCase read(String name, String path) {
        return new CorpusCase(abbreviate(name), "GET", path, List.of(), null, false,
                CorpusCase.Expected.answerOrRefusal(nextLanguage()));
    }

    /**
     * A write that must be refused. Two exceptions are valid input: a merge patch whose properties the feature
     * already has (answered 200, nothing written), and measuring, which writes nothing.
     */
    private CorpusCase write(String name, String method, String path, String media, String body) {
        boolean mayAnswer = path.endsWith("/measure") || method.equals("PATCH");
        return new CorpusCase(abbreviate(name), method, path,
                List.<String[]>of(new String[]{"Content-Type", media}), body.getBytes(StandardCharsets.UTF_8), true,
                mayAnswer ? CorpusCase.Expected.answerOrRefusal(nextLanguage())
                        : CorpusCase.Expected.anyRefusal(nextLanguage()));
    }

    /** Cases alternate between a request that asks for English and one that asks for nothing (zh-CN). */
    private boolean nextLanguage() {
        return languageTurn++ % 2 == 1;
    }

    private Stream<DynamicTest> run(List<CorpusCase> list) {
        return list.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            try {
                check(c);
            } catch (AssertionError e) {
                throw new AssertionError(c.name() + " — " + c.method() + " " + abbreviate(c.path()) + ": "
                        + e.getMessage(), e);
            }
        }));
    }

    private void check(CorpusCase c) throws Exception {
        cases.incrementAndGet();
        long started = System.nanoTime();
        TreeMap<String, String> before = fingerprint.take();
        fingerprintNanos += System.nanoTime() - started;
        HttpRequest.Builder request = c.signedIn() ? admin.request(c.method(), c.path(), c.body(), null, null)
                : HttpRequest.newBuilder(URI.create(url(c.path()))).method(c.method(), c.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.expected().english()) {
            request.header("Accept-Language", "en");
        }
        c.headers().forEach(h -> request.header(h[0], h[1]));
        HttpResponse<String> response = c.signedIn() ? admin.send(request)
                : HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String body = response.body();
        try {
            assertThat(status).as("no server error: %s", abbreviate(body)).isLessThan(500);
        } catch (AssertionError e) {
            serverErrors.incrementAndGet();
            throw e;
        }
        try {
            assertThat(fingerprint.take()).as("every table of the store as it was").isEqualTo(before);
        } catch (AssertionError e) {
            partialWrites.incrementAndGet();
            throw e;
        }
        try {
            checkAnswer(c.expected(), status, response);
        } catch (AssertionError e) {
            otherFailures.incrementAndGet();
            throw e;
        }
    }

    private static void checkAnswer(CorpusCase.Expected expected, int status, HttpResponse<String> response) {
        String body = response.body();
        if (expected.status() != 0) {
            assertThat(status).as(abbreviate(body)).isEqualTo(expected.status());
        } else if (expected.refusal()) {
            assertThat(status).as("refused: %s", abbreviate(body)).isBetween(400, 499);
        } else {
            assertThat(status).as(abbreviate(body)).isBetween(200, 499);
        }
        if (status < 400) {
            return;
        }
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        for (String leak : LEAKS) {
            assertThat(body).as("shows no internals").doesNotContain(leak);
        }
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        String title = problem.path("title").asString("");
        String detail = problem.path("detail").asString("");
        assertThat(detail).as("says what was wrong").isNotBlank();
        assertThat(title.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .as("title \"%s\" in the asked language (%s)", title, expected.english() ? "en" : "zh-CN")
                .isEqualTo(!expected.english());
        if (expected.where() != null) {
            assertThat(body).as("names where").contains("\"" + expected.where());
        }
        if (expected.words() != null) {
            assertThat(detail + " " + problem.path("violations")).contains(expected.words());
        }
    }

    private byte[] export() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/export/parkatlas.gpkg")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 140 ? flat : flat.substring(0, 140) + "…(" + flat.length() + " chars)";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
