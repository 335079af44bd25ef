package org.parkatlas.editing;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.exchange.FeatureImporter;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.parcel.ParcelRules;
import org.parkatlas.parcel.ParcelVersion;
import org.parkatlas.store.ParcelHistoryStore;
import org.parkatlas.parcel.TopologyCheck;
import org.parkatlas.parcel.TopologyViolation;
import org.parkatlas.store.FeatureStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one way features are created, replaced and deleted one at a time (the OGC API transactions, and the map's
 * editing): it applies the park's rules before anything is written — for parcels the topology rules of
 * {@link TopologyCheck} — and writes each change in one transaction with the optimistic version check.
 */
@Service
public class FeatureEditor {

    private static final String PARCELS = "parcels";
    private static final String BOUNDARY = "park-boundary";

    private static final String ROADS = "roads";
    /** Wide enough to find every road whose red line could reach the parcel (half of a 60 m red line, and more). */
    private static final double ROAD_SEARCH_METRES = 40;

    private final Catalog catalog;
    private final FeatureStore store;
    private final ApplicationEventPublisher events;
    private final TopologyCheck topology;
    private final ParcelHistoryStore history;
    private final TransactionTemplate transaction;

    public FeatureEditor(Catalog catalog, FeatureStore store, ApplicationEventPublisher events, ParcelRules rules,
                         ParcelHistoryStore history, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        this.topology = new TopologyCheck(rules);
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Stores a new feature (its computed attributes already derived); a missing id is generated. */
    public Feature create(Layer layer, Feature feature, String actor) {
        Feature withId = feature.id() != null ? feature
                : new Feature(FeatureImporter.newId(layer), feature.geometry(), feature.properties(), 0);
        check(layer, withId);
        Feature created = transaction.execute(status -> {
            Feature stored = store.create(layer, withId);
            remember(layer, null, stored, ParcelVersion.Operation.CREATE, actor, null);
            return stored;
        });
        events.publishEvent(new LayerChanged(layer.id(), created.id()));
        return created;
    }

    /** Replaces a stored feature; empty when there is none with that id. */
    public Optional<Feature> replace(Layer layer, Feature feature, Long expectedVersion, String actor) {
        return replace(layer, feature, expectedVersion, actor, null);
    }

    Optional<Feature> replace(Layer layer, Feature feature, Long expectedVersion, String actor, String note) {
        check(layer, feature);
        Optional<Feature> updated = transaction.execute(status -> {
            Optional<Feature> before = store.get(layer, feature.id());
            Optional<Feature> after = store.update(layer, feature, expectedVersion);
            after.ifPresent(f -> remember(layer, before.orElse(null), f, ParcelVersion.Operation.EDIT, actor, note));
            return after;
        });
        updated.ifPresent(f -> events.publishEvent(new LayerChanged(layer.id(), f.id())));
        return updated;
    }

    /** Takes a feature out of the live layer; a parcel stays in its history as retired. */
    public boolean delete(Layer layer, String id, Long expectedVersion, String actor) {
        Boolean deleted = transaction.execute(status -> {
            Optional<Feature> before = store.get(layer, id);
            boolean gone = store.delete(layer, id, expectedVersion);
            if (gone) {
                remember(layer, before.orElseThrow(), null, ParcelVersion.Operation.RETIRE, actor, null);
            }
            return gone;
        });
        if (Boolean.TRUE.equals(deleted)) {
            events.publishEvent(new LayerChanged(layer.id(), id));
        }
        return Boolean.TRUE.equals(deleted);
    }

    /** Adds a parcel's new version to its history, inside the caller's transaction. */
    void remember(Layer layer, Feature before, Feature after, ParcelVersion.Operation operation, String actor,
                  String note) {
        if (!layer.id().equals(PARCELS)) {
            return;
        }
        if (before != null && history.versions(before.id()).isEmpty()) {
            // a parcel loaded before history was kept (seeded, imported): its first change keeps how it was too
            history.record(new ParcelVersion(before.id(), before.version(), ParcelVersion.Operation.CREATE,
                    "(before history)", Instant.now(), "as it was before its first recorded change",
                    before.properties(), List.of(), null, before.geometry()));
        }
        Feature current = after != null ? after : before;
        long version = after != null ? after.version() : before.version() + 1;
        List<ParcelVersion.Change> changes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.properties().keySet());
        }
        if (after != null) {
            names.addAll(after.properties().keySet());
        }
        for (String name : names) {
            Object was = before == null ? null : before.property(name);
            Object now = after == null ? null : after.property(name);
            if (!java.util.Objects.equals(was, now)) {
                changes.add(new ParcelVersion.Change(name, was, now));
            }
        }
        history.record(new ParcelVersion(current.id(), version, operation, actor, Instant.now(), note,
                current.properties(), changes, before == null ? null : before.geometry(),
                after == null ? null : after.geometry()));
    }

    TransactionTemplate transaction() {
        return transaction;
    }

    void changed(String layerId, String featureId) {
        events.publishEvent(new LayerChanged(layerId, featureId));
    }

    private void check(Layer layer, Feature feature) {
        if (layer.id().equals(PARCELS)) {
            checkParcel(feature.geometry(), Set.of(feature.id() == null ? "" : feature.id()));
        }
    }

    /**
     * The parcel layer's topology rules for one parcel, against the parcels near it except {@code replaced} (itself,
     * or the parcels a split or merge replaces) and the roads near it. Throws with every broken rule.
     */
    void checkParcel(Geometry parcel, Set<String> replaced) {
        Envelope near = new Envelope(parcel.getEnvelopeInternal());
        near.expandBy(ROAD_SEARCH_METRES);
        Geometry area = parcel.getFactory().toGeometry(near);
        List<TopologyCheck.Neighbour> neighbours = store.query(catalog.require(PARCELS),
                        FeatureQuery.filtered(Filter.intersects(area))).features().stream()
                .filter(f -> !replaced.contains(f.id()))
                .map(f -> new TopologyCheck.Neighbour(f.id(), (String) f.property("code"), f.geometry())).toList();
        List<TopologyCheck.Road> roads = store.query(catalog.require(ROADS), FeatureQuery.filtered(
                Filter.intersects(area))).features().stream().map(f -> new TopologyCheck.Road(f.id(),
                (String) f.property("name"), (LineString) f.geometry(), f.property("red_line_width_m")
                instanceof Number n ? n.doubleValue() : 0)).toList();
        List<TopologyViolation> broken = topology.check(parcel, boundary().orElse(null), neighbours, roads);
        if (!broken.isEmpty()) {
            throw new RuleViolationException(broken.stream().map(v -> new RuleViolationException.Violation(
                    v.rule(), v.message(), v.conflicting(), v.where())).toList());
        }
    }

    /** The park boundary as one geometry; none when the park has not drawn one yet. */
    private Optional<Geometry> boundary() {
        List<Feature> parts = store.query(catalog.require(BOUNDARY), FeatureQuery.all()).features();
        return parts.stream().map(Feature::geometry).reduce(Geometry::union);
    }
}
