package org.parkatlas.readiness;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.store.FeatureStore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one edited road, utility line or facility means for readiness: the works with that one feature replaced
 * (or added, or removed), and the items whose networks it belongs to — before and after the edit, since a line can
 * change utility. A facility can rename or move a source, which every parcel it serves shows, so those items are
 * assessed again everywhere; a line or road only near the lines whose dates changed.
 */
record NetworkChange(ParkWorks works, Set<ReadinessItem> items, boolean everywhere) {

    static NetworkChange of(Catalog catalog, FeatureStore store, ParkWorks works, LayerChanged change) {
        Optional<Feature> now = store.get(catalog.require(change.layerId()), change.featureId());
        Set<ReadinessItem> items = EnumSet.noneOf(ReadinessItem.class);
        ParkLayer layer = ParkLayer.ROADS.is(change.layerId()) ? ParkLayer.ROADS
                : ParkLayer.UTILITY_LINES.is(change.layerId()) ? ParkLayer.UTILITY_LINES : ParkLayer.FACILITIES;
        return switch (layer) {
            case ROADS -> {
                items.add(ReadinessItem.ROAD);
                yield new NetworkChange(new ParkWorks(works.parcels(), replace(works.roads(), change.featureId(),
                        now.map(ReadinessService::road), r -> r.line().id()), works.lines(), works.facilities()),
                        items, false);
            }
            case UTILITY_LINES -> {
                Optional<ParkWorks.UtilityLine> line = now.map(ReadinessService::utilityLine);
                works.lines().stream().filter(l -> l.line().id().equals(change.featureId()))
                        .forEach(l -> items.addAll(servedBy(l.utility())));
                line.ifPresent(l -> items.addAll(servedBy(l.utility())));
                yield new NetworkChange(new ParkWorks(works.parcels(), works.roads(), replace(works.lines(),
                        change.featureId(), line, l -> l.line().id()), works.facilities()), items, false);
            }
            default -> {
                Optional<ParkWorks.Facility> facility = now.map(ReadinessService::facility);
                works.facilities().stream().filter(f -> f.source().id().equals(change.featureId()))
                        .forEach(f -> items.addAll(fedBy(f.kind())));
                facility.ifPresent(f -> items.addAll(fedBy(f.kind())));
                yield new NetworkChange(new ParkWorks(works.parcels(), works.roads(), works.lines(),
                        replace(works.facilities(), change.featureId(), facility, f -> f.source().id())), items,
                        true);
            }
        };
    }

    static Set<ReadinessItem> servedBy(String utility) {
        Set<ReadinessItem> items = EnumSet.noneOf(ReadinessItem.class);
        for (ReadinessItem item : ReadinessItem.values()) {
            if (utility != null && utility.equals(item.utility())) {
                items.add(item);
            }
        }
        return items;
    }

    static Set<ReadinessItem> fedBy(String kind) {
        Set<ReadinessItem> items = EnumSet.noneOf(ReadinessItem.class);
        for (ReadinessItem item : ReadinessItem.values()) {
            if (kind != null && kind.equals(item.sourceKind())) {
                items.add(item);
            }
        }
        return items;
    }

    /** The list with the element of that id replaced by {@code now}, removed when empty, added when new. */
    private static <T> List<T> replace(List<T> list, String id, Optional<T> now, Function<T, String> idOf) {
        List<T> result = new ArrayList<>(list.size() + 1);
        boolean found = false;
        for (T element : list) {
            if (idOf.apply(element).equals(id)) {
                found = true;
                now.ifPresent(result::add);
            } else {
                result.add(element);
            }
        }
        if (!found) {
            now.ifPresent(result::add);
        }
        return result;
    }
}
