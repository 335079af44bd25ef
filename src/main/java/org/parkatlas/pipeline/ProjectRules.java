package org.parkatlas.pipeline;

import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.LayerRules;
import org.parkatlas.editing.ParkView;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.feature.Feature;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a project, checked on every write to the pipeline whoever writes (the transitions, the OGC API, an
 * import): a project has reached every pool up to its own on a day, in order, none of them in the future, and none of
 * the later ones yet; a project building or producing stands on parcels, and those parcels exist; a project sent back
 * to an earlier pool (退库) says why; it cannot have received more money than it is to invest.
 */
@Component
class ProjectRules implements LayerRules {

    static final String STAGE_DATES = "stage-dates";
    static final String RETURN_REASON = "return-reason";
    static final String PARCELS = "project-parcels";
    static final String AMOUNTS = "project-amounts";

    private static final Map<String, Label> NAMES = Map.of(
            STAGE_DATES, Label.of("库别与日期", "Pool and dates"),
            RETURN_REASON, Label.of("退库原因", "Reason for a return"),
            PARCELS, Label.of("项目用地", "Project land"),
            AMOUNTS, Label.of("投资金额", "Investment amounts"));

    private final Clock clock;

    ProjectRules(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PROJECTS.is(layer);
    }

    @Override
    public Map<String, Label> ruleNames() {
        return NAMES;
    }

    @Override
    public List<RuleViolation> check(Layer layer, Feature written, ParkView park) {
        List<RuleViolation> broken = new ArrayList<>();
        Stage stage = Stage.of(written.property("stage")).orElse(Stage.PLANNING); // the choice is checked before
        LocalDate today = LocalDate.now(clock);
        LocalDate previous = null;
        String previousName = null;
        for (Stage s : Stage.values()) {
            if (s.dateAttribute() == null) {
                continue;
            }
            LocalDate day = date(written, s.dateAttribute());
            if (s.compareTo(stage) <= 0 && day == null) {
                broken.add(violation(STAGE_DATES, s.dateAttribute(), "项目在" + stage.label().zh() + "，须填写"
                        + s.label().zh() + "的日期（" + s.dateAttribute() + "）", "a project in the " + stage.label().en()
                        + " pool needs the day it reached " + s.label().en() + " (" + s.dateAttribute() + ")"));
            }
            if (s.compareTo(stage) > 0 && day != null) {
                broken.add(violation(STAGE_DATES, s.dateAttribute(), "项目在" + stage.label().zh() + "，尚未进入"
                        + s.label().zh() + "，不能有 " + s.dateAttribute(), "a project in the " + stage.label().en()
                        + " pool has not reached " + s.label().en() + " yet, so it has no " + s.dateAttribute()));
            }
            if (day != null && day.isAfter(today)) {
                broken.add(violation(STAGE_DATES, s.dateAttribute(), s.dateAttribute() + "（" + day + "）在今天（"
                        + today + "）之后：项目进入一个库的日期不能在未来", s.dateAttribute() + " (" + day + ") is after "
                        + "today (" + today + "): a project reaches a pool on a day that has come"));
            }
            if (day != null && previous != null && day.isBefore(previous)) {
                broken.add(violation(STAGE_DATES, s.dateAttribute(), s.dateAttribute() + "（" + day + "）早于 "
                        + previousName + "（" + previous + "）", s.dateAttribute() + " (" + day + ") is before "
                        + previousName + " (" + previous + ")"));
            }
            if (day != null) {
                previous = day;
                previousName = s.dateAttribute();
            }
        }
        LocalDate full = date(written, "full_production_date");
        LocalDate production = date(written, "production_date");
        if (full != null && (production == null || full.isBefore(production))) {
            broken.add(violation(STAGE_DATES, "full_production_date", "达产日期须在投产日期之后",
                    "full production comes on or after the day production began"));
        }
        park.before(ParkLayer.PROJECTS, written.id()).ifPresent(before -> {
            Stage was = Stage.of(before.property("stage")).orElse(Stage.PLANNING);
            String reason = text(written, "stage_reason");
            if (stage.compareTo(was) < 0 && (reason == null || reason.equals(text(before, "stage_reason")))) {
                broken.add(violation(RETURN_REASON, "stage_reason", "从" + was.label().zh() + "退回"
                        + stage.label().zh() + "须说明原因（stage_reason）", "a return from " + was.label().en()
                        + " to " + stage.label().en() + " needs its reason (stage_reason)"));
            }
        });
        checkParcels(written, stage, park, broken);
        Double total = number(written, "total_investment_yi");
        for (String part : List.of("fixed_investment_yi", "funds_received_yi")) {
            Double amount = number(written, part);
            if (total != null && amount != null && amount > total + 1e-9) {
                broken.add(violation(AMOUNTS, part, part + "（" + amount + " 亿元）超过总投资（" + total + " 亿元）",
                        part + " (" + amount + " 亿元) is more than the total investment (" + total + " 亿元)"));
            }
        }
        return broken;
    }

    private static void checkParcels(Feature written, Stage stage, ParkView park, List<RuleViolation> broken) {
        List<String> codes = codes(written);
        if (codes.isEmpty()) {
            if (stage.compareTo(Stage.UNDER_CONSTRUCTION) >= 0) {
                broken.add(violation(PARCELS, "parcel_codes", "项目在" + stage.label().zh() + "，须指明所用地块"
                        + "（parcel_codes）", "a project " + stage.label().en().toLowerCase(java.util.Locale.ROOT)
                        + " stands on land: name its parcels (parcel_codes)"));
            }
            return;
        }
        Set<String> found = park.codes(ParkLayer.PARCELS, codes);
        List<String> missing = codes.stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            broken.add(violation(PARCELS, "parcel_codes", "没有编号为 " + String.join("、", missing) + " 的地块",
                    "there is no parcel " + String.join(", ", missing)));
        }
    }

    static List<String> codes(Feature project) {
        return project.property("parcel_codes") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static RuleViolation violation(String rule, String attribute, String zh, String en) {
        return new RuleViolation(rule, Label.of(zh, en), List.of(), null, "/properties/" + attribute);
    }

    private static LocalDate date(Feature feature, String attribute) {
        return feature.property(attribute) instanceof LocalDate d ? d : null;
    }

    private static Double number(Feature feature, String attribute) {
        return feature.property(attribute) instanceof Number n ? n.doubleValue() : null;
    }

    private static String text(Feature feature, String attribute) {
        return feature.property(attribute) instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
