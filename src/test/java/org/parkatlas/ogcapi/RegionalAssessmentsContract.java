package org.parkatlas.ogcapi;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regional assessments done for a parcel (区域评估) are a list of codes: a JSON array in GeoJSON, written and
 * read back as one, checked code by code, kept as JSON text in a GeoPackage, shown on the sheet with its labels, and
 * refused by name where a list cannot go (a comparison, a sort, a property parameter).
 */
public abstract class RegionalAssessmentsContract extends ParkAtlasServerTest {

    /** A standard-land parcel in the west zone: the whole set, plus the archaeological survey near the river. */
    private static final String PARCEL = "/ogcapi/collections/parcels/items/parcel-0004";
    private static final List<String> SAMPLE = List.of("planning_eia", "energy", "flood", "soil_water",
            "water_resources", "minerals", "geohazard", "seismic", "cultural_relics");

    @AfterEach
    void restoreTheSample() {
        HttpResponse<String> restored = patch("{\"properties\":{\"regional_assessments\":"
                + JSON.writeValueAsString(SAMPLE) + "}}");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    }

    @Test
    void aParcelCarriesItsAssessmentsAsAJsonArrayAndTakesThemBack() {
        assertThat(codes(getJson(PARCEL))).containsExactlyElementsOf(SAMPLE);

        HttpResponse<String> written = patch("{\"properties\":{\"regional_assessments\":[\"energy\",\"flood\","
                + "\"energy\"]}}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(codes(getJson(PARCEL))).as("each code once, in the order given").containsExactly("energy", "flood");

        HttpResponse<String> cleared = patch("{\"properties\":{\"regional_assessments\":[]}}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(getJson(PARCEL).path("properties").hasNonNull("regional_assessments"))
                .as("an empty list is no assessment at all").isFalse();
    }

    @Test
    void aWrongCodeOrAWrongTypeIsRefusedWhereItIsAndChangesNothing() {
        JsonNode before = getJson(PARCEL).path("properties");
        HttpResponse<String> unknown = patch("{\"properties\":{\"regional_assessments\":[\"energy\",\"astrology\"]}}",
                "en");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.path("pointer").asString()).isEqualTo("/properties/regional_assessments/1");
        assertThat(problem.path("detail").asString()).contains("astrology", "planning_eia");

        HttpResponse<String> number = patch("{\"properties\":{\"regional_assessments\":[\"energy\",7]}}", "zh-CN");
        assertThat(number.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(number.body()).path("detail").asString()).contains("由代码字符串组成的数组");
        HttpResponse<String> nested = patch("{\"properties\":{\"regional_assessments\":[[\"energy\"]]}}", "en");
        assertThat(nested.statusCode()).isEqualTo(422);
        assertThat(getJson(PARCEL).path("properties")).as("nothing was written").isEqualTo(before);
    }

    @Test
    void aListIsShownAndExchangedButNotComparedOrSorted() {
        HttpResponse<String> compared = getInEnglish("/ogcapi/collections/parcels/items?filter="
                + encode("regional_assessments = 'energy'"));
        assertThat(compared.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(compared.body()).path("detail").asString()).contains("regional_assessments",
                "list of codes");
        long none = getJson("/ogcapi/collections/parcels/items?limit=1&filter="
                + encode("regional_assessments IS NULL")).path("numberMatched").asLong();
        assertThat(none).as("every sample parcel has at least the park's planning EIA").isZero();
        assertThat(getInEnglish("/ogcapi/collections/parcels/items?sortby=regional_assessments").statusCode())
                .isEqualTo(400);
        HttpResponse<String> parameter = getInEnglish("/ogcapi/collections/parcels/items?regional_assessments=energy");
        assertThat(parameter.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(parameter.body()).path("detail").asString()).contains("list of codes");

        JsonNode queryable = getJson("/ogcapi/collections/parcels/queryables").path("properties")
                .path("regional_assessments");
        assertThat(queryable.path("type").asString()).isEqualTo("array");
        assertThat(queryable.path("items").path("enum").valueStream().map(JsonNode::asString).toList())
                .contains("planning_eia", "seismic", "traffic");
    }

    /** The CQL2 array functions over the lists, each against the lists themselves, in text and JSON. */
    @Test
    void arrayFunctionsAskWhatAListHolds() {
        Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        Map<String, Boolean> ready = new java.util.HashMap<>();
        for (JsonNode f : getJson("/ogcapi/collections/parcels/items?limit=10000").path("features")) {
            lists.put(f.path("id").asString(), codes(f));
            ready.put(f.path("id").asString(), f.path("properties").path("ready").asBoolean());
        }
        java.util.function.Function<java.util.function.Predicate<List<String>>, java.util.Set<String>> where =
                test -> lists.entrySet().stream().filter(e -> !e.getValue().isEmpty() && test.test(e.getValue()))
                        .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        List<String> seismicAndFlood = List.of("seismic", "flood");
        assertThat(ids("A_CONTAINS(regional_assessments, ('seismic', 'flood'))"))
                .isEqualTo(where.apply(l -> l.containsAll(seismicAndFlood))).isNotEmpty();
        assertThat(ids("A_OVERLAPS(regional_assessments, ('cultural_relics', 'traffic'))"))
                .isEqualTo(where.apply(l -> l.contains("cultural_relics") || l.contains("traffic"))).isNotEmpty();
        assertThat(ids("A_CONTAINEDBY(regional_assessments, ('planning_eia', 'cultural_relics'))"))
                .isEqualTo(where.apply(l -> List.of("planning_eia", "cultural_relics").containsAll(l))).isNotEmpty();
        assertThat(ids("A_EQUALS(regional_assessments, ('planning_eia'))"))
                .isEqualTo(where.apply(l -> l.equals(List.of("planning_eia")))).isNotEmpty();
        assertThat(ids("A_CONTAINS(('seismic'), regional_assessments)")).as("the list first: contained by it")
                .isEqualTo(where.apply(l -> List.of("seismic").containsAll(l)));
        // beside a derived attribute, worked out when read rather than in SQL
        assertThat(ids("A_CONTAINS(regional_assessments, ('seismic')) AND ready = TRUE"))
                .isEqualTo(where.apply(l -> l.contains("seismic")).stream().filter(ready::get)
                        .collect(java.util.stream.Collectors.toSet()));
        JsonNode json = JSON.readTree(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(
                        "/ogcapi/collections/parcels/items?limit=10000&filter-lang=cql2-json&filter=" + encode(
                                "{\"op\":\"a_overlaps\",\"args\":[{\"property\":\"regional_assessments\"},"
                                        + "[\"cultural_relics\"]]}")))).build()).body());
        assertThat(json.path("numberMatched").asInt()).isEqualTo(where.apply(l -> l.contains("cultural_relics")).size());

        HttpResponse<String> unknown = getInEnglish("/ogcapi/collections/parcels/items?filter="
                + encode("A_CONTAINS(regional_assessments, ('astrology'))"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("detail").asString()).contains("'astrology' is not a code",
                "seismic");
        HttpResponse<String> notAList = getInEnglish("/ogcapi/collections/parcels/items?filter="
                + encode("A_CONTAINS(status, ('available'))"));
        assertThat(notAList.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAList.body()).path("detail").asString()).contains("regional_assessments");
        assertThat(getJson("/ogcapi/conformance").path("conformsTo").valueStream().map(JsonNode::asString))
                .contains("http://www.opengis.net/spec/cql2/1.0/conf/array-functions");
    }

    private java.util.Set<String> ids(String filter) {
        return getJson("/ogcapi/collections/parcels/items?limit=10000&filter=" + encode(filter)).path("features")
                .valueStream().map(f -> f.path("id").asString()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theSheetNamesEachAssessmentAndWhetherItIsDone() {
        JsonNode sheet = getJson("/api/parcels/parcel-0004/sheet");
        List<String> done = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode a : sheet.path("regional_assessments")) {
            if (a.path("done").asBoolean()) {
                done.add(a.path("value").asString());
                labels.add(a.path("label").path("zh").asString() + " / " + a.path("label").path("en").asString());
            }
        }
        assertThat(done).containsExactlyElementsOf(SAMPLE);
        assertThat(labels).contains("规划环境影响评价 / Planning environmental impact assessment",
                "文物考古调查勘探 / Archaeological survey");
        assertThat(sheet.path("regional_assessments").size()).as("the not-done ones are listed too").isEqualTo(12);
    }

    @Test
    void aGeoPackageKeepsTheListAsJsonTextAndGivesItBack() throws Exception {
        HttpResponse<byte[]> gpkg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/export/parkatlas.gpkg"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        Path file = Files.createTempFile("assessments", ".gpkg");
        try {
            Files.write(file, gpkg.body());
            try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
                var rows = geoPackage.getFeatureDao("parcels").queryForEq("id", "parcel-0004");
                assertThat(rows.moveToNext()).isTrue();
                assertThat(rows.getRow().getValue("regional_assessments")).isEqualTo(JSON.writeValueAsString(SAMPLE)
                        .replace(" ", ""));
                rows.close();
            }
            patch("{\"properties\":{\"regional_assessments\":[\"energy\"]}}");
            HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(url(
                            "/api/collections/parcels/import?mode=replace&table=parcels")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/geopackage+sqlite3")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(codes(getJson(PARCEL))).as("the export read back is the export written")
                    .containsExactlyElementsOf(SAMPLE);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> codes(JsonNode feature) {
        JsonNode list = feature.path("properties").path("regional_assessments");
        assertThat(list.isArray()).as(list.toString()).isTrue();
        return list.valueStream().map(JsonNode::asString).toList();
    }

    private HttpResponse<String> patch(String body) {
        return patch(body, "zh-CN");
    }

    private HttpResponse<String> patch(String body, String language) {
        return send(HttpRequest.newBuilder(URI.create(url(PARCEL))).header("Authorization", basic(ADMIN,
                        ADMIN_PASSWORD)).header("Content-Type", "application/merge-patch+json")
                .header("Accept-Language", language)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
