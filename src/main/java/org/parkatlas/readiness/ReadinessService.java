package org.parkatlas.readiness;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;
import org.parkatlas.network.Schedule;
import org.parkatlas.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every parcel's readiness worked out from the store: computed on first use, and again after any change to
 * parcels, roads, utility lines or facilities, so the next read is always correct. Also adds the flat readiness
 * attributes to parcels as they are read.
 */
@Service
public class ReadinessService implements DerivedProperties {

    private static final Logger log = LoggerFactory.getLogger(ReadinessService.class);
    private static final Set<String> INPUTS = Set.of("parcels", "roads", "utility-lines", "facilities");

    private final Catalog catalog;
    private final FeatureStore store;
    private final ReadinessProperties rules;
    /** The results and the engine that made them; replaced whole when the networks change. */
    private record State(ReadinessEngine engine, Map<String, ParcelReadiness> results) {
    }

    private volatile State state;

    public ReadinessService(Catalog catalog, FeatureStore store, ReadinessProperties rules) {
        this.catalog = catalog;
        this.store = store;
        this.rules = rules;
    }

    public List<ReadinessItem> items() {
        return rules.items();
    }

    public String standard() {
        return rules.standard();
    }

    public Optional<ParcelReadiness> of(String parcelId) {
        return Optional.ofNullable(results().get(parcelId));
    }

    public Map<String, ParcelReadiness> all() {
        return results();
    }

    /**
     * One parcel changed: only it is assessed again (the networks are the same). Anything else that readiness
     * depends on changed: everything is worked out again on the next read.
     */
    @EventListener
    void on(LayerChanged change) {
        if (!INPUTS.contains(change.layerId())) {
            return;
        }
        State current = state;
        if (change.layerId().equals("parcels") && change.featureId() != null && current != null) {
            synchronized (this) {
                reassess(current, change.featureId());
            }
        } else {
            state = null;
        }
    }

    private void reassess(State current, String parcelId) {
        store.get(catalog.require("parcels"), parcelId).ifPresentOrElse(
                f -> current.results().put(parcelId, current.engine().assess(parcel(f))),
                () -> current.results().remove(parcelId));
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return layer.id().equals("parcels");
    }

    @Override
    public Feature enrich(Layer layer, Feature feature, LocalDate day) {
        ParcelReadiness readiness = results().get(feature.id());
        if (readiness == null) {
            return feature;
        }
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        for (ItemAssessment item : readiness.items()) {
            properties.put("readiness_" + item.item().id(), item.metOn(day));
        }
        properties.put("readiness_met", (long) readiness.metOn(day));
        properties.put("readiness_total", (long) readiness.items().size());
        properties.put("ready", readiness.readyOn(day));
        if (readiness.readyDate() != null) {
            properties.put("ready_date", readiness.readyDate());
        }
        return feature.withProperties(properties);
    }

    private Map<String, ParcelReadiness> results() {
        State current = state;
        if (current == null) {
            synchronized (this) {
                current = state;
                if (current == null) {
                    current = compute();
                    state = current;
                }
            }
        }
        return current.results();
    }

    private State compute() {
        long start = System.nanoTime();
        ParkWorks works = new ParkWorks(
                read("parcels").stream().map(ReadinessService::parcel).toList(),
                read("roads").stream().map(f -> new ParkWorks.Road(line(f), number(f, "red_line_width_m"),
                        Boolean.TRUE.equals(f.property("gateway")))).toList(),
                read("utility-lines").stream().map(f -> new ParkWorks.UtilityLine(line(f),
                        (String) f.property("utility"))).toList(),
                read("facilities").stream().map(f -> new ParkWorks.Facility(new NetworkSource(f.id(),
                        (String) f.property("name"), (String) f.property("status"), (Point) f.geometry(),
                        Schedule.inService((String) f.property("status"), (LocalDate) f.property("completion_date"))),
                        (String) f.property("kind"))).toList());
        ReadinessEngine engine = new ReadinessEngine(works, rules);
        Map<String, ParcelReadiness> computed = new ConcurrentHashMap<>(engine.assessAll(works.parcels()));
        log.info("Readiness ({}) worked out for {} parcels in {} ms", rules.standard(), computed.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new State(engine, computed);
    }

    private static ParkWorks.Parcel parcel(Feature f) {
        return new ParkWorks.Parcel(f.id(), (String) f.property("code"), f.geometry(), (String) f.property("leveling"),
                (LocalDate) f.property("leveling_date"));
    }

    private List<Feature> read(String layer) {
        return store.query(catalog.require(layer), FeatureQuery.all()).features();
    }

    private static NetworkLine line(Feature f) {
        String status = (String) f.property("status");
        return new NetworkLine(f.id(), (String) f.property("name"), status, (LineString) f.geometry(),
                Schedule.inService(status, (LocalDate) f.property("completion_date")));
    }

    private static double number(Feature f, String name) {
        Object value = f.property(name);
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
