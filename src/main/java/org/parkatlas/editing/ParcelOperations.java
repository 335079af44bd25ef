package org.parkatlas.editing;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.ComputedAttributes;
import org.parkatlas.catalog.Layer;
import org.parkatlas.exchange.FeatureImporter;
import org.parkatlas.feature.Feature;
import org.parkatlas.parcel.ParcelVersion;
import org.parkatlas.parcel.ParcelVersion.Operation;
import org.parkatlas.store.FeatureStore;
import org.parkatlas.store.ParcelHistoryStore;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What planners do to standard land besides drawing and editing: split a parcel along a line (a new road), merge
 * adjacent parcels for a large investor, and restore an earlier version. Each is one transaction, checked by the
 * same topology rules as any write, and kept in the parcels' history.
 */
@Service
public class ParcelOperations {

    private final Layer parcels;
    private final FeatureStore store;
    private final FeatureEditor editor;
    private final ParcelHistoryStore history;

    public ParcelOperations(Catalog catalog, FeatureStore store, FeatureEditor editor, ParcelHistoryStore history) {
        this.parcels = catalog.require("parcels");
        this.store = store;
        this.editor = editor;
        this.history = history;
    }

    /**
     * Cuts a parcel in two (or more) along {@code line} (storage CRS). The pieces inherit the attributes, are coded
     * {@code A-1}, {@code A-2} … from west to east, and get their areas worked out; the parcel itself is retired.
     */
    public List<Feature> split(String parcelId, LineString line, Long expectedVersion, String actor) {
        Feature parcel = live(parcelId);
        List<Polygon> pieces = pieces(parcel.geometry(), line);
        if (pieces.size() < 2) {
            throw rule("split-line", "the line does not cross the parcel from edge to edge, so it cuts nothing off",
                    List.of(parcelId), line);
        }
        String code = String.valueOf(parcel.property("code"));
        List<Feature> created = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Map<String, Object> properties = new LinkedHashMap<>(parcel.properties());
            properties.put("code", code + "-" + (i + 1));
            created.add(ComputedAttributes.apply(parcels, new Feature(FeatureImporter.newId(parcels), pieces.get(i),
                    properties, 0)));
        }
        for (Feature piece : created) {
            editor.checkParcel(piece.geometry(), Set.of(parcelId));
        }
        List<Feature> stored = editor.transaction().execute(status -> {
            if (!store.delete(parcels, parcelId, expectedVersion)) {
                throw new NotFound("parcel " + parcelId + " went away during the split");
            }
            editor.remember(parcels, parcel, null, Operation.SPLIT, actor, "split into " + String.join(", ",
                    created.stream().map(f -> String.valueOf(f.property("code"))).toList()));
            List<Feature> result = new ArrayList<>();
            for (Feature piece : created) {
                Feature saved = store.create(parcels, piece);
                editor.remember(parcels, null, saved, Operation.SPLIT, actor, "split from " + code);
                result.add(saved);
            }
            return result;
        });
        editor.changed(parcels.id(), parcelId);
        stored.forEach(f -> editor.changed(parcels.id(), f.id()));
        return stored;
    }

    /**
     * Merges adjacent parcels into the first: it keeps its id and attributes and takes the union of the shapes;
     * the others are retired, and both sides' histories say so.
     */
    public Feature merge(List<String> ids, String actor) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() < 2) {
            throw rule("merge-parcels", "a merge needs at least two different parcels", List.copyOf(distinct), null);
        }
        List<Feature> merged = distinct.stream().map(this::live).toList();
        Geometry union = UnaryUnionOp.union(merged.stream().map(Feature::geometry).toList());
        if (!(union instanceof Polygon)) {
            throw rule("merge-adjacent", "the parcels are not adjacent: together they do not make one piece of land",
                    List.copyOf(distinct), union);
        }
        Feature first = merged.get(0);
        Feature result = ComputedAttributes.apply(parcels, new Feature(first.id(), union, first.properties(), 0));
        editor.checkParcel(union, distinct);
        List<String> others = merged.subList(1, merged.size()).stream()
                .map(f -> String.valueOf(f.property("code"))).toList();
        Feature saved = editor.transaction().execute(status -> {
            Feature updated = store.update(parcels, result, first.version()).orElseThrow();
            editor.remember(parcels, first, updated, Operation.MERGE, actor, "merged with " + String.join(", ",
                    others));
            for (Feature other : merged.subList(1, merged.size())) {
                store.delete(parcels, other.id(), other.version());
                editor.remember(parcels, other, null, Operation.MERGE, actor, "merged into "
                        + first.property("code"));
            }
            return updated;
        });
        distinct.forEach(id -> editor.changed(parcels.id(), id));
        return saved;
    }

    /**
     * Makes an earlier version the parcel's current one, as a new version checked by the same rules; a retired
     * parcel comes back to the live layer.
     */
    public Feature restore(String parcelId, long version, String actor) {
        ParcelVersion earlier = history.version(parcelId, version).orElseThrow(() -> new NotFound(
                "parcel " + parcelId + " has no version " + version));
        if (earlier.geometryAfter() == null) {
            throw rule("restore-version", "version " + version + " is the parcel's retirement; restore the version "
                    + "before it", List.of(parcelId), null);
        }
        Map<String, Object> properties = new LinkedHashMap<>(earlier.properties());
        Feature restored = ComputedAttributes.apply(parcels, new Feature(parcelId, earlier.geometryAfter(),
                properties, 0));
        Optional<Feature> live = store.get(parcels, parcelId);
        String note = "restored version " + version;
        if (live.isPresent()) {
            return editor.replace(parcels, restored, live.get().version(), actor, note).orElseThrow();
        }
        editor.checkParcel(restored.geometry(), Set.of(parcelId));
        Feature saved = editor.transaction().execute(status -> {
            Feature created = store.create(parcels, restored);
            editor.remember(parcels, null, created, Operation.CREATE, actor, note);
            return created;
        });
        editor.changed(parcels.id(), parcelId);
        return saved;
    }

    public List<ParcelVersion> history(String parcelId) {
        return history.versions(parcelId);
    }

    private Feature live(String id) {
        return store.get(parcels, id).orElseThrow(() -> new NotFound("there is no live parcel \"" + id + "\""));
    }

    /** The parts of the polygon that the line cuts off, west to east. */
    private static List<Polygon> pieces(Geometry parcel, LineString line) {
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(parcel.getBoundary().union(line));
        List<Polygon> pieces = new ArrayList<>();
        for (Object polygon : polygonizer.getPolygons()) {
            Polygon piece = (Polygon) polygon;
            if (parcel.contains(piece.getInteriorPoint())) {
                piece.setSRID(parcel.getSRID());
                pieces.add(piece);
            }
        }
        pieces.sort(Comparator.comparingDouble((Polygon p) -> p.getCentroid().getX())
                .thenComparingDouble(p -> p.getCentroid().getY()));
        return pieces;
    }

    private static RuleViolationException rule(String rule, String message, List<String> ids, Geometry where) {
        return new RuleViolationException(List.of(new RuleViolationException.Violation(rule, message, ids, where)));
    }

    /** A parcel or version that does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
