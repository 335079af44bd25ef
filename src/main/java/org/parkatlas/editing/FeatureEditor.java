package org.parkatlas.editing;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.exchange.FeatureImporter;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.parcel.ParkBoundaryRule;
import org.parkatlas.store.FeatureStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way features are created, replaced and deleted one at a time (the OGC API transactions, and later the
 * map's editing): it applies the park's rules before anything is written and writes each change in one
 * transaction with the optimistic version check.
 */
@Service
public class FeatureEditor {

    private static final String PARCELS = "parcels";
    private static final String BOUNDARY = "park-boundary";

    private final Catalog catalog;
    private final FeatureStore store;
    private final ApplicationEventPublisher events;

    public FeatureEditor(Catalog catalog, FeatureStore store, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
    }

    /** Stores a new feature (its computed attributes already derived); a missing id is generated. */
    public Feature create(Layer layer, Feature feature) {
        Feature withId = feature.id() != null ? feature
                : new Feature(FeatureImporter.newId(layer), feature.geometry(), feature.properties(), 0);
        check(layer, withId);
        Feature created = store.create(layer, withId);
        events.publishEvent(new LayerChanged(layer.id(), created.id()));
        return created;
    }

    /** Replaces a stored feature; empty when there is none with that id. */
    public Optional<Feature> replace(Layer layer, Feature feature, Long expectedVersion) {
        check(layer, feature);
        Optional<Feature> updated = store.update(layer, feature, expectedVersion);
        updated.ifPresent(f -> events.publishEvent(new LayerChanged(layer.id(), f.id())));
        return updated;
    }

    public boolean delete(Layer layer, String id, Long expectedVersion) {
        boolean deleted = store.delete(layer, id, expectedVersion);
        if (deleted) {
            events.publishEvent(new LayerChanged(layer.id(), id));
        }
        return deleted;
    }

    private void check(Layer layer, Feature feature) {
        List<RuleViolationException.Violation> violations = new ArrayList<>();
        if (layer.id().equals(PARCELS)) {
            boundary().flatMap(boundary -> ParkBoundaryRule.check(feature.geometry(), boundary)).ifPresent(v ->
                    violations.add(new RuleViolationException.Violation("inside-park-boundary", v.message(),
                            v.outside())));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** The park boundary as one geometry; none when the park has not drawn one yet. */
    private Optional<Geometry> boundary() {
        List<Feature> parts = store.query(catalog.require(BOUNDARY), FeatureQuery.all()).features();
        return parts.stream().map(Feature::geometry).reduce(Geometry::union);
    }
}
