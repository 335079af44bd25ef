package org.parkatlas.scenario;

import org.parkatlas.feature.Feature;
import org.parkatlas.readiness.WorksChange;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scenario changes over the works, as the planner gave it: schedules overridden, scenario-only works added,
 * works removed. {@link #works()} is the same change as readiness reads it.
 *
 * @param overrides one per work, at most: its new status and/or completion date
 * @param additions works that exist only in the scenario, in the storage CRS (with the geometry as sent, in CRS84)
 * @param removals  works the scenario leaves out
 */
public record ScenarioChange(List<Override> overrides, List<Addition> additions, List<Removal> removals) {

    /** The properties an override may change: a work's schedule. */
    public static final Set<String> SCHEDULE = Set.of("status", "completion_date");

    /**
     * A work's new schedule. {@code status} is null when kept; {@code completionGiven} says whether the date is
     * changed at all, {@code completionDate} null then meaning "no date".
     */
    public record Override(String collection, String id, String status, boolean completionGiven,
                           LocalDate completionDate) {

        /** The properties to write when the scenario is applied (a null value removes the stored one). */
        public Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (status != null) {
                properties.put("status", status);
            }
            if (completionGiven) {
                properties.put("completion_date", completionDate);
            }
            return properties;
        }
    }

    public record Addition(String collection, Feature feature, JsonNode geometry) {
    }

    public record Removal(String collection, String id) {
    }

    public ScenarioChange {
        overrides = List.copyOf(overrides);
        additions = List.copyOf(additions);
        removals = List.copyOf(removals);
    }

    public static ScenarioChange none() {
        return new ScenarioChange(List.of(), List.of(), List.of());
    }

    /** The change as the readiness engine lays it over the works. */
    public WorksChange works() {
        Map<String, Map<String, WorksChange.NewSchedule>> schedules = new LinkedHashMap<>();
        for (Override o : overrides) {
            schedules.computeIfAbsent(o.collection(), c -> new LinkedHashMap<>()).put(o.id(),
                    new WorksChange.NewSchedule(o.status(), !o.completionGiven() ? null
                            : o.completionDate() == null ? WorksChange.CLEARED : o.completionDate()));
        }
        Map<String, Set<String>> gone = new LinkedHashMap<>();
        for (Removal r : removals) {
            gone.computeIfAbsent(r.collection(), c -> new java.util.LinkedHashSet<>()).add(r.id());
        }
        Map<String, List<Feature>> added = new LinkedHashMap<>();
        for (Addition a : additions) {
            added.computeIfAbsent(a.collection(), c -> new java.util.ArrayList<>()).add(a.feature());
        }
        return new WorksChange(schedules, gone, added);
    }

    /** The change as a JSON document (what is stored, and what the API answers): additions in CRS84. */
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("overrides", overrides.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("collection", o.collection());
            m.put("id", o.id());
            Map<String, Object> properties = new LinkedHashMap<>();
            o.properties().forEach((k, v) -> properties.put(k, v == null ? null : v.toString()));
            m.put("properties", properties);
            return m;
        }).toList());
        document.put("additions", additions.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "Feature");
            m.put("collection", a.collection());
            m.put("id", a.feature().id());
            m.put("geometry", a.geometry());
            Map<String, Object> properties = new LinkedHashMap<>();
            a.feature().properties().forEach((k, v) -> properties.put(k, v instanceof LocalDate d ? d.toString() : v));
            m.put("properties", properties);
            return m;
        }).toList());
        document.put("removals", removals.stream().map(r -> Map.of("collection", r.collection(), "id", r.id()))
                .toList());
        return document;
    }
}
