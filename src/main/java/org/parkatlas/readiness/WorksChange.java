package org.parkatlas.readiness;

import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A what-if over the works (a scenario's changes, not a copy of the layers): properties of facilities, roads and
 * utility lines overridden (a status, a completion date), works removed, and works that exist only in the what-if
 * added. Laid over the features as they are read, before the readiness engine sees them; nothing stored changes.
 *
 * @param overrides by collection id, then feature id: the properties that replace the stored ones
 * @param removals  by collection id: the ids of the works left out
 * @param additions by collection id: the works added, in the storage CRS
 */
public record WorksChange(Map<String, Map<String, Map<String, Object>>> overrides, Map<String, Set<String>> removals,
                          Map<String, List<Feature>> additions) {

    /** The collections a what-if may change: the works readiness is computed from. */
    public static final Set<String> WORKS = Set.of(ParkLayer.FACILITIES.id(), ParkLayer.ROADS.id(),
            ParkLayer.UTILITY_LINES.id());

    public WorksChange {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        removals = removals == null ? Map.of() : Map.copyOf(removals);
        additions = additions == null ? Map.of() : Map.copyOf(additions);
    }

    /** No change at all: the baseline. */
    public static WorksChange none() {
        return new WorksChange(null, null, null);
    }

    /** The features of {@code layer} as the what-if has them. */
    List<Feature> applyTo(ParkLayer layer, List<Feature> stored) {
        Map<String, Map<String, Object>> changed = overrides.getOrDefault(layer.id(), Map.of());
        Set<String> gone = removals.getOrDefault(layer.id(), Set.of());
        List<Feature> laid = new ArrayList<>(stored.size());
        for (Feature feature : stored) {
            if (gone.contains(feature.id())) {
                continue;
            }
            Map<String, Object> properties = changed.get(feature.id());
            if (properties == null) {
                laid.add(feature);
            } else {
                Map<String, Object> merged = new LinkedHashMap<>(feature.properties());
                properties.forEach((name, value) -> {
                    if (value == null) {
                        merged.remove(name);
                    } else {
                        merged.put(name, value);
                    }
                });
                laid.add(feature.withProperties(merged));
            }
        }
        laid.addAll(additions.getOrDefault(layer.id(), List.of()));
        return laid;
    }
}
