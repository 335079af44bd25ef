package org.parkatlas.pipeline;

import org.parkatlas.feature.Feature;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline's figures are worked out from, read off one project feature. Amounts in 亿元, land in mu; a
 * figure the reader may not see (funds received, for the public) is null.
 *
 * @param reached the day it reached each pool after planning, as far as it has
 */
public record Project(String id, String code, String name, String nameEn, String investor, Stage stage, Map<Stage, LocalDate> reached,
                      LocalDate plannedStart, LocalDate fullProduction, Double totalInvestment,
                      Double fixedInvestment, Double landDemand, Double fundsReceived, List<String> parcelCodes) {

    public Project {
        reached = reached.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reached));
        parcelCodes = List.copyOf(parcelCodes);
    }

    public static Project of(Feature feature) {
        Map<Stage, LocalDate> reached = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            if (s.dateAttribute() != null && feature.property(s.dateAttribute()) instanceof LocalDate day) {
                reached.put(s, day);
            }
        }
        return new Project(feature.id(), text(feature, "code"), text(feature, "name"), text(feature, "name_en"),
                text(feature, "investor"),
                Stage.of(feature.property("stage")).orElse(Stage.PLANNING), reached, date(feature,
                "planned_start_date"), date(feature, "full_production_date"), number(feature,
                "total_investment_yi"), number(feature, "fixed_investment_yi"), number(feature, "land_demand_mu"),
                number(feature, "funds_received_yi"), ProjectRules.codes(feature));
    }

    /**
     * The pool the project was in at the end of {@code day}: the furthest it had reached by then, by its dates (a
     * project's dates are those of the path it is on; a return clears the later ones, its history keeps them).
     */
    public Stage stageOn(LocalDate day) {
        Stage on = Stage.PLANNING;
        for (Map.Entry<Stage, LocalDate> entry : reached.entrySet()) {
            if (!entry.getValue().isAfter(day) && entry.getKey().compareTo(on) > 0) {
                on = entry.getKey();
            }
        }
        return on.compareTo(stage) > 0 ? stage : on;
    }

    /** Whether it had reached {@code pool} by the end of {@code day}. */
    public boolean reachedBy(Stage pool, LocalDate day) {
        return stageOn(day).compareTo(pool) >= 0;
    }

    /** The day it reached {@code pool}, or null. */
    public LocalDate reachedOn(Stage pool) {
        return reached.get(pool);
    }

    private static String text(Feature f, String name) {
        return f.property(name) == null ? null : f.property(name).toString();
    }

    private static LocalDate date(Feature f, String name) {
        return f.property(name) instanceof LocalDate d ? d : null;
    }

    private static Double number(Feature f, String name) {
        return f.property(name) instanceof Number n ? n.doubleValue() : null;
    }
}
