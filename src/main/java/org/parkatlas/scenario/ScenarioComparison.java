package org.parkatlas.scenario;

import org.parkatlas.pipeline.Project;
import org.parkatlas.pipeline.Stage;
import org.parkatlas.readiness.ItemAssessment;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessItem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A scenario side by side with the park as planned, parcel by parcel: the day each is fully serviced (七通一平 /
 * 九通一平) in both, the days it slips or gains, the items whose day moved, and the pipeline projects on it whose
 * start the slip puts at risk; with totals per zone and industrial park of the parcels and mu fully serviced by the
 * as-of day in each. Pure: handed the parcels, both answers and the projects.
 */
public final class ScenarioComparison {

    /** What the comparison needs of a parcel. */
    public record Parcel(String id, String code, String status, String zone, String industrialPark, double areaMu,
                         double areaM2) {
    }

    /**
     * How a parcel's ready day moved, worst first (the order the list is in): lost (no longer ever, with what is
     * planned), later, earlier, found, or kept while some item moved.
     */
    public enum Change {
        NEVER, SLIPS, GAINS, NEWLY_DATED, ITEMS_ONLY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record ItemChange(ReadinessItem item, LocalDate baseline, LocalDate scenario, Long days) {
    }

    /**
     * A pipeline project on a parcel that slips: its start is at risk when it has not started by the as-of day and
     * its planned start comes before the parcel is now fully serviced (or it has none).
     */
    public record ProjectAtRisk(Project project, Stage stage, String parcelCode, LocalDate plannedStart,
                                LocalDate scenarioReadyDate, boolean startAtRisk) {
    }

    public record Row(Parcel parcel, LocalDate baseline, LocalDate scenario, Long days, Change change,
                      boolean readyOnDayBaseline, boolean readyOnDayScenario, List<ItemChange> items,
                      List<ProjectAtRisk> projects) {
    }

    public record Totals(String key, int parcels, double areaMu, int readyBaseline, double readyBaselineMu,
                         int readyScenario, double readyScenarioMu, int slipping, double slippingMu, int gaining) {
    }

    public record Result(LocalDate asOf, List<Row> rows, Totals park, List<Totals> byZone,
                         List<Totals> byIndustrialPark, List<ProjectAtRisk> projectsAtRisk) {

        /** The rows (and their projects) of parcels of these supply statuses only; the totals stay the park's. */
        public Result onlyStatuses(java.util.Set<String> statuses) {
            List<Row> kept = rows.stream().filter(row -> statuses.contains(row.parcel().status())).toList();
            return new Result(asOf, kept, park, byZone, byIndustrialPark,
                    kept.stream().flatMap(row -> row.projects().stream()).toList());
        }
    }

    private ScenarioComparison() {
    }

    /**
     * @param projects the projects on a parcel, by its code
     */
    public static Result of(List<Parcel> parcels, Map<String, ParcelReadiness> baseline,
                            Map<String, ParcelReadiness> scenario, Function<String, List<Project>> projects,
                            LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        Map<String, Accumulator> zones = new LinkedHashMap<>();
        Map<String, Accumulator> parks = new LinkedHashMap<>();
        Accumulator park = new Accumulator("");
        List<ProjectAtRisk> atRisk = new ArrayList<>();
        for (Parcel parcel : parcels) {
            ParcelReadiness before = baseline.get(parcel.id());
            ParcelReadiness after = scenario.get(parcel.id());
            if (before == null || after == null) {
                continue;
            }
            Row row = row(parcel, before, after, projects, asOf);
            List<Accumulator> groups = List.of(park, zones.computeIfAbsent(key(parcel.zone()), Accumulator::new),
                    parks.computeIfAbsent(key(parcel.industrialPark()), Accumulator::new));
            for (Accumulator group : groups) {
                group.add(parcel, before.readyOn(asOf), after.readyOn(asOf), row);
            }
            if (row != null) {
                rows.add(row);
                atRisk.addAll(row.projects());
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.change().ordinal())
                .thenComparing(r -> r.days() == null ? Long.MIN_VALUE : -r.days())
                .thenComparing(r -> r.parcel().code() == null ? "" : r.parcel().code()));
        return new Result(asOf, rows, park.totals(), totals(zones), totals(parks), atRisk);
    }

    /** The parcel's row, or null when the scenario answers every item on the same day. */
    private static Row row(Parcel parcel, ParcelReadiness before, ParcelReadiness after,
                           Function<String, List<Project>> projects, LocalDate asOf) {
        List<ItemChange> items = new ArrayList<>();
        for (ItemAssessment item : before.items()) {
            ItemAssessment other = after.item(item.item());
            LocalDate then = item.readyDate();
            LocalDate now = other == null ? null : other.readyDate();
            if (!Objects.equals(then, now)) {
                items.add(new ItemChange(item.item(), then, now, days(then, now)));
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        LocalDate then = before.readyDate();
        LocalDate now = after.readyDate();
        Long days = days(then, now);
        Change change = then != null && now == null ? Change.NEVER : then == null && now != null ? Change.NEWLY_DATED
                : days != null && days > 0 ? Change.SLIPS : days != null && days < 0 ? Change.GAINS
                : Change.ITEMS_ONLY;
        List<ProjectAtRisk> risks = new ArrayList<>();
        if (change == Change.SLIPS || change == Change.NEVER) {
            for (Project project : parcel.code() == null ? List.<Project>of() : projects.apply(parcel.code())) {
                Stage stage = project.stageOn(asOf);
                boolean notStarted = stage != null && stage.ordinal() < Stage.UNDER_CONSTRUCTION.ordinal();
                LocalDate planned = project.plannedStart();
                boolean risk = notStarted && (now == null || planned == null || planned.isBefore(now));
                risks.add(new ProjectAtRisk(project, stage, parcel.code(), planned, now, risk));
            }
        }
        return new Row(parcel, then, now, days, change, before.readyOn(asOf), after.readyOn(asOf), items, risks);
    }

    /** Days from the baseline's day to the scenario's: positive when it slips; null when either has no day. */
    private static Long days(LocalDate baseline, LocalDate scenario) {
        return baseline == null || scenario == null ? null : ChronoUnit.DAYS.between(baseline, scenario);
    }

    private static String key(String value) {
        return value == null ? "" : value;
    }

    private static List<Totals> totals(Map<String, Accumulator> groups) {
        return groups.values().stream().map(Accumulator::totals).sorted(Comparator.comparing(Totals::key)).toList();
    }

    private static final class Accumulator {
        private final String key;
        private int parcels;
        private double areaMu;
        private int readyBaseline;
        private double readyBaselineMu;
        private int readyScenario;
        private double readyScenarioMu;
        private int slipping;
        private double slippingMu;
        private int gaining;

        Accumulator(String key) {
            this.key = key;
        }

        void add(Parcel parcel, boolean readyBefore, boolean readyAfter, Row row) {
            parcels++;
            areaMu += parcel.areaMu();
            if (readyBefore) {
                readyBaseline++;
                readyBaselineMu += parcel.areaMu();
            }
            if (readyAfter) {
                readyScenario++;
                readyScenarioMu += parcel.areaMu();
            }
            if (row != null && (row.change() == Change.SLIPS || row.change() == Change.NEVER)) {
                slipping++;
                slippingMu += parcel.areaMu();
            }
            if (row != null && (row.change() == Change.GAINS || row.change() == Change.NEWLY_DATED)) {
                gaining++;
            }
        }

        Totals totals() {
            return new Totals(key, parcels, round(areaMu), readyBaseline, round(readyBaselineMu), readyScenario,
                    round(readyScenarioMu), slipping, round(slippingMu), gaining);
        }

        private static double round(double mu) {
            return Math.round(mu * 100) / 100.0;
        }
    }
}
