package org.parkatlas.readiness;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.feature.LayerChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness as investors and their tools meet it, on the Ganting sample. */
class ReadinessApiTest extends ParkAtlasServerTest {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aChecklistExplainsEveryUnmetItem() {
        JsonNode parcel = getJson("/api/parcels/parcel-0005/readiness?as_of=2026-11-24");
        assertThat(parcel.path("code").asString()).isEqualTo("GT-Z1-005");
        assertThat(parcel.path("total").asInt()).isEqualTo(8);
        assertThat(parcel.path("items")).hasSize(8);
        for (JsonNode item : parcel.path("items")) {
            if (item.path("met").asBoolean()) {
                assertThat(item.path("reason").isNull()).isTrue();
            } else {
                assertThat(item.path("reason").path("zh").asString()).isNotBlank();
                assertThat(item.path("reason").path("en").asString()).isNotBlank();
            }
        }
        JsonNode sewer = item(parcel, "sewer");
        assertThat(sewer.path("sourceName").asString()).isEqualTo("甘亭污水处理厂");
        assertThat(sewer.path("sourceNameEn").asString()).isEqualTo("Ganting Sewage Treatment Plant");
        assertThat(sewer.path("path").path("type").asString()).isEqualTo("MultiLineString");
        assertThat(sewer.path("distanceM").asDouble()).isLessThanOrEqualTo(50);
        // it fronts only the planned 南外环西延: nothing until that road and its mains are built
        assertThat(parcel.path("readyDate").asString()).isEqualTo("2028-10-31");
        // each language names the road in its own words
        assertThat(item(parcel, "road").path("reason").path("zh").asString()).contains("南外环西延", "规划");
        assertThat(item(parcel, "road").path("reason").path("en").asString())
                .contains("South Outer Ring Road West Extension", "planned").doesNotContain("南外环西延");
        JsonNode later = getJson("/api/parcels/parcel-0005/readiness?as_of=2028-10-31");
        assertThat(later.path("ready").asBoolean()).isTrue();
    }

    @Test
    void delayingTheSewagePlantMovesExactlyTheParcelsItServes() {
        JsonNode plant = getJson("/ogcapi/collections/facilities/items?kind=sewage_plant").path("features").get(0);
        String plantPath = "/ogcapi/collections/facilities/items/" + plant.path("id").asString();
        String etag = get(plantPath).headers().firstValue("ETag").orElseThrow();
        Map<String, Map<String, String>> before = dates();
        LocalDate delayed = LocalDate.of(2029, 6, 30);
        HttpResponse<String> patch = patch(plantPath, "{\"properties\":{\"status\":\"under_construction\","
                + "\"completion_date\":\"" + delayed + "\"}}", etag);
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        try {
            Map<String, Map<String, String>> after = dates();
            int moved = 0;
            for (String parcel : before.keySet()) {
                Map<String, String> was = before.get(parcel);
                Map<String, String> now = after.get(parcel);
                for (String item : was.keySet()) {
                    if (!item.equals("sewer")) {
                        assertThat(now.get(item)).as(parcel + " " + item + " untouched").isEqualTo(was.get(item));
                    }
                }
                String sewer = was.get("sewer");
                if (sewer != null) {
                    String expected = sewer.compareTo(delayed.toString()) < 0 ? delayed.toString() : sewer;
                    assertThat(now.get("sewer")).as(parcel + " sewer").isEqualTo(expected);
                    moved += expected.equals(sewer) ? 0 : 1;
                } else {
                    assertThat(now.get("sewer")).isNull();
                }
            }
            assertThat(moved).as("parcels the plant serves").isPositive();
            JsonNode reason = item(getJson("/api/parcels/parcel-0100/readiness?as_of=2027-01-01"), "sewer")
                    .path("reason");
            if (!reason.isNull()) {
                assertThat(reason.path("zh").asString()).contains("甘亭污水处理厂", "2029-06-30");
                assertThat(reason.path("en").asString()).contains("Ganting Sewage Treatment Plant", "2029-06-30");
            }
        } finally {
            String now = get(plantPath).headers().firstValue("ETag").orElseThrow();
            patch(plantPath, "{\"properties\":{\"status\":\"" + plant.path("properties").path("status").asString()
                    + "\",\"completion_date\":\"" + plant.path("properties").path("completion_date").asString()
                    + "\"}}", now);
        }
        assertThat(dates()).isEqualTo(before);
    }

    @Test
    void incrementalUpdatesAgreeWithAFullComputation() {
        Map<String, Map<String, String>> baseline = dates();
        JsonNode sewer = getJson("/ogcapi/collections/utility-lines/items?utility=sewer&status=existing&limit=1")
                .path("features").get(0);
        JsonNode road = getJson("/ogcapi/collections/roads/items?status=existing&gateway=false&limit=1")
                .path("features").get(0);
        String sewerPath = "/ogcapi/collections/utility-lines/items/" + sewer.path("id").asString();
        String roadPath = "/ogcapi/collections/roads/items/" + road.path("id").asString();
        try {
            assertThat(patch(sewerPath, "{\"properties\":{\"status\":\"planned\",\"completion_date\":\"2031-01-01\"}}",
                    etag(sewerPath)).statusCode()).isEqualTo(200);
            assertThat(patch(roadPath, "{\"properties\":{\"status\":\"planned\",\"completion_date\":\"2030-05-01\"}}",
                    etag(roadPath)).statusCode()).isEqualTo(200);
            Map<String, Map<String, String>> incremental = dates();
            assertThat(incremental).as("the edits changed something").isNotEqualTo(baseline);
            events.publishEvent(new LayerChanged("roads")); // a bulk change: everything is worked out again
            assertThat(dates()).as("incremental = full").isEqualTo(incremental);
        } finally {
            patch(sewerPath, restore(sewer), etag(sewerPath));
            patch(roadPath, restore(road), etag(roadPath));
        }
        assertThat(dates()).isEqualTo(baseline);
    }

    private String etag(String path) {
        return get(path).headers().firstValue("ETag").orElseThrow();
    }

    private static String restore(JsonNode feature) {
        JsonNode p = feature.path("properties");
        return "{\"properties\":{\"status\":\"" + p.path("status").asString() + "\",\"completion_date\":"
                + (p.hasNonNull("completion_date") ? "\"" + p.path("completion_date").asString() + "\"" : "null") + "}}";
    }

    @Test
    void readinessIsFilterableInCql2() {
        String today = LocalDate.now().toString();
        JsonNode all = getJson("/ogcapi/collections/parcels/items?limit=10000");
        Set<String> expected = new TreeSet<>();
        for (JsonNode parcel : all.path("features")) {
            JsonNode p = parcel.path("properties");
            assertThat(p.has("ready")).as(parcel.path("id").asString() + " " + p).isTrue();
            assertThat(p.path("readiness_total").asInt()).isEqualTo(8);
            if (p.path("ready").asBoolean() && p.path("area_mu").asDouble() > 50) {
                expected.add(parcel.path("id").asString());
            }
        }
        assertThat(expected).isNotEmpty();
        Set<String> filtered = new TreeSet<>();
        String filter = URLEncoder.encode("ready = true AND area_mu > 50", StandardCharsets.UTF_8);
        JsonNode page = getJson("/ogcapi/collections/parcels/items?limit=10000&filter=" + filter);
        page.path("features").forEach(f -> filtered.add(f.path("id").asString()));
        assertThat(filtered).isEqualTo(expected);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(expected.size());
        // as of 2020 fewer parcels were ready; paging stays exact
        JsonNode early = getJson("/ogcapi/collections/parcels/items?limit=5&as_of=2020-01-01&filter="
                + URLEncoder.encode("readiness_met >= 7", StandardCharsets.UTF_8));
        JsonNode now = getJson("/ogcapi/collections/parcels/items?limit=5&as_of=" + today + "&filter="
                + URLEncoder.encode("readiness_met >= 7", StandardCharsets.UTF_8));
        assertThat(early.path("numberMatched").asInt()).isLessThan(now.path("numberMatched").asInt());
        assertThat(getJson("/ogcapi/collections/parcels/queryables").path("properties").has("ready_date")).isTrue();
    }

    @Test
    void theReadinessTierFollowsTheChecklistAndIsFilterable() {
        JsonNode all = getJson("/ogcapi/collections/parcels/items?limit=10000&as_of=2027-06-30");
        Set<String> servicedOrBetter = new TreeSet<>();
        Set<Integer> tiers = new TreeSet<>();
        for (JsonNode parcel : all.path("features")) {
            JsonNode p = parcel.path("properties");
            int tier = p.path("readiness_tier").asInt();
            tiers.add(tier);
            assertThat(tier >= 4).as("tier 4 or 5 exactly when every item is met: " + parcel.path("id"))
                    .isEqualTo(p.path("ready").asBoolean());
            if (tier >= 2) {
                assertThat(p.path("readiness_leveling").asBoolean()).as("tier 2 and up are leveled").isTrue();
            }
            if (tier >= 4) {
                servicedOrBetter.add(parcel.path("id").asString());
            }
        }
        assertThat(tiers).as("the sample park has parcels at several tiers").hasSizeGreaterThanOrEqualTo(3);
        Set<String> filtered = new TreeSet<>();
        getJson("/ogcapi/collections/parcels/items?limit=10000&as_of=2027-06-30&filter=" + URLEncoder.encode(
                "readiness_tier >= 4", StandardCharsets.UTF_8)).path("features")
                .forEach(f -> filtered.add(f.path("id").asString()));
        assertThat(filtered).isEqualTo(servicedOrBetter);
        JsonNode tierLabels = getJson("/api/map/config").path("vocabulary").path("readinessTiers");
        assertThat(tierLabels).hasSize(5);
        assertThat(tierLabels.get(3).path("label").path("zh").asString()).isEqualTo("七通一平");
    }

    @Test
    void summaryCountsEveryParcelOnceAndErrorsAreProblems() {
        JsonNode summary = getJson("/api/readiness/summary?as_of=2026-11-24");
        long counted = 0;
        for (JsonNode zone : summary.path("zones")) {
            counted += zone.path("ready").path("parcels").asLong() + zone.path("partly").path("parcels").asLong()
                    + zone.path("none").path("parcels").asLong();
        }
        long parcels = getJson("/ogcapi/collections/parcels/items?limit=1").path("numberMatched").asLong();
        assertThat(counted).isEqualTo(parcels);
        assertThat(summary.path("industrialParks")).hasSize(5);
        assertThat(get("/api/readiness/summary?as_of=tomorrow").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/api/parcels/no-such/readiness");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    private Map<String, Map<String, String>> dates() {
        Map<String, Map<String, String>> dates = new HashMap<>();
        getJson("/api/readiness/parcels").path("parcels").properties().forEach(e -> {
            Map<String, String> items = new HashMap<>();
            e.getValue().properties().forEach(i -> items.put(i.getKey(), i.getValue().isNull() ? null
                    : i.getValue().asString()));
            dates.put(e.getKey(), items);
        });
        return dates;
    }

    private static JsonNode item(JsonNode parcel, String id) {
        for (JsonNode item : parcel.path("items")) {
            if (item.path("item").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id);
    }

    private HttpResponse<String> patch(String path, String body, String etag) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
