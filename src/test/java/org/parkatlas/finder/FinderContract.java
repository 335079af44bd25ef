package org.parkatlas.finder;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The finder against answers worked out here, parcel by parcel, from the plain items (read as of the day the
 * finder judges on): the investor's own question from the issue, and each criterion alone.
 */
public abstract class FinderContract extends ParkAtlasServerTest {

    @Test
    void theInvestorsQuestionIsAnsweredInOneQuery() {
        // an available standard-land parcel of 50–100 mu in the new-energy park, fully serviced by mid-2027
        String query = "industrial_park=IP3&min_mu=50&max_mu=100&standard_land=true&ready_by=2027-06-30";
        Set<String> expected = expected("2027-06-30", p -> "IP3".equals(p.path("industrial_park").asString(""))
                && p.path("area_mu").asDouble() >= 50 && p.path("area_mu").asDouble() <= 100
                && "available".equals(p.path("status").asString()) && p.path("standard_land").asBoolean()
                && !(p.path("ready_date").isMissingNode() || p.path("ready_date").isNull()) && p.path("ready_date").asString().compareTo("2027-06-30") <= 0);
        JsonNode found = find(query);
        assertThat(ids(found)).isEqualTo(expected);
        assertThat(expected).as("the sample park has such parcels").isNotEmpty();
        assertThat(found.path("count").asInt()).isEqualTo(expected.size());
        double mu = 0;
        for (JsonNode p : found.path("parcels")) {
            mu += p.path("area_mu").asDouble();
        }
        assertThat(found.path("total_mu").asDouble()).isCloseTo(mu, within(0.02));
        // the filter it ran is CQL2 an analyst can take to the items endpoint and get the same parcels
        JsonNode same = getJson("/ogcapi/collections/parcels/items?limit=10000&filter="
                + encode(found.path("filter").asString()));
        assertThat(idsOf(same.path("features"))).isEqualTo(expected);
    }

    @Test
    void eachCriterionAloneMatchesItsOwnReading() {
        check("status=any&needs=gas,heat&ready_by=2027-12-31", "2027-12-31",
                p -> p.path("readiness_gas").asBoolean() && p.path("readiness_heat").asBoolean()
                        && p.path("ready_date").asString("9999").compareTo("2027-12-31") <= 0);
        check("status=any&needs=gas", null, p -> p.path("readiness_gas").asBoolean());
        check("zone=Z2,Z3", null, p -> Set.of("Z2", "Z3").contains(p.path("zone").asString(""))
                && "available".equals(p.path("status").asString()));
        check("status=available,reserved&land_use=100101", null,
                p -> Set.of("available", "reserved").contains(p.path("status").asString())
                        && "100101".equals(p.path("land_use").asString()));
        check("status=any&max_investment=200&max_tax=12", null,
                p -> ((p.path("min_investment_wan_per_mu").isMissingNode() || p.path("min_investment_wan_per_mu").isNull())
                        || p.path("min_investment_wan_per_mu").asDouble() <= 200)
                        && ((p.path("min_tax_wan_per_mu").isMissingNode() || p.path("min_tax_wan_per_mu").isNull()) || p.path("min_tax_wan_per_mu").asDouble() <= 12));
        check("status=any&min_far=2&max_far=2.5", null,
                p -> ((p.path("min_far").isMissingNode() || p.path("min_far").isNull()) || p.path("min_far").asDouble() <= 2.5)
                        && ((p.path("max_far").isMissingNode() || p.path("max_far").isNull()) || p.path("max_far").asDouble() >= 2));
        check("status=any&near=sewage_plant&within_m=800", null,
                p -> p.path("sewage_plant_distance_m").asDouble(1e9) <= 800);
    }

    @Test
    void sortingAndPagingFollowTheInvestorsChoice() {
        List<Double> prices = new ArrayList<>();
        JsonNode byArea = find("status=any&sort=area_mu&limit=1000");
        byArea.path("parcels").forEach(p -> prices.add(p.path("area_mu").asDouble()));
        assertThat(prices).isSorted();
        JsonNode page = find("status=any&sort=area_mu&limit=10&offset=10");
        assertThat(page.path("parcels").get(0).path("id").asString())
                .isEqualTo(byArea.path("parcels").get(10).path("id").asString());
        assertThat(page.path("count").asInt()).isEqualTo(byArea.path("count").asInt());
    }

    @Test
    void badCriteriaAreRefusedNamingTheParameter() {
        refused("min_mu=lots", "min_mu");
        refused("status=sold", "status");
        refused("needs=coffee", "needs");
        refused("near=airport&within_m=100", "near");
        refused("near=gateway", "within_m");
        refused("ready_by=2027-02-30", "ready_by");
        refused("sort=buyer", "sort");
        refused("industrial_park=IP3'%20OR%20'1'='1", "industrial_park");
        refused("colour=red", "colour");
    }

    private void check(String query, String asOf, Predicate<JsonNode> rule) {
        assertThat(ids(find(query + "&limit=1000"))).as(query).isEqualTo(expected(asOf, rule));
    }

    private void refused(String query, String parameter) {
        HttpResponse<String> answer = getInEnglish("/api/finder?" + query);
        assertThat(answer.statusCode()).as(query + " → " + answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("parameter").asString()).isEqualTo(parameter);
    }

    private Set<String> expected(String asOf, Predicate<JsonNode> rule) {
        Set<String> ids = new TreeSet<>();
        String day = asOf == null ? LocalDate.now().toString() : asOf;
        for (JsonNode f : getJson("/ogcapi/collections/parcels/items?limit=10000&as_of=" + day).path("features")) {
            if (rule.test(f.path("properties"))) {
                ids.add(f.path("id").asString());
            }
        }
        return ids;
    }

    private JsonNode find(String query) {
        return getJson("/api/finder?" + query);
    }

    private static Set<String> ids(JsonNode found) {
        return idsOf(found.path("parcels"));
    }

    private static Set<String> idsOf(JsonNode features) {
        Set<String> ids = new TreeSet<>();
        features.forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
