package org.parkatlas.proximity;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
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
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the parcels' {@code <target>_distance_m} attributes the catalogue declares ({@code gateway_distance_m}, and
 * one per facility kind, e.g. {@code sewage_plant_distance_m}) as they are read: the distance from the parcel to the
 * nearest such work, whatever its construction status, rounded to the metre; absent where the park has none. The
 * works are indexed once and again after roads or facilities change.
 */
@Service
public class Proximity implements DerivedProperties {

    public static final String GATEWAY = "gateway";
    private static final String SUFFIX = "_distance_m";

    private static final ItemDistance EDGE_TO_EDGE = (a, b) -> geometry(a.getItem()).distance(geometry(b.getItem()));

    private final Catalog catalog;
    private final FeatureStore store;
    /** gateway and the facility kinds the catalogue gives parcels a distance to. */
    private final List<String> targets;
    private volatile Map<String, STRtree> works;
    private final Map<String, Distances> distances = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** Enough for a park of a million parcels; past it distances are measured on each read, not kept. */
    private static final int MAX_KEPT = 1_000_000;

    Proximity(Catalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
        this.targets = catalog.require(ParkLayer.PARCELS).derivedAttributes().stream().map(a -> a.name())
                .filter(n -> n.endsWith(SUFFIX)).map(n -> n.substring(0, n.length() - SUFFIX.length())).toList();
    }

    /** The attribute holding the distance to the nearest {@code target} (gateway or a facility kind). */
    public static String attribute(String target) {
        return target + SUFFIX;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PARCELS.is(layer);
    }


    /** Distances are measured from the geometry alone. */
    @Override
    public java.util.Set<String> reads() {
        return java.util.Set.of();
    }

    /**
     * The distances of a stored parcel are kept until it or the works change: a search over 100 000 parcels would
     * otherwise measure 600 000 edge-to-edge distances on every read, for the same answers.
     */
    @Override
    public void derive(Layer layer, Feature feature, ReadContext context, Map<String, Object> properties) {
        Geometry geometry = feature.geometry();
        if (geometry == null) {
            return;
        }
        Distances known = distances.get(feature.id());
        long works = generation.get();
        if (known == null || known.generation() != works || known.version() != feature.version()
                || !known.envelope().equals(geometry.getEnvelopeInternal())) {
            List<Nearest> nearest = nearest(geometry);
            String[] names = new String[nearest.size()];
            double[] metres = new double[nearest.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = attribute(nearest.get(i).target());
                metres[i] = nearest.get(i).metres();
            }
            known = new Distances(works, feature.version(), geometry.getEnvelopeInternal(), names, metres);
            if (distances.size() < MAX_KEPT) {
                distances.put(feature.id(), known);
            }
        }
        for (int i = 0; i < known.names().length; i++) {
            properties.put(known.names()[i], known.metres()[i]);
        }
    }

    /** A parcel's distances as of one state of the works and one version of it (and, as a guard, its bounds). */
    private record Distances(long generation, long version, org.locationtech.jts.geom.Envelope envelope, String[] names,
                             double[] metres) {
    }

    /** The nearest work of one target (gateway or facility kind): the feature and how far, to the metre. */
    public record Nearest(String target, Feature work, double metres) {
    }

    /** For each target the park has, the nearest work to {@code geometry} (in the storage CRS) and its distance. */
    public List<Nearest> nearest(Geometry geometry) {
        List<Nearest> found = new java.util.ArrayList<>();
        works().forEach((target, index) -> {
            Feature nearest = (Feature) index.nearestNeighbour(geometry.getEnvelopeInternal(), geometry, EDGE_TO_EDGE);
            if (nearest != null) {
                found.add(new Nearest(target, nearest, (double) Math.round(geometry.distance(nearest.geometry()))));
            }
        });
        return found;
    }

    private static Geometry geometry(Object item) {
        return item instanceof Feature f ? f.geometry() : (Geometry) item;
    }

    @EventListener
    void on(LayerChanged change) {
        if (ParkLayer.ROADS.is(change.layerId()) || ParkLayer.FACILITIES.is(change.layerId())) {
            generation.incrementAndGet(); // before the clear: a read measuring meanwhile keeps nothing stale
            works = null;
            distances.clear();
        } else if (ParkLayer.PARCELS.is(change.layerId()) && change.featureId() == null) {
            distances.clear(); // an import: the parcels it retired need no distances kept
        }
    }

    private Map<String, STRtree> works() {
        Map<String, STRtree> current = works;
        if (current == null) {
            Map<String, STRtree> built = new LinkedHashMap<>();
            for (Feature road : read(ParkLayer.ROADS)) {
                if (targets.contains(GATEWAY) && Boolean.TRUE.equals(road.property("gateway"))) {
                    add(built, GATEWAY, road);
                }
            }
            for (Feature facility : read(ParkLayer.FACILITIES)) {
                Object kind = facility.property("kind");
                if (kind != null && targets.contains(kind.toString())) {
                    add(built, kind.toString(), facility);
                }
            }
            built.values().forEach(STRtree::build);
            current = Map.copyOf(built);
            works = current;
        }
        return current;
    }

    private static void add(Map<String, STRtree> built, String target, Feature work) {
        if (work.geometry() != null) {
            built.computeIfAbsent(target, t -> new STRtree()).insert(work.geometry().getEnvelopeInternal(), work);
        }
    }

    private List<Feature> read(ParkLayer layer) {
        return store.query(catalog.require(layer), FeatureQuery.all()).features();
    }
}
