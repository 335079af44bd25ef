package org.parkatlas.pipeline.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.ETags;
import org.parkatlas.http.Http;
import org.parkatlas.http.JsonBody;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.http.RequestLanguage;
import org.parkatlas.pipeline.Pipeline;
import org.parkatlas.pipeline.PipelineFigures;
import org.parkatlas.pipeline.Project;
import org.parkatlas.pipeline.ProjectMove;
import org.parkatlas.pipeline.Stage;
import org.parkatlas.problem.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline over HTTP: {@code GET /api/pipeline?as_of=} (the five pools and the zone's figures, per zone and
 * industrial park too), {@code POST /api/projects/{id}/transitions} (a move to another pool) and
 * {@code GET /api/projects/{id}/history}. What each reader sees is the pipeline's to say (the public: signed projects).
 */
@RestController
class PipelineController {

    private static final Label TRANSITION = Label.of("{\"to\": \"under_construction\", \"date\": \"2026-12-01\", "
            + "\"reason\": \"…\"}", "{\"to\": \"under_construction\", \"date\": \"2026-12-01\", \"reason\": \"…\"}");

    private final Pipeline pipeline;

    PipelineController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @GetMapping(value = "/api/pipeline", produces = Http.JSON)
    Map<String, Object> board(@RequestParam(name = "as_of", required = false) String asOf, HttpServletRequest request) {
        LocalDate day = AsOf.parse(asOf);
        Audience audience = RequestAudience.of(request);
        Language language = RequestLanguage.of(request);
        List<Project> projects = pipeline.projects(Filter.INCLUDE, new ReadContext(day, audience));
        Map<String, PipelineFigures.Place> places = pipeline.places();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("as_of", day.toString());
        List<Map<String, Object>> pools = new ArrayList<>();
        for (PipelineFigures.Pool pool : PipelineFigures.board(projects, day)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("stage", pool.stage().id());
            p.put("title", pool.stage().label().in(language));
            p.put("projects", pool.projects());
            p.put("total_investment_yi", round(pool.totalInvestmentYi()));
            p.put("fixed_investment_yi", round(pool.fixedInvestmentYi()));
            p.put("land_demand_mu", round(pool.landDemandMu()));
            p.put("members", pool.members().stream().map(PipelineController::member).toList());
            pools.add(p);
        }
        body.put("pools", pools);
        body.put("figures", figures(pipeline.figures(projects, day)));
        body.put("by_zone", byPlace(PipelineFigures.byPlace(projects, places, PipelineFigures.Place::zone, day)));
        body.put("by_industrial_park", byPlace(PipelineFigures.byPlace(projects, places,
                PipelineFigures.Place::industrialPark, day)));
        return body;
    }

    @PostMapping(value = "/api/projects/{id}/transitions", consumes = Http.JSON, produces = Http.JSON)
    Map<String, Object> move(@PathVariable String id, @RequestBody(required = false) byte[] raw,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             Principal user, HttpServletResponse response) {
        JsonNode body = JsonBody.parse(raw, TRANSITION);
        if (!body.isObject()) {
            throw new InvalidInputException("", Label.of("请求体须为 JSON 对象：" + TRANSITION.zh(),
                    "the body is a JSON object: " + TRANSITION.en()));
        }
        String to = body.path("to").isString() ? body.path("to").asString() : null;
        Stage stage = Stage.of(to).orElseThrow(() -> InvalidInputException.unprocessable("/to", Label.of(
                "to 须为 planning、negotiating、signed、under_construction 或 in_production",
                "to is one of planning, negotiating, signed, under_construction, in_production")));
        LocalDate day = null;
        if (body.hasNonNull("date")) {
            if (!body.get("date").isString()) {
                throw InvalidInputException.unprocessable("/date", Label.of("date 须为 YYYY-MM-DD 日期",
                        "date is a YYYY-MM-DD date"));
            }
            try {
                day = AsOf.parse(body.get("date").asString());
            } catch (RuntimeException e) {
                throw InvalidInputException.unprocessable("/date", Label.of("date 须为 1900–2199 年间的 YYYY-MM-DD 日期",
                        "date is a YYYY-MM-DD date between 1900 and 2199"));
            }
        }
        JsonNode reasonNode = body.get("reason");
        if (reasonNode != null && !reasonNode.isNull() && !reasonNode.isString()) {
            throw InvalidInputException.unprocessable("/reason", Label.of("reason 须为文字", "reason is text"));
        }
        String reason = reasonNode == null || reasonNode.isNull() ? null : reasonNode.asString();
        Feature moved = pipeline.move(id, stage, day, reason, ETags.expectedVersion(ifMatch), user.getName());
        response.setHeader(HttpHeaders.ETAG, ETags.of(moved));
        return project(moved);
    }

    /** An investor's enquiry taken into 对接库 as a project, in one step; 201 with the project. */
    @PostMapping(value = "/api/enquiries/{id}/project", produces = Http.JSON)
    org.springframework.http.ResponseEntity<Map<String, Object>> fromEnquiry(@PathVariable String id, Principal user) {
        Feature created = pipeline.fromEnquiry(id, user.getName());
        return org.springframework.http.ResponseEntity.created(URI.create("/ogcapi/collections/projects/items/"
                + created.id())).eTag(ETags.of(created)).body(project(created));
    }

    @GetMapping(value = "/api/projects/{id}/history", produces = Http.JSON)
    List<Map<String, Object>> history(@PathVariable String id, HttpServletRequest request) {
        Language language = RequestLanguage.of(request);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ProjectMove move : pipeline.history(id, RequestAudience.of(request))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", move.version());
            entry.put("operation", move.operation());
            entry.put("by", move.actor());
            entry.put("at", move.at().toString());
            entry.put("stage_from", move.stageFrom());
            entry.put("stage_to", move.stageTo());
            entry.put("moved", move.moved());
            if (move.reason() != null) {
                entry.put("reason", move.reason());
            }
            if (move.note() != null) {
                entry.put("note", move.note().in(language));
            }
            entries.add(entry);
        }
        return entries;
    }

    /** A project as its writer (the investment bureau) reads it back: the id, the version and every attribute. */
    private static Map<String, Object> project(Feature feature) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", feature.id());
        answer.put("version", feature.version());
        feature.properties().forEach((k, v) -> answer.put(k, v instanceof LocalDate d ? d.toString() : v));
        return answer;
    }

    private static Map<String, Object> member(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("name_en", p.nameEn());
        m.put("investor", p.investor());
        m.put("total_investment_yi", p.totalInvestment());
        m.put("land_demand_mu", p.landDemand());
        m.put("parcel_codes", p.parcelCodes());
        return m;
    }

    private static Map<String, Object> figures(PipelineFigures.Figures f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signed_this_year", f.signedThisYear());
        out.put("signed_investment_this_year_yi", round(f.signedInvestmentThisYearYi()));
        out.put("target_signings", f.targetSignings());
        out.put("target_investment_yi", f.targetInvestmentYi());
        out.put("signed", f.signed());
        out.put("started", f.started());
        out.put("producing", f.producing());
        out.put("full_production", f.fullProduction());
        out.put("start_rate", f.startRate());
        out.put("commissioning_rate", f.commissioningRate());
        out.put("target_output_rate", f.targetOutputRate());
        out.put("funds_received_rate", f.fundsReceivedRate());
        out.put("overdue", f.overdue().stream().map(o -> {
            Map<String, Object> m = member(o.project());
            m.put("planned_start_date", o.project().plannedStart().toString());
            m.put("days_late", o.daysLate());
            return m;
        }).toList());
        return out;
    }

    private static List<Map<String, Object>> byPlace(Map<String, PipelineFigures.Figures> groups) {
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((place, f) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("place", place);
            m.putAll(figures(f));
            out.add(m);
        });
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
