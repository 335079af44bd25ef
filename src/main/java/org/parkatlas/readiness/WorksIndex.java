package org.parkatlas.readiness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each road, utility line and facility of a park's works is, by id: a scenario names a handful of the park's
 * 400 000 works, and finding them by scanning every one was most of the time a one-override scenario took.
 */
final class WorksIndex {

    private final Map<String, Integer> roads;
    private final Map<String, Integer> lines;
    private final Map<String, Integer> facilities;

    WorksIndex(ParkWorks works) {
        this.roads = positions(works.roads(), r -> r.line().id());
        this.lines = positions(works.lines(), l -> l.line().id());
        this.facilities = positions(works.facilities(), f -> f.source().id());
    }

    Integer road(String id) {
        return roads.get(id);
    }

    Integer line(String id) {
        return lines.get(id);
    }

    Integer facility(String id) {
        return facilities.get(id);
    }

    private static <T> Map<String, Integer> positions(List<T> works, Function<T, String> idOf) {
        Map<String, Integer> positions = new HashMap<>(works.size() * 2);
        for (int i = 0; i < works.size(); i++) {
            positions.put(idOf.apply(works.get(i)), i);
        }
        return positions;
    }
}
