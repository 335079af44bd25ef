package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.editing.RuleViolationException;
import org.parkatlas.editing.WriteBatch;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureNotFoundException;
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
 * What planners do to standard land besides drawing and reshaping it (which any write does): split a parcel along a
 * line (a new road), merge adjacent parcels for a large investor, restore an earlier version, and read its history.
 * Each is one write through the {@link FeatureWriter}: checked by the parcel rules inside its transaction and kept in
 * the parcels' history.
 */
@Service
public class ParcelService {

    private final Layer parcels;
    private final FeatureWriter writer;
    private final ParcelHistory history;

    ParcelService(Catalog catalog, FeatureWriter writer, ParcelHistory history) {
        this.parcels = catalog.require(ParkLayer.PARCELS);
        this.writer = writer;
        this.history = history;
    }

    /**
     * Cuts a parcel in two (or more) along {@code line} (storage CRS). The pieces inherit the attributes, are coded
     * {@code A-1}, {@code A-2} … from west to east, and get their areas worked out; the parcel itself is retired.
     */
    public List<Feature> split(String parcelId, LineString line, Long expectedVersion, String actor) {
        return writer.write(actor, batch -> {
            Feature parcel = live(batch, parcelId);
            List<Polygon> pieces = pieces(parcel.geometry(), line);
            if (pieces.size() < 2) {
                throw refused(ParcelRuleNames.SPLIT_LINE, Label.of("分割线没有从一边穿到另一边，未切出任何部分",
                        "the line does not cross the parcel from edge to edge, so it cuts nothing off"),
                        List.of(parcelId), line);
            }
            String code = String.valueOf(parcel.property("code"));
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                codes.add(code + "-" + (i + 1));
            }
            batch.retire(parcels, parcelId, expectedVersion, WriteOperation.SPLIT, Label.of(
                    "分割为 " + String.join("、", codes), "split into " + String.join(", ", codes)))
                    .orElseThrow(() -> notFound(parcelId));
            List<Feature> created = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                Map<String, Object> properties = new LinkedHashMap<>(parcel.properties());
                properties.put("code", codes.get(i));
                created.add(batch.create(parcels, new Feature(WriteBatch.newId(parcels), pieces.get(i), properties, 0),
                        WriteOperation.SPLIT, Label.of("由 " + code + " 分割而来", "split from " + code)));
            }
            return created;
        });
    }

    /**
     * Merges adjacent parcels into the first: it keeps its id and attributes and takes the union of the shapes;
     * the others are retired, and both sides' histories say so.
     */
    public Feature merge(List<String> ids, String actor) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() < 2) {
            throw refused(ParcelRuleNames.MERGE_PARCELS, Label.of("合并至少需要两个不同的地块",
                    "a merge needs at least two different parcels"), List.copyOf(distinct), null);
        }
        return writer.write(actor, batch -> {
            List<Feature> merged = distinct.stream().map(id -> live(batch, id)).toList();
            Geometry union = UnaryUnionOp.union(merged.stream().map(Feature::geometry).toList());
            if (!(union instanceof Polygon)) {
                throw refused(ParcelRuleNames.MERGE_ADJACENT, Label.of("这些地块互不相邻，合起来不是一整块地",
                        "the parcels are not adjacent: together they do not make one piece of land"),
                        List.copyOf(distinct), union);
            }
            Feature first = merged.get(0);
            List<Feature> others = merged.subList(1, merged.size());
            List<String> otherCodes = others.stream().map(f -> String.valueOf(f.property("code"))).toList();
            for (Feature other : others) {
                batch.retire(parcels, other.id(), other.version(), WriteOperation.MERGE, Label.of(
                        "并入 " + first.property("code"), "merged into " + first.property("code")));
            }
            return batch.replace(parcels, new Feature(first.id(), union, first.properties(), 0), first.version(),
                    WriteOperation.MERGE, Label.of("与 " + String.join("、", otherCodes) + " 合并",
                            "merged with " + String.join(", ", otherCodes))).orElseThrow();
        });
    }

    /**
     * Makes an earlier version the parcel's current one, as a new version checked by the same rules; a retired
     * parcel comes back to the live layer.
     */
    public Feature restore(String parcelId, long version, String actor) {
        ParcelVersion earlier = history.version(parcelId, version).orElseThrow(() -> new FeatureNotFoundException(
                Label.of("地块 " + parcelId + " 没有第 " + version + " 版", "parcel " + parcelId + " has no version "
                        + version)));
        if (earlier.geometryAfter() == null) {
            throw refused(ParcelRuleNames.RESTORE_VERSION, Label.of("第 " + version + " 版是地块的注销记录；请恢复它之前的版本",
                    "version " + version + " is the parcel's retirement; restore the version before it"),
                    List.of(parcelId), null);
        }
        Feature restored = new Feature(parcelId, earlier.geometryAfter(), earlier.properties(), 0);
        Label note = Label.of("恢复第 " + version + " 版", "restored version " + version);
        return writer.write(actor, batch -> {
            Optional<Feature> live = batch.get(parcels, parcelId);
            if (live.isPresent()) {
                return batch.replace(parcels, restored, live.get().version(), WriteOperation.EDIT, note)
                        .orElseThrow();
            }
            return batch.create(parcels, restored, WriteOperation.CREATE, note);
        });
    }

    /** Every version of a parcel, live or retired, oldest first. */
    public List<ParcelVersion> history(String parcelId) {
        return history.versions(parcelId);
    }

    private Feature live(WriteBatch batch, String id) {
        return batch.get(parcels, id).orElseThrow(() -> notFound(id));
    }

    private static FeatureNotFoundException notFound(String id) {
        return new FeatureNotFoundException(Label.of("没有现存的地块“" + id + "”", "there is no live parcel \"" + id
                + "\""));
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

    private static RuleViolationException refused(String rule, Label message, List<String> ids, Geometry where) {
        return new RuleViolationException(List.of(new RuleViolation(rule, message, ids, where)));
    }
}
