package org.parkatlas.scenario.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.ETags;
import org.parkatlas.http.Http;
import org.parkatlas.http.JsonBody;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.http.RequestLanguage;
import org.parkatlas.pipeline.Project;
import org.parkatlas.scenario.Scenario;
import org.parkatlas.scenario.ScenarioCompare;
import org.parkatlas.scenario.ScenarioComparison;
import org.parkatlas.scenario.ScenarioReport;
import org.parkatlas.scenario.Scenarios;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenarios over HTTP: {@code /api/scenarios} (list, create), {@code /api/scenarios/{id}} (read, edit by merge
 * patch, delete), {@code …/apply}, {@code …/history} and {@code …/compare?as_of=&f=json|csv|pdf}. Staff read them;
 * planners write them (the security configuration says who may).
 */
@RestController
class ScenarioController {

    private static final Label DOCUMENT = Label.of("方案文档 {\"name\": …, \"overrides\": […], \"additions\": […], "
            + "\"removals\": […]}", "a scenario document {\"name\": …, \"overrides\": […], \"additions\": […], "
            + "\"removals\": […]}");
    private static final Set<String> FORMATS = Set.of("json", "csv", "pdf");

    private final Scenarios scenarios;
    private final ScenarioCompare compare;
    private final ScenarioReport report;

    ScenarioController(Scenarios scenarios, ScenarioCompare compare, ScenarioReport report) {
        this.scenarios = scenarios;
        this.compare = compare;
        this.report = report;
    }

    @GetMapping(value = "/api/scenarios", produces = Http.JSON)
    List<Map<String, Object>> list(HttpServletRequest request) {
        Language language = RequestLanguage.of(request);
        return scenarios.all().stream().map(s -> summary(s, language)).toList();
    }

    @PostMapping(value = "/api/scenarios", consumes = Http.JSON, produces = Http.JSON)
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) byte[] body, Principal user,
                                               HttpServletRequest request) {
        Scenario created = scenarios.create(JsonBody.parse(body, DOCUMENT), user.getName());
        return ResponseEntity.created(URI.create("/api/scenarios/" + created.id())).eTag(ETags.of(created.version()))
                .body(whole(created, RequestLanguage.of(request)));
    }

    @GetMapping(value = "/api/scenarios/{id}", produces = Http.JSON)
    ResponseEntity<Map<String, Object>> get(@PathVariable String id, HttpServletRequest request) {
        Scenario scenario = scenarios.require(id, RequestAudience.of(request));
        return ResponseEntity.ok().eTag(ETags.of(scenario.version())).body(whole(scenario,
                RequestLanguage.of(request)));
    }

    @PatchMapping(value = "/api/scenarios/{id}", consumes = {Http.MERGE_PATCH, Http.JSON}, produces = Http.JSON)
    ResponseEntity<Map<String, Object>> edit(@PathVariable String id, @RequestBody(required = false) byte[] body,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch, Principal user, HttpServletRequest request) {
        Scenario edited = scenarios.edit(id, JsonBody.parse(body, DOCUMENT), ETags.expectedVersion(ifMatch),
                user.getName());
        return ResponseEntity.ok().eTag(ETags.of(edited.version())).body(whole(edited, RequestLanguage.of(request)));
    }

    @DeleteMapping("/api/scenarios/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, Principal user) {
        scenarios.delete(id, ETags.expectedVersion(ifMatch), user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/api/scenarios/{id}/apply", produces = Http.JSON)
    ResponseEntity<Map<String, Object>> apply(@PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, Principal user, HttpServletRequest request) {
        Scenario applied = scenarios.apply(id, ETags.expectedVersion(ifMatch), user.getName());
        return ResponseEntity.ok().eTag(ETags.of(applied.version())).body(whole(applied,
                RequestLanguage.of(request)));
    }

    @GetMapping(value = "/api/scenarios/{id}/history", produces = Http.JSON)
    List<Map<String, Object>> history(@PathVariable String id, HttpServletRequest request) {
        return scenarios.history(id, RequestAudience.of(request));
    }

    @GetMapping("/api/scenarios/{id}/compare")
    ResponseEntity<?> compare(@PathVariable String id, @RequestParam(name = "as_of", required = false) String asOf,
                              @RequestParam(name = "f", required = false) String format,
                              @RequestParam(name = "status", required = false) String status,
                              HttpServletRequest request) {
        String f = format == null ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw ApiException.badParameter("f", Label.of("f 须为 json、csv 或 pdf", "f is json, csv or pdf"));
        }
        LocalDate day = AsOf.parse(asOf);
        Audience audience = RequestAudience.of(request);
        Language language = RequestLanguage.of(request);
        ScenarioCompare.Answer answer = compare.compare(id, day, audience);
        if (status != null && !status.isBlank()) {
            answer = answer.onlyStatuses(Set.of(status.split(",")));
        }
        String file = "scenario-" + answer.scenario().id().substring(0, 8) + "-compare-" + day;
        if (f.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file + ".csv")
                            .build().toString()).body(report.csv(answer, language));
        }
        if (f.equals("pdf")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file + ".pdf")
                            .build().toString()).body(report.pdf(answer, language));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(comparison(answer, language));
    }

    private Map<String, Object> summary(Scenario s, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("version", s.version());
        out.put("name", s.name());
        out.put("description", s.description());
        out.put("state", s.state().id());
        out.put("state_label", s.state().label().in(language));
        out.put("overrides", s.change().overrides().size());
        out.put("additions", s.change().additions().size());
        out.put("removals", s.change().removals().size());
        out.put("created_by", s.createdBy());
        out.put("created_at", s.createdAt().toString());
        out.put("updated_by", s.updatedBy());
        out.put("updated_at", s.updatedAt().toString());
        return out;
    }

    private Map<String, Object> whole(Scenario s, Language language) {
        Map<String, Object> out = summary(s, language);
        out.putAll(s.change().document());
        out.put("links", Map.of("self", "/api/scenarios/" + s.id(), "compare", "/api/scenarios/" + s.id()
                + "/compare", "history", "/api/scenarios/" + s.id() + "/history", "items",
                "/ogcapi/collections/parcels/items?scenario=" + s.id()));
        return out;
    }

    private static Map<String, Object> comparison(ScenarioCompare.Answer answer, Language language) {
        ScenarioComparison.Result r = answer.result();
        Map<String, Object> out = new LinkedHashMap<>();
        Scenario s = answer.scenario();
        out.put("scenario", Map.of("id", s.id(), "name", s.name(), "state", s.state().id(), "version", s.version()));
        out.put("as_of", r.asOf().toString());
        out.put("parcels", r.rows().stream().map(row -> row(row, language)).toList());
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("park", totals(r.park(), null, language));
        totals.put("by_zone", r.byZone().stream().map(t -> totals(t, answer.zones(), language)).toList());
        totals.put("by_industrial_park", r.byIndustrialPark().stream().map(t -> totals(t, answer.industrialParks(),
                language)).toList());
        out.put("totals", totals);
        out.put("projects_at_risk", r.projectsAtRisk().stream().map(p -> project(p, language)).toList());
        return out;
    }

    private static Map<String, Object> row(ScenarioComparison.Row row, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        ScenarioComparison.Parcel p = row.parcel();
        out.put("id", p.id());
        out.put("code", p.code());
        out.put("status", p.status());
        out.put("zone", p.zone());
        out.put("industrial_park", p.industrialPark());
        out.put("area_mu", p.areaMu());
        out.put("area_m2", p.areaM2());
        out.put("baseline_ready_date", date(row.baseline()));
        out.put("scenario_ready_date", date(row.scenario()));
        out.put("days", row.days());
        out.put("change", row.change().id());
        out.put("change_label", ScenarioReport.change(row.change()).in(language));
        out.put("baseline_ready_on_as_of", row.readyOnDayBaseline());
        out.put("scenario_ready_on_as_of", row.readyOnDayScenario());
        out.put("items", row.items().stream().map(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", i.item().id());
            item.put("label", i.item().label().in(language));
            item.put("baseline_ready_date", date(i.baseline()));
            item.put("scenario_ready_date", date(i.scenario()));
            item.put("days", i.days());
            return item;
        }).toList());
        out.put("projects", row.projects().stream().map(r -> project(r, language)).toList());
        return out;
    }

    private static Map<String, Object> project(ScenarioComparison.ProjectAtRisk risk, Language language) {
        Project project = risk.project();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", project.id());
        out.put("code", project.code());
        out.put("name", language == Language.EN && project.nameEn() != null ? project.nameEn() : project.name());
        out.put("stage", risk.stage() == null ? null : risk.stage().id());
        out.put("stage_label", risk.stage() == null ? null : risk.stage().label().in(language));
        out.put("parcel_code", risk.parcelCode());
        out.put("planned_start_date", date(risk.plannedStart()));
        out.put("scenario_ready_date", date(risk.scenarioReadyDate()));
        out.put("start_at_risk", risk.startAtRisk());
        return out;
    }

    private static Map<String, Object> totals(ScenarioComparison.Totals t, Map<String, Label> names,
                                              Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (names != null) {
            out.put("code", t.key().isEmpty() ? null : t.key());
            Label name = names.get(t.key());
            out.put("name", name == null ? null : name.in(language));
        }
        out.put("parcels", t.parcels());
        out.put("area_mu", t.areaMu());
        out.put("baseline_ready", t.readyBaseline());
        out.put("baseline_ready_mu", t.readyBaselineMu());
        out.put("scenario_ready", t.readyScenario());
        out.put("scenario_ready_mu", t.readyScenarioMu());
        out.put("slipping", t.slipping());
        out.put("slipping_mu", t.slippingMu());
        out.put("gaining", t.gaining());
        return out;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
