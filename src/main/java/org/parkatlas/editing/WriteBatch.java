package org.parkatlas.editing;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.Limits;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The writes of one request, inside one transaction with the park's write lock held (GeoTools' {@code Transaction}):
 * create, replace, retire and load features of any layer. Each feature is prepared as it is written (computed areas,
 * the common input rules, what its layer's module derives); when the request's work is done, every written feature
 * is checked by its layer's rules against the park as it then stands, every broken rule of every feature is reported
 * together, and history is kept only if nothing was broken. Obtained from {@link FeatureWriter#write}.
 */
public final class WriteBatch {

    private final FeatureStore store;
    private final Catalog catalog;
    private final List<LayerRules> rules;
    private final List<LayerHistory> histories;
    private final String actor;
    private final Instant at = Instant.now();
    private final View view = new View();
    /** The features written, by layer and id, as last written, with where each stands in the request. */
    private final Limits limits;
    private final Map<String, Written> written = new LinkedHashMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Layer> editedLayers = new ArrayList<>();
    private final List<LayerChanged> changes = new ArrayList<>();
    /** Features of a load that broke the common input rules: not written, reported with the rest at the end. */
    private final List<RuleViolation> refused = new ArrayList<>();
    /** Each feature as it was before this batch first changed it, by layer and id. */
    private final Map<String, Feature> befores = new HashMap<>();

    private record Written(Layer layer, Feature feature, String pointer) {
    }

    WriteBatch(FeatureStore store, Catalog catalog, List<LayerRules> rules, List<LayerHistory> histories,
               Limits limits, String actor) {
        this.store = store;
        this.limits = limits;
        this.catalog = catalog;
        this.rules = rules;
        this.histories = histories;
        this.actor = actor;
    }

    /** A feature as it now stands inside this transaction. */
    public Optional<Feature> get(Layer layer, String id) {
        return store.get(layer, id);
    }

    /** Adds a feature; a missing id is generated. Answers it as stored. */
    public Feature create(Layer layer, Feature feature, WriteOperation operation, Label note) {
        String id = feature.id() != null ? feature.id() : newId(layer);
        // a retired id that comes back (restored, drawn again) continues its history's numbering
        long version = lastVersions(layer, List.of(id)).getOrDefault(id, 0L) + 1;
        Feature withId = new Feature(id, feature.geometry(), feature.properties(), version);
        Feature stored = store.create(layer, prepareOrRefuse(layer, withId));
        wrote(layer, stored, "", null, operation, note);
        return stored;
    }

    /**
     * Replaces a feature's geometry and attributes; with {@code expectedVersion}, only from that version (a
     * {@link org.parkatlas.store.StaleVersionException} otherwise). Empty when there is no such feature.
     */
    public Optional<Feature> replace(Layer layer, Feature feature, Long expectedVersion, WriteOperation operation,
                                     Label note) {
        Optional<Feature> before = store.get(layer, feature.id());
        if (before.isEmpty()) {
            return Optional.empty();
        }
        befores.putIfAbsent(key(layer, feature.id()), before.get());
        Optional<Feature> stored = store.update(layer, prepareOrRefuse(layer, feature), expectedVersion);
        stored.ifPresent(f -> wrote(layer, f, "", before.get(), operation, note));
        return stored;
    }

    /** Takes a feature out of the live layer (its history keeps it); answers it as it was, empty when absent. */
    public Optional<Feature> retire(Layer layer, String id, Long expectedVersion, WriteOperation operation,
                                    Label note) {
        Optional<Feature> before = store.get(layer, id);
        if (before.isEmpty() || !store.delete(layer, id, expectedVersion)) {
            return Optional.empty();
        }
        written.remove(key(layer, id));
        view.forget(layer);
        remember(layer, new Edit(before.get(), null, operation, actor, at, note));
        changes.add(new LayerChanged(layer.id(), id));
        return before;
    }

    /**
     * Loads many features into a layer, replacing its content or adding to it (an import, the seeding). Each
     * feature's problems are reported with its JSON Pointer ({@code /features/3}); a replaced feature that had an id
     * the file gives again keeps its history and moves on a version.
     */
    public void load(Layer layer, List<Feature> features, boolean replace, WriteOperation operation, Label note) {
        Map<String, Feature> before = new HashMap<>();
        if (replace) {
            // versions move on for ids the file gives again, so an ETag read before the import no longer matches
            store.stream(layer, FeatureQuery.all(), f -> before.put(f.id(), f));
        }
        Map<String, Long> retired = lastVersions(layer, features.stream().map(Feature::id)
                .filter(id -> !before.containsKey(id)).toList());
        List<Feature> prepared = new ArrayList<>(features.size());
        List<String> pointers = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            Feature old = before.get(feature.id());
            long version = old != null ? old.version() + 1 : retired.getOrDefault(feature.id(), 0L) + 1;
            Feature versioned = new Feature(feature.id(), feature.geometry(), feature.properties(), version);
            String pointer = "/features/" + i;
            prepare(layer, versioned, pointer, refused).ifPresent(f -> {
                prepared.add(f);
                pointers.add(pointer);
            });
        }
        if (replace) {
            store.replace(Map.of(layer, prepared));
        } else {
            store.insert(layer, prepared);
        }
        view.forget(layer);
        for (int i = 0; i < prepared.size(); i++) {
            Feature feature = prepared.get(i);
            if (before.containsKey(feature.id())) {
                befores.putIfAbsent(key(layer, feature.id()), before.get(feature.id()));
            }
            written.put(key(layer, feature.id()), new Written(layer, feature, pointers.get(i)));
            remember(layer, new Edit(before.remove(feature.id()), feature, operation, actor, at, note));
        }
        before.values().forEach(gone -> remember(layer, new Edit(gone, null, WriteOperation.RETIRE, actor, at,
                Label.of("由导入替换", "replaced by an import"))));
        changes.add(new LayerChanged(layer.id()));
    }

    /** A new feature id: the layer's id and a random suffix, unique without asking the database. */
    public static String newId(Layer layer) {
        return layer.id() + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /**
     * Runs the layers' rules over everything written; throws with every broken rule (and the loaded features the
     * common rules refused), or keeps the history.
     */
    void finish() {
        List<RuleViolation> broken = new ArrayList<>(refused);
        for (Written w : written.values()) {
            for (LayerRules rule : rules) {
                if (rule.appliesTo(w.layer())) {
                    rule.check(w.layer(), w.feature(), view).forEach(v -> broken.add(v.at(w.pointer() + v.pointer())));
                }
            }
        }
        if (!broken.isEmpty()) {
            throw new RuleViolationException(broken);
        }
        for (int i = 0; i < edits.size(); i++) {
            Layer layer = editedLayers.get(i);
            for (LayerHistory history : histories) {
                if (history.appliesTo(layer)) {
                    history.record(layer, edits.get(i));
                }
            }
        }
    }

    /** What changed, to be announced once the transaction has committed. */
    List<LayerChanged> changes() {
        return changes;
    }

    private void wrote(Layer layer, Feature stored, String pointer, Feature before, WriteOperation operation,
                       Label note) {
        written.put(key(layer, stored.id()), new Written(layer, stored, pointer));
        view.forget(layer);
        remember(layer, new Edit(before, stored, operation, actor, at, note));
        changes.add(new LayerChanged(layer.id(), stored.id()));
    }

    private void remember(Layer layer, Edit edit) {
        if (hasHistory(layer)) {
            edits.add(edit);
            editedLayers.add(layer);
        }
    }

    private Map<String, Long> lastVersions(Layer layer, List<String> ids) {
        Map<String, Long> last = new HashMap<>();
        for (LayerHistory history : histories) {
            if (history.appliesTo(layer)) {
                history.lastVersions(layer, ids).forEach((id, v) -> last.merge(id, v, Math::max));
            }
        }
        return last;
    }

    private boolean hasHistory(Layer layer) {
        return histories.stream().anyMatch(h -> h.appliesTo(layer));
    }

    private Feature prepareOrRefuse(Layer layer, Feature feature) {
        List<RuleViolation> broken = new ArrayList<>();
        return prepare(layer, feature, "", broken).orElseThrow(() -> new RuleViolationException(broken));
    }

    /** Computed areas, the common input rules and what the layer's module derives; empty (and why) when refused. */
    private Optional<Feature> prepare(Layer layer, Feature feature, String pointer, List<RuleViolation> refused) {
        // what the server computes is dropped first: a client's area_m2 of 1e16 is not the client's problem
        Feature given = ComputedAttributes.strip(layer, feature);
        List<RuleViolation> broken = InputRules.check(layer, given, limits);
        if (!broken.isEmpty()) {
            broken.forEach(v -> refused.add(v.at(pointer + v.pointer())));
            return Optional.empty();
        }
        Feature prepared = ComputedAttributes.apply(layer, given);
        for (LayerRules rule : rules) {
            if (rule.appliesTo(layer)) {
                prepared = rule.prepare(layer, prepared, view);
            }
        }
        return Optional.of(prepared);
    }

    private static String key(Layer layer, String id) {
        return layer.id() + "\u0000" + id;
    }

    /** The park read inside this transaction; whole small layers are read once until this batch writes to them. */
    private static final org.locationtech.jts.geom.GeometryFactory BOXES = new org.locationtech.jts.geom.GeometryFactory();

    /**
     * From how many features written in one batch the rules' "what lies near this one" is answered from an index of
     * the layer built once in memory rather than a query each: a seed or an import of 100 000 parcels asks it 100 000
     * times, and the embedded store has no spatial index to answer from (V7), so a query each is quadratic.
     */
    private static final int INDEX_FROM = 64;

    private final class View implements ParkView {
        private final Map<ParkLayer, List<Feature>> whole = new HashMap<>();
        private final Map<ParkLayer, STRtree> indexes = new HashMap<>();

        @Override
        public List<Feature> within(ParkLayer layer, Envelope box) {
            Geometry area = BOXES.toGeometry(box);
            List<Feature> found = new ArrayList<>();
            if (written.size() < INDEX_FROM) {
                store.stream(catalog.require(layer), FeatureQuery.filtered(Filter.intersects(area)), found::add);
                return found;
            }
            STRtree index = indexes.computeIfAbsent(layer, l -> {
                STRtree tree = new STRtree();
                all(l).forEach(f -> tree.insert(f.geometry().getEnvelopeInternal(), f));
                tree.build();
                return tree;
            });
            for (Object candidate : index.query(box)) {
                Feature feature = (Feature) candidate;
                if (feature.geometry().intersects(area)) { // as the store's filter would
                    found.add(feature);
                }
            }
            return found;
        }

        @Override
        public java.util.Set<String> codes(ParkLayer layer, java.util.Collection<String> codes) {
            java.util.Set<String> found = new java.util.HashSet<>();
            if (codes.isEmpty()) {
                return found;
            }
            store.stream(catalog.require(layer), new FeatureQuery(new Filter.In(new org.parkatlas.feature.filter
                    .Expression.Property("code"), codes.stream().distinct().<org.parkatlas.feature.filter.Expression>map(
                    org.parkatlas.feature.filter.Expression.Literal::new).toList()), List.of("code"), List.of(), 0,
                    Integer.MAX_VALUE), f -> found.add(String.valueOf(f.property("code"))));
            return found;
        }

        @Override
        public Optional<Feature> before(ParkLayer layer, String id) {
            return Optional.ofNullable(befores.get(layer.id() + "\u0000" + id));
        }

        @Override
        public List<Feature> all(ParkLayer layer) {
            return whole.computeIfAbsent(layer, l -> store.query(catalog.require(l), FeatureQuery.all()).features());
        }

        void forget(Layer layer) {
            whole.keySet().removeIf(l -> l.is(layer));
            indexes.keySet().removeIf(l -> l.is(layer));
        }
    }
}
