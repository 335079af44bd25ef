package org.parkatlas.readiness;

import org.locationtech.jts.geom.Geometry;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A what-if's readiness worked out from the park's own answers rather than from scratch: the networks the change
 * touches are built again (a facility's date moves the dates of the lines it feeds; the other networks are kept), and
 * only the parcels within reach of a line whose connected date moved, came or went — or that a changed facility
 * serves, since their answers name it — are assessed again, item by item. What is kept is only the parcels that then
 * answer differently, so a scenario costs its changed parcels, not a park. Pure: no store, no HTTP.
 *
 * <p>{@code ScenarioReadinessTest} checks it against assessing every parcel from scratch over the changed works;
 * {@code ScenarioBenchmark} times it on 100 000 parcels.
 */
final class ScenarioOverlay {

    /** Past this share of the parcels, assessing every parcel is cheaper than finding each one near a moved line. */
    private static final int EVERYWHERE_BEYOND = 20;
    /** Past this many parcels, they are assessed on every core. */
    private static final int PARALLEL_BEYOND = 5_000;

    private ScenarioOverlay() {
    }

    /**
     * The parcels {@code change} answers differently for, with their answers in it.
     *
     * @param base    the engine over the park's works
     * @param answers the park's own answers, by parcel id
     */
    static Map<String, ParcelReadiness> changedAnswers(ReadinessEngine base, Map<String, ParcelReadiness> answers,
                                                       ParcelIndex parcels, WorksChange change) {
        Set<ReadinessItem> items = EnumSet.noneOf(ReadinessItem.class);
        items.addAll(change.items(base.works(), base.index()));
        items.retainAll(base.items());
        if (items.isEmpty()) {
            return Map.of();
        }
        ReadinessEngine engine = base.rebuilt(change.applyTo(base.works(), base.index()), items);
        Set<String> facilities = change.facilities();
        Map<String, ParcelReadiness> changed = null;
        for (ReadinessItem item : items) {
            Map<String, ParkWorks.Parcel> affected = new LinkedHashMap<>();
            for (ParkWorks.Parcel p : withinReach(base, engine, item, parcels)) {
                affected.put(p.id(), p);
            }
            if (!facilities.isEmpty() && affected.size() < parcels.all().size()) {
                answers.forEach((parcelId, answer) -> {
                    ItemAssessment assessed = answer.item(item);
                    ParkWorks.Parcel parcel = parcels.get(parcelId);
                    if (assessed != null && assessed.source() != null && parcel != null
                            && facilities.contains(assessed.source().id())) {
                        affected.put(parcelId, parcel);
                    }
                });
            }
            if (changed == null) { // sized once: growing a map of 100 000 answers was a tenth of the time
                changed = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, affected.size() * 2));
            }
            Map<String, ParcelReadiness> answered = changed;
            // a source's date moves every parcel it serves: then both cores assess (the engine is read-only here)
            java.util.stream.Stream<ParkWorks.Parcel> each = affected.size() > PARALLEL_BEYOND
                    ? affected.values().parallelStream() : affected.values().stream();
            each.forEach(parcel -> {
                ParcelReadiness before = answered.getOrDefault(parcel.id(), answers.get(parcel.id()));
                if (before != null) {
                    answered.put(parcel.id(), before.with(engine.assess(item, parcel)));
                }
            });
        }
        if (changed == null) {
            return Map.of();
        }
        changed.entrySet().removeIf(e -> e.getValue().sameAs(answers.get(e.getKey())));
        return changed;
    }

    /**
     * The parcels whose answer for {@code item} may differ between {@code before} and {@code after}: those within
     * reach of a line whose connected date changed, came or went. When that is many lines (a source's date moved
     * every line it feeds), all parcels.
     */
    static Collection<ParkWorks.Parcel> withinReach(ReadinessEngine before, ReadinessEngine after, ReadinessItem item,
                                                    ParcelIndex parcels) {
        List<Geometry> changed = after.changedSince(before, item);
        if (changed.size() > parcels.all().size() / EVERYWHERE_BEYOND) {
            return parcels.all().values();
        }
        Map<String, ParkWorks.Parcel> affected = new LinkedHashMap<>();
        double reach = Math.max(after.reach(item), before.reach(item));
        for (Geometry line : changed) {
            parcels.near(line, reach).forEach(p -> affected.put(p.id(), p));
        }
        return affected.values();
    }
}
