package org.parkatlas.pipeline;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.store.FeatureStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parcel's {@code pipeline_stage}: the pool of the furthest project on it as of the read's day, so the finder, CQL2,
 * statistics and the map's pipeline view see where the pipeline has become land. The public counts signed projects
 * only — that a parcel is in talks is not theirs to know. The projects are read once per change to them.
 */
@Component
class ParcelPipelineStage implements DerivedProperties {

    private final FeatureStore store;
    private final Catalog catalog;
    private volatile Map<String, List<Project>> byParcel;
    /** Moves on with every change to the projects: what was read before one is not kept after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    ParcelPipelineStage(FeatureStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PARCELS.is(layer);
    }

    @Override
    public Set<String> reads() {
        return Set.of("code");
    }

    @Override
    public void derive(Layer layer, Feature feature, ReadContext context, Map<String, Object> derived) {
        List<Project> projects = byParcel().get(String.valueOf(feature.property("code")));
        if (projects == null) {
            return;
        }
        Stage furthest = null;
        for (Project project : projects) {
            Stage on = project.stageOn(context.day());
            if ((context.audience() != Audience.PUBLIC || on.signed())
                    && (furthest == null || on.compareTo(furthest) > 0)) {
                furthest = on;
            }
        }
        if (furthest != null) {
            derived.put("pipeline_stage", furthest.id());
        }
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
