package org.parkatlas.scenario;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.geojson.GeoJsonGeometry;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios as the planning bureau meets them, on both stores: a planner makes "the sewage plant six months late"
 * and the comparison names exactly the parcels whose sewer day the plant bounds, by exactly that, and the projects on
 * them; every reader answers inside it; an added sewer branch serves exactly the parcels within reach; a bad
 * scenario is refused with where it is wrong and nothing stored; and applying one turns it into edits, after which
 * the park as planned is what the scenario said.
 */
public abstract class ScenarioContract extends ParkAtlasServerTest {

    private static final String PLANNER = "guihua-s";
    private static final String ANALYST = "fenxi-s";
    private static final String PASSWORD = "scenario-test-1";
    /** 甘亭污水处理厂 in the sample, and the day it opened. */
    private static final String PLANT = "facility-01";
    private static final LocalDate OPENED = LocalDate.parse("2024-12-31");
    private static final String SEWER = "sewer";
    private static final double SEWER_REACH_M = 50;

    @BeforeEach
    void accounts() {
        for (String[] account : new String[][]{{PLANNER, "planner"}, {ANALYST, "analyst"}}) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/api/accounts")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + account[0] + "\",\"password\":\""
                            + PASSWORD + "\",\"roles\":[\"" + account[1] + "\"]}")).build());
            assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        }
    }

    @Test
    void thePlantSixMonthsLateSlipsExactlyTheParcelsItBoundsByExactlyThat() {
        LocalDate late = OPENED.plusMonths(6);
        Map<String, Map<String, LocalDate>> baseline = itemDates(null);
        HttpResponse<String> created = write(PLANNER, "POST", "/api/scenarios", "{\"name\": \"污水处理厂推迟6个月\", "
                + "\"overrides\": [{\"collection\": \"facilities\", \"id\": \"" + PLANT + "\", \"properties\": "
                + "{\"completion_date\": \"" + late + "\"}}]}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/scenarios/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.readTree(created.body()).path("state").asString()).isEqualTo("draft");

        // every parcel's items inside the scenario: the sewer day is the later of its own and the plant's new day
        Map<String, Map<String, LocalDate>> inside = itemDates(id);
        Set<String> slipping = new HashSet<>();
        for (Map.Entry<String, Map<String, LocalDate>> parcel : baseline.entrySet()) {
            Map<String, LocalDate> then = parcel.getValue();
            Map<String, LocalDate> now = inside.get(parcel.getKey());
            for (String item : then.keySet()) {
                LocalDate was = then.get(item);
                LocalDate expected = !item.equals(SEWER) || was == null ? was : was.isBefore(late) ? late : was;
                assertThat(now.get(item)).as(parcel.getKey() + " " + item).isEqualTo(expected);
            }
            if (!then.equals(now)) {
                slipping.add(parcel.getKey());
            }
        }
        assertThat(slipping).as("the plant's day bounds some parcels' sewer").isNotEmpty();

        // the comparison lists exactly those, with their days, and the projects on the ones that slip
        LocalDate asOf = LocalDate.parse("2025-03-01");
        JsonNode compare = as(ANALYST, "/api/scenarios/" + id + "/compare?as_of=" + asOf);
        Set<String> listed = new HashSet<>();
        int slips = 0;
        for (JsonNode row : compare.path("parcels")) {
            String parcel = row.path("id").asString();
            listed.add(parcel);
            LocalDate then = readyDate(baseline.get(parcel));
            LocalDate now = readyDate(inside.get(parcel));
            assertThat(text(row, "baseline_ready_date")).as(parcel).isEqualTo(then == null ? null : then.toString());
            assertThat(text(row, "scenario_ready_date")).as(parcel).isEqualTo(now == null ? null : now.toString());
            boolean slipped = then != null && now.isAfter(then);
            if (then != null) {
                assertThat(row.path("days").asLong()).isEqualTo(ChronoUnit.DAYS.between(then, now));
            }
            assertThat(row.path("change").asString()).isEqualTo(slipped ? "slips" : "items_only");
            slips += slipped ? 1 : 0;
            JsonNode item = row.path("items").get(0);
            assertThat(row.path("items")).hasSize(1);
            assertThat(item.path("item").asString()).isEqualTo(SEWER);
            assertThat(item.path("scenario_ready_date").asString()).isEqualTo(late.toString());
            assertThat(row.path("scenario_ready_on_as_of").asBoolean()).isEqualTo(now != null && !now.isAfter(asOf));
        }
        assertThat(listed).isEqualTo(slipping);
        JsonNode park = compare.path("totals").path("park");
        assertThat(park.path("slipping").asInt()).isEqualTo(slips);
        assertThat(park.path("parcels").asInt()).isEqualTo(baseline.size());
        int zoned = 0;
        for (JsonNode zone : compare.path("totals").path("by_zone")) {
            zoned += zone.path("slipping").asInt();
        }
        assertThat(zoned).as("the zones' slips add up to the park's").isEqualTo(slips);
        long readyBefore = baseline.values().stream().filter(d -> ready(d, asOf)).count();
        long readyInside = inside.values().stream().filter(d -> ready(d, asOf)).count();
        assertThat(park.path("baseline_ready").asLong()).isEqualTo(readyBefore);
        assertThat(park.path("scenario_ready").asLong()).isEqualTo(readyInside);
        // a pipeline project on a slipping parcel is named with it
        JsonNode risks = compare.path("projects_at_risk");
        assertThat(risks.size()).isPositive();
        for (JsonNode risk : risks) {
            assertThat(compare.path("parcels").valueStream().filter(r -> r.path("code").asString().equals(
                    risk.path("parcel_code").asString())).findFirst()).isPresent();
        }

        // every reader answers inside the scenario: one parcel's item, sheet and checklist; the finder; statistics
        String moved = slipping.stream().filter(p -> readyDate(inside.get(p)) != null).findFirst().orElseThrow();
        JsonNode feature = as(ANALYST, "/ogcapi/collections/parcels/items/" + moved + "?scenario=" + id);
        assertThat(feature.path("properties").path("ready_date").asString())
                .isEqualTo(readyDate(inside.get(moved)).toString());
        assertThat(as(ANALYST, "/api/parcels/" + moved + "/sheet?scenario=" + id).path("readiness")
                .path("ready_date").asString()).isEqualTo(readyDate(inside.get(moved)).toString());
        assertThat(as(ANALYST, "/api/parcels/" + moved + "/readiness?scenario=" + id).path("readyDate").asString())
                .isEqualTo(readyDate(inside.get(moved)).toString());
        String readyOnDay = "/ogcapi/collections/parcels/items?limit=1&as_of=" + asOf + "&filter="
                + encode("ready = true");
        assertThat(as(ANALYST, readyOnDay).path("numberMatched").asLong()).isEqualTo(readyBefore);
        assertThat(as(ANALYST, readyOnDay + "&scenario=" + id).path("numberMatched").asLong()).isEqualTo(readyInside);
        JsonNode stats = as(ANALYST, "/api/stats/parcels?group_by=ready&as_of=" + asOf + "&scenario=" + id);
        long readyCounted = stats.path("groups").valueStream().filter(g -> g.path("keys").path("ready").asBoolean())
                .mapToLong(g -> g.path("count").asLong()).sum();
        assertThat(readyCounted).isEqualTo(readyInside);
        JsonNode found = as(ANALYST, "/api/finder?status=available,planned,reserved,transferred,in_use&ready_by="
                + asOf + "&scenario=" + id);
        assertThat(found.path("count").asLong()).isEqualTo(readyInside);
        // the park's own answers are untouched
        assertThat(itemDates(null)).isEqualTo(baseline);
    }

    @Test
    void anAddedSewerBranchServesExactlyTheParcelsWithinReach() {
        Map<String, Map<String, LocalDate>> baseline = itemDates(null);
        Map<String, Geometry> parcels = geometries("parcels", null);
        Map<String, Geometry> sewers = geometries("utility-lines", "utility = 'sewer'");
        // the parcel served latest, and the line serving a parcel from the plant's first day that lies nearest it
        String last = baseline.entrySet().stream().filter(e -> e.getValue().get(SEWER) != null)
                .max(java.util.Comparator.comparing(e -> e.getValue().get(SEWER))).orElseThrow().getKey();
        Geometry target = parcels.get(last);
        Set<String> servingFromTheStart = new HashSet<>();
        baseline.entrySet().stream().filter(e -> OPENED.equals(e.getValue().get(SEWER)))
                .sorted(java.util.Comparator.comparingDouble(e -> parcels.get(e.getKey()).distance(target))).limit(12)
                .forEach(e -> servingFromTheStart.add(servingLine(e.getKey(), SEWER)));
        String near = servingFromTheStart.stream().min(java.util.Comparator.comparingDouble(
                l -> sewers.get(l).distance(target))).orElseThrow();
        LineString line = (LineString) sewers.get(near);
        Coordinate start = line.getStartPoint().distance(target) < line.getEndPoint().distance(target)
                ? line.getCoordinateN(0) : line.getCoordinateN(line.getNumPoints() - 1);
        LineString branch = new GeometryFactory().createLineString(new Coordinate[]{start,
                target.getInteriorPoint().getCoordinate()});
        LocalDate built = LocalDate.parse("2026-12-31");
        assertThat(baseline.get(last).get(SEWER)).as("the branch is earlier than what serves it now").isAfter(built);

        Geometry branchCrs84 = Reprojector.transform(branch, Crs.CGCS2000_GK_CM_111E, Crs.CRS84);
        HttpResponse<String> created = write(PLANNER, "POST", "/api/scenarios", "{\"name\": \"新建污水支管\", "
                + "\"additions\": [{\"type\": \"Feature\", \"collection\": \"utility-lines\", \"id\": \"branch-1\", "
                + "\"geometry\": " + JSON.writeValueAsString(GeoJsonGeometry.toMap(branchCrs84)) + ", \"properties\":"
                + " {\"name\": \"试验污水支管\", \"utility\": \"sewer\", \"status\": \"planned\", \"completion_date\": \""
                + built + "\"}}]}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        // where the server has the branch: the same reprojection back
        Geometry stored = Reprojector.transform(branchCrs84, Crs.CRS84, Crs.CGCS2000_GK_CM_111E);

        Map<String, Map<String, LocalDate>> inside = itemDates(id);
        int served = 0;
        for (Map.Entry<String, Map<String, LocalDate>> parcel : baseline.entrySet()) {
            LocalDate was = parcel.getValue().get(SEWER);
            LocalDate now = inside.get(parcel.getKey()).get(SEWER);
            boolean withinReach = parcels.get(parcel.getKey()).distance(stored) <= SEWER_REACH_M;
            LocalDate expected = withinReach && (was == null || was.isAfter(built)) ? built : was;
            assertThat(now).as(parcel.getKey() + (withinReach ? " within reach" : " out of reach")).isEqualTo(expected);
            served += expected.equals(was) ? 0 : 1;
            Map<String, LocalDate> others = new HashMap<>(parcel.getValue());
            Map<String, LocalDate> othersNow = new HashMap<>(inside.get(parcel.getKey()));
            others.remove(SEWER);
            othersNow.remove(SEWER);
            assertThat(othersNow).as(parcel.getKey()).isEqualTo(others);
        }
        assertThat(served).as("the parcels the branch brings forward").isPositive();
        assertThat(inside.get(last).get(SEWER)).isEqualTo(built);
    }

    @Test
    void aPlannerEditsAndSharesAScenarioFromTheVersionTheyRead() {
        String id = create("{\"name\": \"热源厂推迟\", \"overrides\": [{\"collection\": \"facilities\", \"id\": "
                + "\"facility-06\", \"properties\": {\"completion_date\": \"2030-01-01\"}}]}");
        String items = "/ogcapi/collections/parcels/items?limit=5&scenario=" + id;
        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(url(items)))
                .header("Authorization", basic(ANALYST, PASSWORD)).GET().build());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> stale = write(PLANNER, "PATCH", "/api/scenarios/" + id, "{\"name\": \"x\"}", "\"7\"");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        HttpResponse<String> edited = write(PLANNER, "PATCH", "/api/scenarios/" + id, "{\"state\": \"shared\", "
                + "\"overrides\": [{\"collection\": \"facilities\", \"id\": \"facility-06\", \"properties\": "
                + "{\"completion_date\": \"2031-01-01\"}}]}", "\"1\"");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag")).hasValue("\"2\"");
        JsonNode scenario = as(ANALYST, "/api/scenarios/" + id);
        assertThat(scenario.path("state").asString()).isEqualTo("shared");
        assertThat(scenario.path("name").asString()).isEqualTo("热源厂推迟");
        assertThat(scenario.path("overrides").get(0).path("properties").path("completion_date").asString())
                .isEqualTo("2031-01-01");
        // the answers inside it move with it: what the browser kept is no longer current
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(url(items)))
                .header("Authorization", basic(ANALYST, PASSWORD)).header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(itemDates(id).values().stream().map(d -> d.get("heat")).filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo)).hasValue(LocalDate.parse("2031-01-01"));
        JsonNode history = as(ANALYST, "/api/scenarios/" + id + "/history");
        assertThat(history.valueStream().map(h -> h.path("operation").asString()).toList())
                .containsExactly("create", "share");
        assertThat(history.get(1).path("by").asString()).isEqualTo(PLANNER);

        assertThat(write(PLANNER, "DELETE", "/api/scenarios/" + id, null, null).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/scenarios/" + id)))
                .header("Authorization", basic(ANALYST, PASSWORD)).GET().build()).statusCode()).isEqualTo(404);
        assertThat(as(ANALYST, "/api/scenarios/" + id + "/history").valueStream()
                .map(h -> h.path("operation").asString()).toList()).endsWith("delete");
    }

    @Test
    void scenariosAreTheStaffsToReadAndThePlannersToWrite() {
        String id = create("{\"name\": \"仅内部\", \"overrides\": [{\"collection\": \"facilities\", \"id\": \""
                + PLANT + "\", \"properties\": {\"status\": \"planned\"}}]}");
        assertThat(get("/api/scenarios").statusCode()).isEqualTo(401);
        HttpResponse<String> publicRead = get("/ogcapi/collections/parcels/items?scenario=" + id);
        assertThat(publicRead.statusCode()).isEqualTo(403);
        assertThat(publicRead.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/ogcapi/collections/parcels/tiles/WebMercatorQuad/14/6603/13240?scenario=" + id)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> byAnalyst = write(ANALYST, "POST", "/api/scenarios", "{\"name\": \"x\"}", null);
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items?scenario=nope")))
                .header("Authorization", basic(ANALYST, PASSWORD)).GET().build()).statusCode()).isEqualTo(404);
        assertThat(as(ANALYST, "/api/scenarios").valueStream().map(s -> s.path("id").asString())).contains(id);
    }

    @Test
    void aBadScenarioIsRefusedWithWhereItIsWrongAndNothingIsStored() {
        int before = as(ANALYST, "/api/scenarios").size();
        String[][] cases = {
                {"{\"name\": \"x\", \"overrides\": [{\"collection\": \"parcels\", \"id\": \"parcel-0001\", "
                        + "\"properties\": {\"status\": \"planned\"}}]}", "422", "/overrides/0/collection"},
                {"{\"name\": \"x\", \"overrides\": [{\"collection\": \"facilities\", \"id\": \"no-such\", "
                        + "\"properties\": {\"status\": \"planned\"}}]}", "422", "/overrides/0/id"},
                {"{\"name\": \"x\", \"overrides\": [{\"collection\": \"facilities\", \"id\": \"" + PLANT + "\", "
                        + "\"properties\": {\"name\": \"y\"}}]}", "422", "/overrides/0/properties/name"},
                {"{\"name\": \"x\", \"overrides\": [{\"collection\": \"facilities\", \"id\": \"" + PLANT + "\", "
                        + "\"properties\": {\"completion_date\": \"2025-13-01\"}}]}", "422",
                        "/overrides/0/properties/completion_date"},
                {"{\"name\": \"x\", \"overrides\": [{\"collection\": \"roads\", \"id\": \"road-0001\", "
                        + "\"properties\": {\"status\": \"demolished\"}}]}", "422", "/overrides/0/properties/status"},
                {"{\"name\": \"x\", \"removals\": [{\"collection\": \"roads\", \"id\": \"zzz\"}]}", "422",
                        "/removals/0/id"},
                {"{\"name\": \"x\", \"additions\": [{\"type\": \"Feature\", \"collection\": \"utility-lines\", "
                        + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [111.6, 36.16]}, \"properties\": {}}]}",
                        "422", "/additions/0/geometry"},
                {"{\"name\": \"x\", \"additions\": [{\"type\": \"Feature\", \"collection\": \"utility-lines\", "
                        + "\"geometry\": {\"type\": \"LineString\", \"coordinates\": [[111.6, 36.16], [211.6, 36.16]]},"
                        + " \"properties\": {\"name\": \"n\", \"utility\": \"sewer\", \"status\": \"planned\"}}]}",
                        "422", "/additions/0/geometry/coordinates"},
                {"{\"name\": \"" + "长".repeat(201) + "\"}", "422", "/name"},
                {"{\"overrides\": []}", "422", "/name"},
                {"{\"name\": \"x\", \"extra\": 1}", "422", "/extra"},
                {"{\"name\": \"x\", \"overrides\": {}}", "400", "/overrides"},
                {"{\"name\": \"x\",", "400", ""},
        };
        for (String[] c : cases) {
            HttpResponse<String> refused = write(PLANNER, "POST", "/api/scenarios", c[0], null);
            assertThat(refused.statusCode()).as(c[0] + " → " + refused.body()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("pointer").asString()).as(c[0]).isEqualTo(c[2]);
            assertThat(problem.path("detail").asString()).as("said in the reader's language").isNotBlank()
                    .doesNotContain("Exception");
        }
        assertThat(as(ANALYST, "/api/scenarios").size()).isEqualTo(before);
    }

    @Test
    void applyingAScenarioTurnsItIntoEditsAndThePlannedParkThenIsWhatItSaid() {
        // a road left out, the heat source rescheduled and a heat main added (the sewer tests' works stay as they are)
        JsonNode road = as(ANALYST, "/ogcapi/collections/roads/items?limit=1&filter=" + encode("status = 'planned'"))
                .path("features").get(0);
        String roadId = road.path("id").asString();
        String id = create("{\"name\": \"热源先行\", \"overrides\": [{\"collection\": \"facilities\", \"id\": "
                + "\"facility-06\", \"properties\": {\"status\": \"existing\", \"completion_date\": \"2021-06-30\"}}],"
                + " \"removals\": [{\"collection\": \"roads\", \"id\": \"" + roadId + "\"}], \"additions\": [{\"type\":"
                + " \"Feature\", \"collection\": \"utility-lines\", \"id\": \"heat-main-new\", \"geometry\": "
                + "{\"type\": \"LineString\", \"coordinates\": [[111.61, 36.165], [111.612, 36.165]]}, "
                + "\"properties\": {\"name\": \"新建热力管\", \"utility\": \"heat\", \"status\": \"planned\", "
                + "\"completion_date\": \"2027-09-30\"}}]}");
        Map<String, Map<String, LocalDate>> said = itemDates(id);
        assertThat(said).isNotEqualTo(itemDates(null));

        HttpResponse<String> applied = write(PLANNER, "POST", "/api/scenarios/" + id + "/apply", null, "\"1\"");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(JSON.readTree(applied.body()).path("state").asString()).isEqualTo("applied");

        assertThat(itemDates(null)).as("the park as planned is what the scenario said").isEqualTo(said);
        JsonNode heat = as(ANALYST, "/ogcapi/collections/facilities/items/facility-06").path("properties");
        assertThat(heat.path("completion_date").asString()).isEqualTo("2021-06-30");
        assertThat(get("/ogcapi/collections/roads/items/" + roadId).statusCode()).isEqualTo(404);
        assertThat(as(ANALYST, "/ogcapi/collections/utility-lines/items/heat-main-new").path("properties")
                .path("utility").asString()).isEqualTo("heat");
        assertThat(as(ANALYST, "/api/scenarios/" + id + "/compare").path("parcels")).isEmpty();
        assertThat(as(ANALYST, "/api/scenarios/" + id + "/history").valueStream()
                .map(h -> h.path("operation").asString()).toList()).containsExactly("create", "apply");
        // an applied scenario is a record
        assertThat(write(PLANNER, "PATCH", "/api/scenarios/" + id, "{\"name\": \"y\"}", null).statusCode())
                .isEqualTo(409);
        assertThat(write(PLANNER, "DELETE", "/api/scenarios/" + id, null, null).statusCode()).isEqualTo(409);
        assertThat(write(PLANNER, "POST", "/api/scenarios/" + id + "/apply", null, null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void aScenarioWhoseWorkHasGoneIsNotAppliedAndNothingIsWritten() {
        JsonNode road = as(ANALYST, "/ogcapi/collections/roads/items?limit=2&filter=" + encode("status = 'planned'"))
                .path("features").get(1);
        String roadId = road.path("id").asString();
        String id = create("{\"name\": \"两处改动\", \"overrides\": [{\"collection\": \"facilities\", \"id\": "
                + "\"facility-02\", \"properties\": {\"completion_date\": \"2030-06-30\"}}], \"removals\": "
                + "[{\"collection\": \"roads\", \"id\": \"" + roadId + "\"}]}");
        HttpResponse<String> gone = write(ADMIN, "DELETE", "/ogcapi/collections/roads/items/" + roadId, null, null);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        HttpResponse<String> refused = write(PLANNER, "POST", "/api/scenarios/" + id + "/apply", null, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(as(ANALYST, "/ogcapi/collections/facilities/items/facility-02").path("properties")
                .path("completion_date").asString()).as("the override before it was not kept").isEqualTo("2019-06-30");
        assertThat(as(ANALYST, "/api/scenarios/" + id).path("state").asString()).isEqualTo("draft");
    }

    // ------------------------------------------------------------------------------------------------------------

    private String create(String document) {
        HttpResponse<String> created = write(PLANNER, "POST", "/api/scenarios", document, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    /** Every parcel's day per readiness item, in the park as planned (null) or inside a scenario. */
    private Map<String, Map<String, LocalDate>> itemDates(String scenario) {
        JsonNode parcels = as(ANALYST, "/api/readiness/parcels" + (scenario == null ? "" : "?scenario=" + scenario))
                .path("parcels");
        Map<String, Map<String, LocalDate>> dates = new HashMap<>();
        for (Map.Entry<String, JsonNode> parcel : parcels.properties()) {
            Map<String, LocalDate> items = new HashMap<>();
            parcel.getValue().properties().forEach(e -> items.put(e.getKey(), e.getValue().isNull() ? null
                    : LocalDate.parse(e.getValue().asString())));
            dates.put(parcel.getKey(), items);
        }
        return dates;
    }

    private String servingLine(String parcel, String item) {
        for (JsonNode answer : as(ANALYST, "/api/parcels/" + parcel + "/readiness").path("items")) {
            if (answer.path("item").asString().equals(item)) {
                return answer.path("servingLine").asString();
            }
        }
        throw new AssertionError(parcel + " has no " + item);
    }

    /** A layer's geometries in EPSG:4546 (metres), as the server stores them. */
    private Map<String, Geometry> geometries(String collection, String filter) {
        JsonNode features = as(ANALYST, "/ogcapi/collections/" + collection + "/items?limit=10000&crs="
                + encode(Crs.CGCS2000_GK_CM_111E.uri()) + (filter == null ? "" : "&filter=" + encode(filter)))
                .path("features");
        Map<String, Geometry> geometries = new HashMap<>();
        for (JsonNode feature : features) {
            // GeoJSON in EPSG:4546 is in its axis order (northing, easting): read as x/y and swap back
            Geometry swapped = GeoJsonGeometry.read(feature.path("geometry"), "/geometry");
            swapped.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
                double x = c.x;
                c.x = c.y;
                c.y = x;
            });
            swapped.geometryChanged();
            geometries.put(feature.path("id").asString(), swapped);
        }
        return geometries;
    }

    private static String text(JsonNode node, String member) {
        return node.path(member).isNull() || node.path(member).isMissingNode() ? null : node.path(member).asString();
    }

    private static LocalDate readyDate(Map<String, LocalDate> items) {
        LocalDate latest = LocalDate.MIN;
        for (LocalDate day : items.values()) {
            if (day == null) {
                return null;
            }
            latest = day.isAfter(latest) ? day : latest;
        }
        return latest;
    }

    private static boolean ready(Map<String, LocalDate> items, LocalDate day) {
        LocalDate ready = readyDate(items);
        return ready != null && !ready.isAfter(day);
    }

    private JsonNode as(String user, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, user.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD)).GET().build());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> write(String user, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, user.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
