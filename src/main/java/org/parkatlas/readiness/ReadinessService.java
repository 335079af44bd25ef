package org.parkatlas.readiness;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureNotFoundException;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;
import org.parkatlas.network.Schedule;
import org.parkatlas.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
 *
 * <p>The whole park is worked out ahead of the first read, on a thread of its own: once the service is up, and
 * again as soon as an import (a change to many features) has committed. A read that comes while that runs waits for
 * it, as it would have worked it out itself; one that comes later finds it done. That is what made the first read
 * after importing 10 000 parcels wait 4–6 s (issue 13): the first assessment of a fresh JVM runs interpreted.
 */
@Service
public class ReadinessService implements DerivedProperties {

    private static final Logger log = LoggerFactory.getLogger(ReadinessService.class);
    private static final Set<ParkLayer> INPUTS = EnumSet.of(ParkLayer.PARCELS, ParkLayer.ROADS,
            ParkLayer.UTILITY_LINES, ParkLayer.FACILITIES);

    private final Catalog catalog;
    private final FeatureStore store;
    private final ReadinessProperties rules;
    private volatile Map<String, LocalDate> buildings;
    /**
     * The engine, its results and the parcels they are for. The engine is replaced when a network changes; results
     * and parcels are updated in place for the parcels a change can reach.
     */
    private static final class State {
        private final ReadinessEngine engine;
        private final Map<String, ParcelReadiness> results;
        private final ParcelIndex parcels;

        State(ReadinessEngine engine, Map<String, ParcelReadiness> results, ParcelIndex parcels) {
            this.engine = engine;
            this.results = results;
            this.parcels = parcels;
        }

        State withEngine(ReadinessEngine newEngine) {
            return new State(newEngine, results, parcels);
        }
    }

    private volatile State state;
    /** Works the park out ahead of reads; one at a time, and never keeping the service from stopping. */
    private final java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "readiness-ahead");
                thread.setDaemon(true);
                return thread;
            });

    /** The scenarios' own answers, by scenario id: the parcels each answers differently for, the latest used kept. */
    private final Map<String, Overlay> overlays = new LinkedHashMap<>(16, 0.75f, true);
    private final org.springframework.beans.factory.ObjectProvider<WhatIfs> whatIfs;
    private final int scenariosKept;
    /** Moves on with every change to what readiness is worked out from, so a scenario's answer knows when it is old. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public ReadinessService(Catalog catalog, FeatureStore store, ReadinessProperties rules,
                            org.springframework.beans.factory.ObjectProvider<WhatIfs> whatIfs,
                            @org.springframework.beans.factory.annotation.Value("${parkatlas.scenarios.kept:10}")
                            int scenariosKept) {
        this.catalog = catalog;
        this.store = store;
        this.rules = rules;
        this.whatIfs = whatIfs;
        this.scenariosKept = Math.max(1, scenariosKept);
    }

    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void started() {
        workOutAhead();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        // not shutdownNow(): interrupting a thread inside an H2 read closes the database file's channel under it,
        // and H2's own close at exit then spun for good (an import command hung in CI); the thread is a daemon
        ahead.shutdown();
    }

    private void workOutAhead() {
        try {
            ahead.submit(() -> {
                try {
                    results();
                } catch (RuntimeException e) {
                    // the next read works it out itself, and says what is wrong if it still is
                    log.warn("Readiness could not be worked out ahead of reads: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
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

    /** Every parcel's readiness as {@code context} asks for it: the park as planned, or inside its scenario. */
    public Map<String, ParcelReadiness> all(ReadContext context) {
        return context.scenario() == null ? results() : scenario(context.scenario());
    }

    public Optional<ParcelReadiness> of(String parcelId, ReadContext context) {
        return Optional.ofNullable(all(context).get(parcelId));
    }

    /**
     * One parcel changed: only it is assessed again. One road, line or facility changed: only the networks it
     * belongs to are built again, and only the parcels within reach of a line whose date changed are assessed
     * again. A change to many features at once (an import): everything is worked out again on the next read.
     */
    @EventListener
    void on(LayerChanged change) {
        if (ParkLayer.FACTORY_BUILDINGS.is(change.layerId())) {
            buildings = null; // a handful of rows: read again on the next read
        }
        if (INPUTS.stream().noneMatch(l -> l.is(change.layerId()))) {
            return;
        }
        synchronized (this) {
            generation.incrementAndGet(); // every scenario's answer is over the park as it was: work it out again
            State current = state;
            if (current == null) {
                return;
            }
            if (change.featureId() == null) {
                state = null;
                workOutAhead(); // committed already (the writer publishes after commit): start on it now
            } else if (ParkLayer.PARCELS.is(change.layerId())) {
                reassess(current, change.featureId());
            } else {
                NetworkChange plan = NetworkChange.of(catalog, store, current.engine.works(), change);
                state = update(current, current.engine.rebuilt(plan.works(), plan.items()), plan.items(),
                        plan.everywhere());
            }
        }
    }

    private void reassess(State current, String parcelId) {
        store.get(catalog.require(ParkLayer.PARCELS), parcelId).ifPresentOrElse(f -> {
            ParkWorks.Parcel parcel = parcel(f);
            current.parcels.put(parcel);
            current.results.put(parcelId, current.engine.assess(parcel));
        }, () -> {
            current.parcels.remove(parcelId);
            current.results.remove(parcelId);
        });
    }

    /** Re-assesses the given items of the parcels within reach of the changes, with the new engine. */
    State update(State current, ReadinessEngine engine, Set<ReadinessItem> items, boolean everywhere) {
        long start = System.nanoTime();
        int reassessed = 0;
        for (ReadinessItem item : items) {
            if (!engine.items().contains(item)) {
                continue;
            }
            java.util.Collection<ParkWorks.Parcel> affected = everywhere ? current.parcels.all().values()
                    : ScenarioOverlay.withinReach(current.engine, engine, item, current.parcels);
            for (ParkWorks.Parcel parcel : affected) {
                current.results.computeIfPresent(parcel.id(), (id, r) -> r.with(engine.assess(item, parcel)));
            }
            reassessed += affected.size();
        }
        log.debug("Readiness of {} parcel items updated in {} ms", reassessed, (System.nanoTime() - start) / 1e6);
        return current.withEngine(engine);
    }

    /** A scenario's answer: over the park's own results, the parcels it answers differently for. */
    private record Overlay(long version, long generation, Map<String, ParcelReadiness> readiness) {
    }

    /** The scenario's readiness, worked out again when the scenario or the park has changed since it last was. */
    private Map<String, ParcelReadiness> scenario(String id) {
        WhatIfs.WhatIf whatIf = java.util.Optional.ofNullable(whatIfs.getIfAvailable()).flatMap(w -> w.find(id)).orElseThrow(() -> new FeatureNotFoundException(
                org.parkatlas.catalog.Label.of("没有方案“" + id + "”", "there is no scenario \"" + id + "\"")));
        synchronized (overlays) {
            Overlay kept = overlays.get(id);
            if (kept != null && kept.version() == whatIf.version() && kept.generation() == generation.get()) {
                return kept.readiness();
            }
        }
        Overlay worked = overlay(whatIf);
        synchronized (overlays) {
            overlays.put(id, worked);
            while (overlays.size() > scenariosKept) {
                overlays.remove(overlays.keySet().iterator().next()); // the one used longest ago
            }
        }
        return worked.readiness();
    }

    /** A scenario worked out from the park's own readiness ({@link ScenarioOverlay}), consistent with it. */
    private Overlay overlay(WhatIfs.WhatIf whatIf) {
        long start = System.nanoTime();
        synchronized (this) {
            results();
            State base = state;
            Map<String, ParcelReadiness> changed = ScenarioOverlay.changedAnswers(base.engine, base.results,
                    base.parcels, whatIf.change());
            log.debug("Scenario {} v{}: {} parcels answer differently, worked out in {} ms", whatIf.id(),
                    whatIf.version(), changed.size(), (System.nanoTime() - start) / 1_000_000);
            return new Overlay(whatIf.version(), generation.get(), new Overlaid(base.results,
                    java.util.Collections.unmodifiableMap(changed)));
        }
    }

    /** The park's own answers with a scenario's in their place, as one read-only map. */
    private static final class Overlaid extends java.util.AbstractMap<String, ParcelReadiness> {
        private final Map<String, ParcelReadiness> base;
        private final Map<String, ParcelReadiness> changed;

        Overlaid(Map<String, ParcelReadiness> base, Map<String, ParcelReadiness> changed) {
            this.base = base;
            this.changed = changed;
        }

        @Override
        public ParcelReadiness get(Object key) {
            ParcelReadiness mine = changed.get(key);
            return mine != null ? mine : base.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return base.containsKey(key);
        }

        @Override
        public int size() {
            return base.size();
        }

        @Override
        public Set<Entry<String, ParcelReadiness>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Entry<String, ParcelReadiness>> iterator() {
                    java.util.Iterator<String> ids = base.keySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return ids.hasNext();
                        }

                        @Override
                        public Entry<String, ParcelReadiness> next() {
                            String id = ids.next();
                            return new SimpleImmutableEntry<>(id, get(id));
                        }
                    };
                }

                @Override
                public int size() {
                    return base.size();
                }
            };
        }
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PARCELS.is(layer);
    }


    /** The assessment is kept by parcel id; the tier also looks up the buildings on the parcel by its code. */
    @Override
    public java.util.Set<String> reads() {
        return java.util.Set.of("code");
    }

    @Override
    public void derive(Layer layer, Feature feature, ReadContext context, Map<String, Object> properties) {
        LocalDate day = context.day();
        ParcelReadiness readiness = all(context).get(feature.id());
        if (readiness == null) {
            return;
        }
        for (ItemAssessment item : readiness.items()) {
            properties.put(item.item().attribute(), item.metOn(day));
        }
        int met = readiness.metOn(day); // once: every feature of every page comes through here
        properties.put("readiness_met", (long) met);
        properties.put("readiness_total", (long) readiness.items().size());
        properties.put("ready", met == readiness.items().size());
        properties.put("readiness_tier", (long) ReadinessTier.of(readiness, day,
                availableBuildings().get(String.valueOf(feature.property("code")))));
        LocalDate readyDate = readiness.readyDate();
        if (readyDate != null) {
            properties.put("ready_date", readyDate);
        }
    }

    /**
     * When a standardized factory building on each parcel (by {@code parcel_code}) is, or will be, available to a
     * new investor: the earliest of its buildings with status {@code available} (a leased or sold one is not).
     */
    private Map<String, LocalDate> availableBuildings() {
        Map<String, LocalDate> current = buildings;
        if (current == null) {
            Map<String, LocalDate> found = new java.util.HashMap<>();
            for (Feature building : read(ParkLayer.FACTORY_BUILDINGS)) {
                Object parcel = building.property("parcel_code");
                if (parcel != null && "available".equals(building.property("status"))) {
                    LocalDate from = building.property("completion_date") instanceof LocalDate d ? d : LocalDate.MIN;
                    found.merge(parcel.toString(), from, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            current = Map.copyOf(found);
            buildings = current;
        }
        return current;
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
        return current.results;
    }

    private State compute() {
        long start = System.nanoTime();
        ParkWorks works = works();
        long read = System.nanoTime();
        ReadinessEngine engine = new ReadinessEngine(works, rules);
        Map<String, ParcelReadiness> computed = new ConcurrentHashMap<>(engine.assessAll(works.parcels()));
        Map<String, ParkWorks.Parcel> parcels = new ConcurrentHashMap<>();
        works.parcels().forEach(p -> parcels.put(p.id(), p));
        log.info("Readiness ({}) worked out for {} parcels in {} ms ({} ms reading the layers)", rules.standard(),
                computed.size(), (System.nanoTime() - start) / 1_000_000, (read - start) / 1_000_000);
        return new State(engine, computed, new ParcelIndex(parcels));
    }

    /**
     * The park's works, read from the store: only the columns the engine reads (a
     * parcel's 20-odd attributes were most of the time spent reading).
     */
    private ParkWorks works() {
        return new ParkWorks(
                read(ParkLayer.PARCELS, "code", "leveling", "leveling_date").stream().map(ReadinessService::parcel)
                        .toList(),
                read(ParkLayer.ROADS, "red_line_width_m", "gateway", "status", "completion_date", "name", "name_en")
                        .stream().map(ReadinessService::road).toList(),
                read(ParkLayer.UTILITY_LINES, "utility", "status", "completion_date", "name", "name_en").stream()
                        .map(ReadinessService::utilityLine).toList(),
                read(ParkLayer.FACILITIES).stream().map(ReadinessService::facility).toList());
    }

    /**
     * Every parcel's readiness if the works were as {@code change} says (a scenario), by the same engine and rules;
     * the park's own readiness, kept for every reader, is not touched.
     */
    public Map<String, ParcelReadiness> whatIf(WorksChange change) {
        ParkWorks works = change.applyTo(works());
        return new ReadinessEngine(works, rules).assessAll(works.parcels());
    }

    static ParkWorks.Parcel parcel(Feature f) {
        return new ParkWorks.Parcel(f.id(), (String) f.property("code"), f.geometry(), (String) f.property("leveling"),
                (LocalDate) f.property("leveling_date"));
    }

    private List<Feature> read(ParkLayer layer, String... properties) {
        FeatureQuery query = properties.length == 0 ? FeatureQuery.all()
                : new FeatureQuery(org.parkatlas.feature.filter.Filter.INCLUDE, List.of(properties), List.of(), 0,
                Integer.MAX_VALUE);
        return store.query(catalog.require(layer), query).features();
    }

    static ParkWorks.Road road(Feature f) {
        return new ParkWorks.Road(line(f), number(f, "red_line_width_m"), Boolean.TRUE.equals(f.property("gateway")));
    }

    static ParkWorks.UtilityLine utilityLine(Feature f) {
        return new ParkWorks.UtilityLine(line(f), (String) f.property("utility"));
    }

    static ParkWorks.Facility facility(Feature f) {
        String status = (String) f.property("status");
        return new ParkWorks.Facility(new NetworkSource(f.id(), (String) f.property("name"),
                (String) f.property("name_en"), status,
                (Point) f.geometry(), Schedule.inService(status, (LocalDate) f.property("completion_date"))),
                (String) f.property("kind"));
    }

    static NetworkLine line(Feature f) {
        String status = (String) f.property("status");
        return new NetworkLine(f.id(), (String) f.property("name"), (String) f.property("name_en"), status,
                (LineString) f.geometry(),
                Schedule.inService(status, (LocalDate) f.property("completion_date")));
    }

    static double number(Feature f, String name) {
        Object value = f.property(name);
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
