package org.parkatlas.readiness;

import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A what-if over the works (a scenario's changes, not a copy of the layers): the schedule of facilities, roads and
 * utility lines changed (their {@code status} and {@code completion_date}), works removed, and works that exist only
 * in the what-if added. Laid over the works the readiness engine reads; nothing stored changes.
 *
 * @param overrides by collection id, then feature id: the new status and completion date (either may be absent:
 *                  the stored one stays; {@link #CLEARED} as the date: no date)
 * @param removals  by collection id: the ids of the works left out
 * @param additions by collection id: the works added, in the storage CRS
 */
public record WorksChange(Map<String, Map<String, NewSchedule>> overrides, Map<String, Set<String>> removals,
                          Map<String, List<Feature>> additions) {

    /** The collections a what-if may change: the works readiness is computed from. */
    public static final Set<String> WORKS = Set.of(ParkLayer.FACILITIES.id(), ParkLayer.ROADS.id(),
            ParkLayer.UTILITY_LINES.id());

    /** A completion date taken away by the what-if (the work then has none: "not scheduled"). */
    public static final LocalDate CLEARED = LocalDate.MIN;

    /**
     * A work's new schedule: {@code status} and {@code completion} replace the stored ones where given (null: kept).
     */
    public record NewSchedule(String status, LocalDate completion) {
    }

    public WorksChange {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        removals = removals == null ? Map.of() : Map.copyOf(removals);
        additions = additions == null ? Map.of() : Map.copyOf(additions);
    }

    /** No change at all: the park as planned. */
    public static WorksChange none() {
        return new WorksChange(null, null, null);
    }

    /** The works as the what-if has them; the parcels are the same. */
    ParkWorks applyTo(ParkWorks works) {
        return applyTo(works, new WorksIndex(works));
    }

    /** The same, finding the works it names through {@code index} (of {@code works}). */
    ParkWorks applyTo(ParkWorks works, WorksIndex index) {
        return new ParkWorks(works.parcels(),
                laid(ParkLayer.ROADS, works.roads(), index::road, r -> r.line().id(),
                        (r, s) -> new ParkWorks.Road(rescheduled(r.line(), s), r.redLineWidth(), r.gateway()),
                        ReadinessService::road),
                laid(ParkLayer.UTILITY_LINES, works.lines(), index::line, l -> l.line().id(),
                        (l, s) -> new ParkWorks.UtilityLine(rescheduled(l.line(), s), l.utility()),
                        ReadinessService::utilityLine),
                laid(ParkLayer.FACILITIES, works.facilities(), index::facility, f -> f.source().id(),
                        (f, s) -> new ParkWorks.Facility(rescheduled(f.source(), s), f.kind()),
                        ReadinessService::facility));
    }

    /**
     * The items whose networks the what-if touches: a road changes the road item, a line its utility's items (as
     * stored and as added), a facility the items it feeds. The others keep the park's own networks and answers.
     */
    Set<ReadinessItem> items(ParkWorks works, WorksIndex index) {
        Set<ReadinessItem> items = EnumSet.noneOf(ReadinessItem.class);
        if (touches(ParkLayer.ROADS)) {
            items.add(ReadinessItem.ROAD);
        }
        for (String id : named(ParkLayer.UTILITY_LINES)) {
            Integer at = index.line(id);
            if (at != null) {
                items.addAll(NetworkChange.servedBy(works.lines().get(at).utility()));
            }
        }
        for (Feature added : additions.getOrDefault(ParkLayer.UTILITY_LINES.id(), List.of())) {
            items.addAll(NetworkChange.servedBy((String) added.property("utility")));
        }
        for (String id : named(ParkLayer.FACILITIES)) {
            Integer at = index.facility(id);
            if (at != null) {
                items.addAll(NetworkChange.fedBy(works.facilities().get(at).kind()));
            }
        }
        for (Feature added : additions.getOrDefault(ParkLayer.FACILITIES.id(), List.of())) {
            items.addAll(NetworkChange.fedBy((String) added.property("kind")));
        }
        return items;
    }

    /** The stored works of {@code layer} the what-if reschedules or removes. */
    private Set<String> named(ParkLayer layer) {
        Set<String> ids = new java.util.HashSet<>(overrides.getOrDefault(layer.id(), Map.of()).keySet());
        ids.addAll(removals.getOrDefault(layer.id(), Set.of()));
        return ids;
    }

    /** The facilities the what-if changes, adds or removes: a parcel they serve shows them, so it is told again. */
    Set<String> facilities() {
        Set<String> ids = new java.util.HashSet<>(overrides.getOrDefault(ParkLayer.FACILITIES.id(), Map.of()).keySet());
        ids.addAll(removals.getOrDefault(ParkLayer.FACILITIES.id(), Set.of()));
        additions.getOrDefault(ParkLayer.FACILITIES.id(), List.of()).forEach(f -> ids.add(f.id()));
        return ids;
    }

    private boolean touches(ParkLayer layer) {
        return !overrides.getOrDefault(layer.id(), Map.of()).isEmpty()
                || !removals.getOrDefault(layer.id(), Set.of()).isEmpty()
                || !additions.getOrDefault(layer.id(), List.of()).isEmpty();
    }

    /**
     * The works of {@code layer} with the what-if laid over them: rescheduled in place, removed, and added at the
     * end. Only the works it names are looked at (through {@code position}); the rest are copied as they are.
     */
    private <T> List<T> laid(ParkLayer layer, List<T> works, Function<String, Integer> position,
                             Function<T, String> idOf, java.util.function.BiFunction<T, NewSchedule, T> reschedule,
                             Function<Feature, T> added) {
        Map<String, NewSchedule> changed = overrides.getOrDefault(layer.id(), Map.of());
        Set<String> gone = removals.getOrDefault(layer.id(), Set.of());
        List<Feature> extra = additions.getOrDefault(layer.id(), List.of());
        if (changed.isEmpty() && gone.isEmpty() && extra.isEmpty()) {
            return works;
        }
        List<T> laid = new ArrayList<>(works.size() + extra.size());
        laid.addAll(works);
        changed.forEach((id, schedule) -> {
            Integer at = position.apply(id);
            if (at != null) {
                laid.set(at, reschedule.apply(laid.get(at), schedule));
            }
        });
        if (!gone.isEmpty()) {
            laid.removeIf(work -> gone.contains(idOf.apply(work)));
        }
        extra.forEach(f -> laid.add(added.apply(f)));
        return List.copyOf(laid);
    }

    private static NetworkLine rescheduled(NetworkLine line, NewSchedule schedule) {
        String status = schedule.status() != null ? schedule.status() : line.status();
        LocalDate completion = completion(schedule, line.inService());
        return new NetworkLine(line.id(), line.name(), line.nameEn(), status, line.geometry(),
                org.parkatlas.network.Schedule.inService(status, completion));
    }

    private static NetworkSource rescheduled(NetworkSource source, NewSchedule schedule) {
        String status = schedule.status() != null ? schedule.status() : source.status();
        LocalDate completion = completion(schedule, source.inService());
        return new NetworkSource(source.id(), source.name(), source.nameEn(), status, source.location(),
                org.parkatlas.network.Schedule.inService(status, completion));
    }

    /**
     * The completion date the work has in the what-if. The engine keeps only the in-service day, which is the stored
     * completion date when there is one; an existing work without one ({@link org.parkatlas.network.Schedule#ALWAYS})
     * had none.
     */
    private static LocalDate completion(NewSchedule schedule, LocalDate inService) {
        if (schedule.completion() != null) {
            return schedule.completion() == CLEARED ? null : schedule.completion();
        }
        return org.parkatlas.network.Schedule.ALWAYS.equals(inService) ? null : inService;
    }
}
