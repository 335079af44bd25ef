package org.parkatlas.pipeline;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.store.FeatureStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projects on each parcel, by parcel code: read once per change to the projects, for everything worked out per
 * parcel from them (a parcel's pool, whether its land lies idle while a project builds on it).
 */
@Component
public class ProjectsOnParcels {

    private final FeatureStore store;
    private final Catalog catalog;
    private volatile Map<String, List<Project>> byParcel;
    /** Moves on with every change to the projects: what was read before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    ProjectsOnParcels(FeatureStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** The projects that name the parcel {@code code}; empty when none does. */
    public List<Project> on(String code) {
        return byParcel().getOrDefault(code, List.of());
    }

    @EventListener
    void on(LayerChanged change) {
        if (ParkLayer.PROJECTS.is(change.layerId())) {
            generation.incrementAndGet();
            byParcel = null;
        }
    }

    private Map<String, List<Project>> byParcel() {
        Map<String, List<Project>> current = byParcel;
        if (current == null) {
            long seen = generation.get();
            Map<String, List<Project>> built = new HashMap<>();
            for (Feature feature : store.query(catalog.require(ParkLayer.PROJECTS), FeatureQuery.all()).features()) {
                Project project = Project.of(feature);
                project.parcelCodes().forEach(code -> built.computeIfAbsent(code, c -> new ArrayList<>()).add(project));
            }
            current = Map.copyOf(built);
            if (generation.get() == seen) {
                byParcel = current;
            }
        }
        return current;
    }
}
