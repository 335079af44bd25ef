package org.parkatlas.pipeline;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.ReadContext;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * A parcel's {@code pipeline_stage}: the pool of the furthest project on it as of the read's day, so the finder, CQL2,
 * statistics and the map's pipeline view see where the pipeline has become land. The public counts signed projects
 * only — that a parcel is in talks is not theirs to know.
 */
@Component
class ParcelPipelineStage implements DerivedProperties {

    private final ProjectsOnParcels projects;

    ParcelPipelineStage(ProjectsOnParcels projects) {
        this.projects = projects;
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
        Stage furthest = null;
        for (Project project : projects.on(String.valueOf(feature.property("code")))) {
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
}
