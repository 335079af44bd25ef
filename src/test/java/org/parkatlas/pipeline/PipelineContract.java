package org.parkatlas.pipeline;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investment pipeline as its users meet it, on both stores: an investment officer moves a project from one pool
 * to the next and the zone's figures move with it; a return needs a reason and clears the later dates; the project's
 * rules hold through every door; and each reader sees only what is theirs — the public no unsigned project and no
 * negotiation, planners the pools but not the talks, and only the investment bureau may write.
 */
@TestPropertySource(properties = {"parkatlas.pipeline.targets.2026.signings=5",
        "parkatlas.pipeline.targets.2026.investment-yi=80"})
public abstract class PipelineContract extends ParkAtlasServerTest {

    private static final String INVESTMENT = "zhaoshang";
    private static final String PLANNER = "guihua";
    private static final String PASSWORD = "pipeline-test-1";
    private static final Set<String> CONFIDENTIAL = Set.of("contact", "negotiation_notes", "stage_reason",
            "enquiry_id");
    private static final Set<String> INTERNAL = Set.of("official", "funds_received_yi", "actual_output_yi");

    @BeforeEach
    void accounts() {
        for (String[] account : new String[][]{{INVESTMENT, "investment"}, {PLANNER, "planner"}}) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/api/accounts")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + account[0] + "\",\"password\":\""
                            + PASSWORD + "\",\"roles\":[\"" + account[1] + "\"]}")).build());
            assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        }
    }

    @Test
    void anInvestmentOfficerMovesASignedProjectToConstructionAndTheStartRateMoves() {
        JsonNode before = as(INVESTMENT, "/api/pipeline").path("figures");
        int signed = before.path("signed").asInt();
        int started = before.path("started").asInt();
        assertThat(before.path("start_rate").asDouble()).isCloseTo((double) started / signed,
                org.assertj.core.data.Offset.offset(1e-9));

        HttpResponse<String> moved = move(INVESTMENT, "project-2025-006", "{\"to\": \"under_construction\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode project = JSON.readTree(moved.body());
        assertThat(project.path("stage").asString()).isEqualTo("under_construction");
        assertThat(project.path("construction_date").asString()).isEqualTo(LocalDate.now().toString());

        JsonNode after = as(INVESTMENT, "/api/pipeline").path("figures");
        assertThat(after.path("started").asInt()).isEqualTo(started + 1);
        assertThat(after.path("start_rate").asDouble()).isCloseTo((double) (started + 1) / signed,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(codes(after.path("overdue"))).doesNotContain("XM-2025-006");
        // its parcel shows the pool it has reached, to every reader (it is signed)
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items?filter=" + encode("code = 'GT-Z3-015'"))
                .path("features").get(0).path("properties");
        assertThat(parcel.path("pipeline_stage").asString()).isEqualTo("under_construction");
        // the same when only the pool is asked for (it is worked out from the parcel's code, which is not asked for)
        assertThat(getJson("/ogcapi/collections/parcels/items?properties=pipeline_stage&filter=" + encode(
                "code = 'GT-Z3-015'")).path("features").get(0).path("properties").path("pipeline_stage").asString())
                .isEqualTo("under_construction");
        // the history says who moved it, from where to where
        JsonNode history = as(PLANNER, "/api/projects/project-2025-006/history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("by").asString()).isEqualTo(INVESTMENT);
        assertThat(last.path("stage_from").asString()).isEqualTo("signed");
        assertThat(last.path("stage_to").asString()).isEqualTo("under_construction");
    }

    @Test
    void aReturnNeedsItsReasonClearsTheLaterDatesAndOnlyTheBureauReadsWhy() {
        String version = etag("project-2025-004");
        HttpResponse<String> refused = move(INVESTMENT, "project-2025-004", "{\"to\": \"signed\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body()).path("pointer").asString()).isEqualTo("/reason");
        assertThat(etag("project-2025-004")).as("nothing written").isEqualTo(version);

        HttpResponse<String> returned = move(INVESTMENT, "project-2025-004",
                "{\"to\": \"signed\", \"reason\": \"施工图审查未通过，暂缓开工\"}");
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        JsonNode project = JSON.readTree(returned.body());
        assertThat(project.path("stage").asString()).isEqualTo("signed");
        assertThat(project.has("construction_date")).isFalse();
        assertThat(project.path("signed_date").asString()).isEqualTo("2024-09-02");

        JsonNode bureau = as(INVESTMENT, "/api/projects/project-2025-004/history");
        JsonNode entry = bureau.get(bureau.size() - 1);
        assertThat(entry.path("stage_to").asString()).isEqualTo("signed");
        assertThat(entry.path("reason").asString()).isEqualTo("施工图审查未通过，暂缓开工");
        JsonNode planner = as(PLANNER, "/api/projects/project-2025-004/history");
        assertThat(planner.get(planner.size() - 1).has("reason")).isFalse();
        assertThat(get("/api/projects/project-2025-004/history").statusCode()).isEqualTo(401);
    }

    @Test
    void theRulesHoldThroughEveryDoorAndAMoveIsOnePoolAtATime() {
        HttpResponse<String> leap = move(INVESTMENT, "project-2026-010", "{\"to\": \"in_production\"}");
        assertThat(leap.statusCode()).isEqualTo(422);
        assertThat(leap.body()).contains("/to");
        // through the OGC API: a pool without its day, a day in the future, land that is not there
        String tomorrow = LocalDate.now().plusDays(1).toString();
        for (String patch : List.of("{\"properties\": {\"stage\": \"signed\"}}",
                "{\"properties\": {\"engaged_date\": \"" + tomorrow + "\"}}",
                "{\"properties\": {\"parcel_codes\": [\"GT-NOWHERE-1\"]}}")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(url(
                            "/ogcapi/collections/projects/items/project-2026-010")))
                    .header("Authorization", basic(INVESTMENT, PASSWORD))
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build());
            assertThat(refused.statusCode()).as(patch + " → " + refused.body()).isIn(409, 422);
            assertThat(refused.body()).as(patch).containsAnyOf("stage-dates", "project-parcels");
        }
        assertThat(as(INVESTMENT, "/ogcapi/collections/projects/items/project-2026-010").path("properties")
                .path("stage").asString()).isEqualTo("negotiating");
    }

    @Test
    void thePublicSeesSignedProjectsWithoutTheTalksAndPlannersThePoolsWithoutTheTalks() {
        JsonNode all = as(INVESTMENT, "/ogcapi/collections/projects/items?limit=1000");
        List<String> signedIds = new ArrayList<>();
        List<String> unsignedIds = new ArrayList<>();
        for (JsonNode f : all.path("features")) {
            String stage = f.path("properties").path("stage").asString();
            (Stage.of(stage).orElseThrow().signed() ? signedIds : unsignedIds).add(f.path("id").asString());
            assertThat(f.path("geometry").isNull()).isTrue();
        }
        assertThat(unsignedIds).isNotEmpty();
        assertThat(all.path("features").get(0).path("properties").has("negotiation_notes")).isTrue();

        JsonNode shown = getJson("/ogcapi/collections/projects/items?limit=1000");
        assertThat(shown.path("numberMatched").asInt()).isEqualTo(signedIds.size());
        for (JsonNode f : shown.path("features")) {
            assertThat(signedIds).contains(f.path("id").asString());
            assertThat(names(f.path("properties"))).doesNotContainAnyElementsOf(CONFIDENTIAL)
                    .doesNotContainAnyElementsOf(INTERNAL);
        }
        assertThat(get("/ogcapi/collections/projects/items/" + unsignedIds.get(0)).statusCode()).isEqualTo(404);
        assertThat(get("/ogcapi/collections/projects/tiles").statusCode()).as("a catalogue has no tiles")
                .isEqualTo(404);
        assertThat(get("/ogcapi/collections/projects/queryables").body()).contains("\"stage\"")
                .doesNotContain("negotiation_notes").doesNotContain("\"geometry\"");
        assertThat(get("/ogcapi/collections/projects/items?filter=" + encode("negotiation_notes IS NULL"))
                .statusCode()).isEqualTo(400);
        assertThat(get("/ogcapi/collections/projects/items?filter=" + encode("stage = 'negotiating'")).body())
                .contains("\"numberMatched\":0");
        JsonNode publicBoard = getJson("/api/pipeline");
        for (JsonNode pool : publicBoard.path("pools")) {
            if (!Stage.of(pool.path("stage").asString()).orElseThrow().signed()) {
                assertThat(pool.path("projects").asInt()).as(pool.toString()).isZero();
            }
        }
        assertThat(publicBoard.path("figures").path("funds_received_rate").isNull()).isTrue();
        HttpResponse<String> download = get("/api/export/projects.csv");
        assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
        String csv = download.body();
        assertThat(csv.lines().count()).isEqualTo(signedIds.size() + 1L);
        assertThat(csv).contains("XM-2025-001").doesNotContain("negotiation_notes").doesNotContain("official");
        for (String id : unsignedIds) {
            assertThat(csv).doesNotContain(id);
        }
        // the public's parcels never show a project still in talks
        JsonNode parcels = getJson("/ogcapi/collections/parcels/items?limit=1000&properties=pipeline_stage");
        assertThat(parcels.path("features").valueStream().filter(p -> p.path("properties").has("pipeline_stage")))
                .as("the signed projects' parcels").isNotEmpty();
        for (JsonNode p : parcels.path("features")) {
            String stage = p.path("properties").path("pipeline_stage").asString(null);
            assertThat(stage == null || Stage.of(stage).orElseThrow().signed()).as(p.toString()).isTrue();
        }

        JsonNode planner = as(PLANNER, "/ogcapi/collections/projects/items?limit=1000");
        assertThat(planner.path("numberMatched").asInt()).isEqualTo(signedIds.size() + unsignedIds.size());
        Set<String> plannerSees = new HashSet<>();
        planner.path("features").forEach(f -> plannerSees.addAll(names(f.path("properties"))));
        assertThat(plannerSees).contains("official", "stage").doesNotContainAnyElementsOf(CONFIDENTIAL);
        assertThat(as(PLANNER, "/api/pipeline").path("figures").path("funds_received_rate").isNumber()).isTrue();
    }

    @Test
    void onlyTheInvestmentBureauWritesThePipelineAndItWritesNothingElse() {
        HttpResponse<String> planner = move(PLANNER, "project-2026-011", "{\"to\": \"signed\"}");
        assertThat(planner.statusCode()).isEqualTo(403);
        HttpResponse<String> patch = send(HttpRequest.newBuilder(URI.create(url(
                        "/ogcapi/collections/projects/items/project-2026-011")))
                .header("Authorization", basic(PLANNER, PASSWORD)).header("Content-Type",
                        "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\": {\"name\": \"x\"}}")).build());
        assertThat(patch.statusCode()).isEqualTo(403);
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items?limit=1").path("features").get(0);
        HttpResponse<String> parcelPatch = send(HttpRequest.newBuilder(URI.create(url(
                        "/ogcapi/collections/parcels/items/" + parcel.path("id").asString())))
                .header("Authorization", basic(INVESTMENT, PASSWORD)).header("Content-Type",
                        "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\": {\"notes\": \"x\"}}")).build());
        assertThat(parcelPatch.statusCode()).isEqualTo(403);
        assertThat(move(null, "project-2026-011", "{\"to\": \"signed\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void theYearsSigningsAreMeasuredAgainstItsTargets() {
        JsonNode figures = as(INVESTMENT, "/api/pipeline?as_of=2026-11-30").path("figures");
        assertThat(figures.path("target_signings").asLong()).isEqualTo(5);
        assertThat(figures.path("target_investment_yi").asDouble()).isEqualTo(80.0);
        // signed in 2026 by 30 November, in the sample: XM-2026-007 (30.0 亿元, 2026-03-30) and XM-2026-008 (4.0)
        assertThat(figures.path("signed_this_year").asInt()).isEqualTo(2);
        assertThat(figures.path("signed_investment_this_year_yi").asDouble()).isEqualTo(34.0);
        JsonNode earlier = as(INVESTMENT, "/api/pipeline?as_of=2026-05-01").path("figures");
        assertThat(earlier.path("signed_this_year").asInt()).isEqualTo(1);
        assertThat(get("/api/pipeline?as_of=2026-13-01").statusCode()).isEqualTo(400);
    }

    @Test
    void anEnquiryBecomesAProjectInNegotiationInOneStep() {
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + encode("status = 'available'"))
                .path("features").get(0);
        HttpResponse<String> sent = send(HttpRequest.newBuilder(URI.create(url("/api/enquiries")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"钱女士\", \"organisation\": \"示例新材料有限公司\", \"contact\": "
                                + "\"13800000000\", \"industry\": \"optoelectronic_materials\", \"land_need_mu\": 42, "
                                + "\"message\": \"希望了解地价与供电\", \"parcels\": [\"" + parcel.path("id").asString()
                                + "\"]}")).build());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String enquiry = JSON.readTree(sent.body()).path("id").asString();

        HttpResponse<String> made = send(HttpRequest.newBuilder(URI.create(url("/api/enquiries/" + enquiry
                + "/project"))).header("Authorization", basic(INVESTMENT, PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode project = JSON.readTree(made.body());
        assertThat(project.path("stage").asString()).isEqualTo("negotiating");
        assertThat(project.path("investor").asString()).isEqualTo("示例新材料有限公司");
        assertThat(project.path("industry_chain").asString()).isEqualTo("optoelectronic_materials");
        assertThat(project.path("land_demand_mu").asDouble()).isEqualTo(42.0);
        assertThat(project.path("parcel_codes").get(0).asString()).isEqualTo(parcel.path("properties").path("code")
                .asString());
        assertThat(project.path("engaged_date").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(project.path("negotiation_notes").asString()).isEqualTo("希望了解地价与供电");
        String id = project.path("id").asString();
        JsonNode enquiries = as(INVESTMENT, "/api/enquiries");
        for (JsonNode e : enquiries) {
            if (e.path("id").asString().equals(enquiry)) {
                assertThat(e.path("status").asString()).isEqualTo("contacted");
            }
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/enquiries/" + enquiry + "/project")))
                .header("Authorization", basic(INVESTMENT, PASSWORD)).POST(HttpRequest.BodyPublishers.noBody())
                .build()).statusCode()).as("one project per enquiry").isEqualTo(409);
        assertThat(get("/ogcapi/collections/projects/items/" + id).statusCode()).as("in talks: not public")
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/enquiries/" + enquiry + "/project")))
                .header("Authorization", basic(PLANNER, PASSWORD)).POST(HttpRequest.BodyPublishers.noBody())
                .build()).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> move(String user, String id, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/projects/" + id + "/transitions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return send(request.build());
    }

    private JsonNode as(String user, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, PASSWORD)).GET().build());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String etag(String id) {
        return send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/projects/items/" + id)))
                .header("Authorization", basic(INVESTMENT, PASSWORD)).GET().build()).headers().firstValue("ETag")
                .orElseThrow();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> codes(JsonNode projects) {
        List<String> codes = new ArrayList<>();
        projects.forEach(p -> codes.add(p.path("code").asString()));
        return codes;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
