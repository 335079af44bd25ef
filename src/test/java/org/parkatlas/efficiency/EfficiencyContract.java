package org.parkatlas.efficiency;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 以亩产论英雄 as an analyst and the bureau meet it, on both stores: the parcels of D firms found by CQL2 with their
 * idle land, the per-zone figures agreeing with the parcels, a year's figures imported from a CSV through the one
 * write path (and refused whole when a row is wrong), and the firms' figures kept from the public.
 */
public abstract class EfficiencyContract extends ParkAtlasServerTest {

    private static final String DAY = "2025-12-31";

    @Test
    void anAnalystFiltersTheDClassAndGetsItsLandWithItsIdleKindPerZone() {
        // as of the end of 2025, the year the sample reports (another test imports 2026)
        JsonNode evaluation = admin("/api/mujun?as_of=" + DAY);
        assertThat(evaluation.path("year").asInt()).isEqualTo(2025);
        Set<String> dParcels = new HashSet<>();
        for (JsonNode firm : evaluation.path("firms")) {
            if ("D".equals(firm.path("class").asString(null))) {
                firm.path("parcel_codes").forEach(c -> dParcels.add(c.asString()));
            }
        }
        assertThat(dParcels).isNotEmpty();
        JsonNode d = getJson("/ogcapi/collections/parcels/items?limit=1000&as_of=" + DAY + "&filter="
                + encode("mujun_class = 'D'"));
        Set<String> found = new HashSet<>();
        for (JsonNode p : d.path("features")) {
            found.add(p.path("properties").path("code").asString());
            assertThat(p.path("properties").path("mujun_score").isNumber()).isTrue();
        }
        assertThat(found).isEqualTo(dParcels);
        // the per-zone tallies of idle land are the parcels' own idle_kind, counted
        Map<String, Integer> perZone = new HashMap<>();
        JsonNode idle = getJson("/ogcapi/collections/parcels/items?limit=1000&as_of=" + DAY
                + "&properties=zone,idle_kind&filter="
                + encode("idle_kind = 'approved_not_supplied'"));
        idle.path("features").forEach(p -> perZone.merge(p.path("properties").path("zone").asString(), 1,
                Integer::sum));
        for (JsonNode zone : evaluation.path("by_zone")) {
            assertThat(zone.path("idle").path("approved_not_supplied").path("parcels").asInt())
                    .as(zone.path("place").asString()).isEqualTo(perZone.getOrDefault(zone.path("place").asString(),
                            0));
        }
        // a firm still building: its land is built, not producing, and the firm counts as B
        JsonNode building = getJson("/ogcapi/collections/parcels/items?as_of=" + DAY + "&filter=" + encode(
                "code = 'GT-Z1-009'"))
                .path("features").get(0).path("properties");
        assertThat(building.path("idle_kind").asString()).isEqualTo("built_not_producing");
        assertThat(building.path("mujun_class").asString()).isEqualTo("B");
        // land on offer, leveled more than two years before: approved, not supplied
        JsonNode offered = getJson("/ogcapi/collections/parcels/items?limit=1000&as_of=" + DAY + "&filter=" + encode(
                "status = 'available' AND leveling = 'done' AND leveling_date <= DATE('2023-12-31')"));
        assertThat(offered.path("features").valueStream().map(p -> p.path("properties").path("idle_kind")
                .asString(null))).isNotEmpty().allMatch("approved_not_supplied"::equals);
    }

    @Test
    void aYearOfFiguresComesInFromACsvThroughTheOneWritePathOrNotAtAll() {
        String header = "id,enterprise_code,fiscal_year,tax_wan,sales_wan,value_added_wan,energy_tce,rd_wan,employees\n";
        String bad = header + "figures-01-2026,QY-01,2026,4100,55000,15000,9100,2000,430\n"
                + "figures-99-2026,QY-99,2026,100,1000,300,100,10,20\n"
                + "figures-02-2025b,QY-02,2025,2000,30000,8000,6000,1300,250\n";
        HttpResponse<String> refused = importCsv(bad);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("figures-enterprise", "figures-one-a-year", "/features/1", "/features/2");
        assertThat(admin("/ogcapi/collections/enterprise-figures/items?limit=1000&filter=" + encode("fiscal_year = 2026"))
                .path("numberMatched").asInt()).as("nothing of a refused file is kept").isZero();

        StringBuilder good = new StringBuilder(header);
        for (JsonNode firm : admin("/api/mujun").path("firms")) {
            if (firm.path("status").asString().equals("producing")) {
                String code = firm.path("code").asString();
                good.append("figures-").append(code).append("-2026,").append(code).append(",2026,")
                        .append(code.equals("QY-07") ? 9000 : 1000).append(",20000,5000,3000,500,200\n");
            }
        }
        HttpResponse<String> imported = importCsv(good.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode next = admin("/api/mujun?as_of=2026-12-31");
        assertThat(next.path("year").asInt()).isEqualTo(2026);
        JsonNode qy07 = next.path("firms").valueStream().filter(f -> f.path("code").asString().equals("QY-07"))
                .findFirst().orElseThrow();
        assertThat(qy07.path("class").asString()).as("the last of 2025 leads 2026").isEqualTo("A");
        assertThat(admin("/api/mujun?as_of=2026-06-30").path("year").asInt()).as("a day in 2026 still reads the "
                + "latest year reported by then").isEqualTo(2026);
        assertThat(admin("/api/mujun?as_of=2025-06-30").path("year").asInt()).isEqualTo(2025);
    }

    @Test
    void theFirmsFiguresAreTheBureausAndTheClassesArePublic() {
        JsonNode figures = getJson("/ogcapi/collections/enterprise-figures/items?limit=1000");
        for (JsonNode f : figures.path("features")) {
            assertThat(names(f.path("properties"))).doesNotContain("tax_wan", "sales_wan", "energy_tce");
        }
        assertThat(get("/ogcapi/collections/enterprise-figures/items?filter=" + encode("tax_wan > 1000"))
                .statusCode()).isEqualTo(400);
        JsonNode publicView = getJson("/api/mujun");
        for (JsonNode firm : publicView.path("firms")) {
            assertThat(firm.has("indicators")).isFalse();
        }
        assertThat(publicView.path("firms").valueStream().map(f -> f.path("class").asString(null)))
                .contains("A", "B", "C", "D");
        assertThat(admin("/api/mujun").path("firms").get(0).has("indicators")).isTrue();
        HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(url(
                        "/api/collections/enterprise-figures/import?mode=append")))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(get("/api/mujun?as_of=yesterday").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> importCsv(String csv) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/collections/enterprise-figures/import?mode=append")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private JsonNode admin(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET().build());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
