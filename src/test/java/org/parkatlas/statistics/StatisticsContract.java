package org.parkatlas.statistics;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistics checked against brute force over every feature the items API gives: "available mu per zone", two
 * attributes with sums, a derived attribute, the CSV an analyst opens in Excel, and the refusals.
 */
public abstract class StatisticsContract extends ParkAtlasServerTest {

    private List<JsonNode> parcels() {
        List<JsonNode> all = new ArrayList<>();
        getJson("/ogcapi/collections/parcels/items?limit=10000").path("features").forEach(f -> all.add(f.path(
                "properties")));
        return all;
    }

    @Test
    void availableMuPerZoneIsWhatTheParcelsAddUpTo() {
        Map<String, double[]> expected = new TreeMap<>();
        for (JsonNode p : parcels()) {
            if (p.path("status").asString().equals("available")) {
                double[] e = expected.computeIfAbsent(p.path("zone").asString(), z -> new double[2]);
                e[0]++;
                e[1] += p.path("area_mu").asDouble();
            }
        }
        JsonNode stats = getJson("/api/stats/parcels?group_by=zone&filter=" + encode("status = 'available'"));
        assertThat(stats.path("groups").size()).isEqualTo(expected.size());
        for (JsonNode group : stats.path("groups")) {
            double[] e = expected.get(group.path("keys").path("zone").asString());
            assertThat(group.path("count").asDouble()).isEqualTo(e[0]);
            assertThat(group.path("area_mu").asDouble()).isCloseTo(e[1], within(0.01));
        }
        assertThat(stats.path("groups").get(0).path("labels").path("zone").asString())
                .as("named as the park names it, in Chinese by default").isEqualTo("西部生态制造区");
        assertThat(stats.path("total").path("count").asLong()).isEqualTo(82);
    }

    @Test
    void twoAttributesWithSumsMeansAndExtremes() {
        JsonNode stats = getJson("/api/stats/parcels?group_by=industrial_park,status&sum=reference_price_wan_per_mu,"
                + "min_investment_wan_per_mu");
        Map<String, List<JsonNode>> byGroup = new TreeMap<>();
        for (JsonNode p : parcels()) {
            String key = (p.path("industrial_park").isNull() ? "-" : p.path("industrial_park").asString()) + "|"
                    + p.path("status").asString();
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        assertThat(stats.path("groups").size()).isEqualTo(byGroup.size());
        for (JsonNode group : stats.path("groups")) {
            JsonNode keys = group.path("keys");
            String key = (keys.path("industrial_park").isNull() ? "-" : keys.path("industrial_park").asString()) + "|"
                    + keys.path("status").asString();
            List<JsonNode> members = byGroup.get(key);
            assertThat(group.path("count").asInt()).as(key).isEqualTo(members.size());
            List<Double> prices = members.stream().filter(p -> p.path("reference_price_wan_per_mu").isNumber())
                    .map(p -> p.path("reference_price_wan_per_mu").asDouble()).toList();
            JsonNode price = group.path("stats").path("reference_price_wan_per_mu");
            assertThat(price.path("count").asInt()).as(key).isEqualTo(prices.size());
            assertThat(price.path("sum").asDouble()).isCloseTo(prices.stream().mapToDouble(d -> d).sum(), within(1e-6));
            if (prices.isEmpty()) {
                assertThat(price.path("mean").isNull()).as("no value, no mean").isTrue();
            } else {
                assertThat(price.path("min").asDouble()).isEqualTo(prices.stream().mapToDouble(d -> d).min().orElseThrow());
                assertThat(price.path("max").asDouble()).isEqualTo(prices.stream().mapToDouble(d -> d).max().orElseThrow());
                assertThat(price.path("mean").asDouble()).isCloseTo(prices.stream().mapToDouble(d -> d).average()
                        .orElseThrow(), within(1e-9));
            }
        }
        JsonNode last = stats.path("groups").get(stats.path("groups").size() - 1);
        assertThat(last.path("keys").path("industrial_park").isNull()).as("no park last").isTrue();
    }

    @Test
    void derivedAttributesGroupLikeStoredOnes() {
        Map<Long, Integer> expected = new TreeMap<>();
        for (JsonNode p : parcels()) {
            expected.merge(p.path("readiness_tier").asLong(), 1, Integer::sum);
        }
        JsonNode stats = getJson("/api/stats/parcels?group_by=readiness_tier");
        Map<Long, Integer> answered = new TreeMap<>();
        stats.path("groups").forEach(g -> answered.put(g.path("keys").path("readiness_tier").asLong(),
                g.path("count").asInt()));
        assertThat(answered).isEqualTo(expected);
    }

    @Test
    void asCsvForExcelWithTheLabels() throws Exception {
        HttpResponse<byte[]> csv = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        url("/api/stats/parcels?group_by=zone&sum=reference_price_wan_per_mu&lang=en")))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(new byte[]{body[0], body[1], body[2]}).as("a UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("zone,zone_label,count,area_mu,reference_price_wan_per_mu_sum,"
                + "reference_price_wan_per_mu_mean,reference_price_wan_per_mu_min,reference_price_wan_per_mu_max");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("Z1,West Eco-manufacturing Zone,");
    }

    @Test
    void whatCannotBeAnsweredIsSaidByName() {
        bad("/api/stats/parcels?sum=status", "sum", "not a number");
        bad("/api/stats/parcels?group_by=zone,status,land_use", "group_by", "at most 2");
        bad("/api/stats/parcels?group_by=buyer", "group_by", "not a property");
        bad("/api/stats/parcels?group_by=regional_assessments", "group_by", "list of codes");
        bad("/api/stats/parcels?groupby=zone", "groupby", "unknown parameter");
        bad("/api/stats/parcels?group_by=zone&filter=" + encode("area_mu >"), "filter", "cannot be read");
        assertThat(getInEnglish("/api/stats/nope").statusCode()).isEqualTo(404);
    }

    private void bad(String path, String parameter, String says) {
        HttpResponse<String> response = getInEnglish(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.path("detail").asString()).contains(says);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
