package org.parkatlas.scenario;

import org.parkatlas.brochure.Brochures;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.exchange.Csv;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The list of parcels a scenario moves, for the bureau's meeting: as CSV (Excel, WPS) and as a PDF with the totals per
 * zone and industrial park and the pipeline projects whose start is at risk. In the reader's language.
 */
@Component
public class ScenarioReport {

    private final Brochures brochures;
    private final org.parkatlas.catalog.Attribute status;

    ScenarioReport(Brochures brochures, org.parkatlas.catalog.Catalog catalog) {
        this.brochures = brochures;
        this.status = catalog.require(org.parkatlas.catalog.ParkLayer.PARCELS).attribute("status").orElseThrow();
    }

    public String csv(ScenarioCompare.Answer answer, Language language) {
        StringWriter out = new StringWriter();
        try {
            Csv.begin(out);
            Csv.line(out, header(language));
            for (ScenarioComparison.Row row : answer.result().rows()) {
                Csv.line(out, cells(row, answer, language));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public byte[] pdf(ScenarioCompare.Answer answer, Language language) {
        ScenarioComparison.Result result = answer.result();
        List<Brochures.ReportTable> tables = new ArrayList<>();
        List<List<String>> parcels = new ArrayList<>();
        parcels.add(header(language));
        result.rows().forEach(row -> parcels.add(cells(row, answer, language)));
        tables.add(new Brochures.ReportTable(say(language, "地块", "Parcels") + " (" + result.rows().size() + ")",
                say(language, "方案使其七通一平（或九通一平）日期变化的地块；天数为正即推迟", "parcels whose fully serviced day the "
                        + "scenario moves; positive days are a slip"), parcels));
        tables.add(new Brochures.ReportTable(say(language, "分区合计", "By zone"), say(language,
                "截至 " + result.asOf() + " 完全具备条件的地块与亩数", "parcels and mu fully serviced by " + result.asOf()),
                totals(result.byZone(), answer.zones(), language)));
        tables.add(new Brochures.ReportTable(say(language, "产业园合计", "By industrial park"), null,
                totals(result.byIndustrialPark(), answer.industrialParks(), language)));
        List<List<String>> projects = new ArrayList<>();
        projects.add(List.of(say(language, "项目", "Project"), say(language, "所在库", "Pool"),
                say(language, "地块", "Parcel"), say(language, "计划开工", "Planned start"),
                say(language, "方案下具备条件", "Serviced in scenario"), say(language, "开工受影响", "Start at risk")));
        for (ScenarioComparison.ProjectAtRisk p : result.projectsAtRisk()) {
            projects.add(List.of(language == Language.EN && p.project().nameEn() != null ? p.project().nameEn()
                            : p.project().name(), p.stage() == null ? "" : p.stage().label().in(language),
                    p.parcelCode(), date(p.plannedStart()), p.scenarioReadyDate() == null ? say(language, "无", "never")
                            : p.scenarioReadyDate().toString(), p.startAtRisk() ? say(language, "是", "yes")
                            : say(language, "否", "no")));
        }
        tables.add(new Brochures.ReportTable(say(language, "受影响的招商项目", "Pipeline projects on parcels that slip"),
                null, projects));
        Scenario s = answer.scenario();
        return brochures.report(say(language, "方案比选：", "Scenario: ") + s.name(), say(language,
                        "与现行计划相比 · 截至 " + result.asOf() + " · 状态：" + s.state().label().zh(),
                        "against the park as planned · as of " + result.asOf() + " · " + s.state().label().en()),
                tables, say(language, "ParkAtlas 生成于 " + LocalDate.now() + "；方案第 " + s.version() + " 版",
                        "Made by ParkAtlas on " + LocalDate.now() + "; scenario version " + s.version()));
    }

    private static List<String> header(Language language) {
        return List.of(say(language, "地块编号", "Parcel"), say(language, "供地状态", "Status"),
                say(language, "分区", "Zone"), say(language, "产业园", "Industrial park"),
                say(language, "面积（亩）", "Area (mu)"), say(language, "现计划具备条件", "Baseline ready"),
                say(language, "方案下具备条件", "Scenario ready"), say(language, "变化（天）", "Days"),
                say(language, "变化", "Change"), say(language, "变化的配套", "Items changed"),
                say(language, "受影响项目", "Projects"));
    }

    private List<String> cells(ScenarioComparison.Row row, ScenarioCompare.Answer answer, Language language) {
        ScenarioComparison.Parcel p = row.parcel();
        List<String> items = new ArrayList<>();
        row.items().forEach(i -> items.add(i.item().label().in(language) + " " + date(i.baseline()) + "→"
                + date(i.scenario())));
        List<String> projects = new ArrayList<>();
        row.projects().forEach(r -> projects.add(language == Language.EN && r.project().nameEn() != null
                ? r.project().nameEn() : r.project().name()));
        return List.of(nz(p.code()), status(p.status(), language), name(answer.zones(), p.zone(), language),
                name(answer.industrialParks(), p.industrialPark(), language),
                Csv.text(Math.round(p.areaMu() * 100) / 100.0),
                date(row.baseline()), date(row.scenario()), row.days() == null ? "" : Long.toString(row.days()),
                change(row.change(), language), String.join("; ", items), String.join("; ", projects));
    }

    private static List<List<String>> totals(List<ScenarioComparison.Totals> groups, Map<String, Label> names,
                                             Language language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(say(language, "名称", "Name"), say(language, "地块", "Parcels"), say(language, "亩", "mu"),
                say(language, "现计划具备（块/亩）", "Baseline ready (parcels / mu)"),
                say(language, "方案下具备（块/亩）", "Scenario ready (parcels / mu)"),
                say(language, "推迟（块/亩）", "Slipping (parcels / mu)"), say(language, "提前（块）", "Earlier (parcels)")));
        for (ScenarioComparison.Totals t : groups) {
            rows.add(List.of(name(names, t.key(), language), Integer.toString(t.parcels()), Csv.text(t.areaMu()),
                    t.readyBaseline() + " / " + Csv.text(t.readyBaselineMu()),
                    t.readyScenario() + " / " + Csv.text(t.readyScenarioMu()),
                    t.slipping() + " / " + Csv.text(t.slippingMu()), Integer.toString(t.gaining())));
        }
        return rows;
    }

    /** A supply status in words (可出让, available …), as the catalogue names it. */
    private String status(String value, Language language) {
        if (value == null) {
            return "";
        }
        return status.values().stream().filter(v -> v.value().equals(value)).findFirst()
                .map(v -> v.label().in(language)).orElse(value);
    }

    /** How the day moved, in words. */
    public static Label change(ScenarioComparison.Change change) {
        return switch (change) {
            case SLIPS -> Label.of("推迟", "slips");
            case GAINS -> Label.of("提前", "earlier");
            case NEVER -> Label.of("不再具备", "no longer serviced");
            case NEWLY_DATED -> Label.of("新具备", "newly serviced");
            case ITEMS_ONLY -> Label.of("配套变化，总日期不变", "items moved, same day");
        };
    }

    private static String change(ScenarioComparison.Change change, Language language) {
        return change(change).in(language);
    }

    private static String name(Map<String, Label> names, String code, Language language) {
        if (code == null || code.isEmpty()) {
            return say(language, "（区外）", "(outside)");
        }
        Label name = names.get(code);
        return name == null ? code : name.in(language);
    }

    private static String date(LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String say(Language language, String zh, String en) {
        return language == Language.EN ? en : zh;
    }
}
