package org.parkatlas.network;

import org.locationtech.jts.geom.Coordinate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every vertex a node number, the same number for vertices within the snapping tolerance of each other, so
 * that lines drawn to meet connect even when their coordinates differ by rounding. A grid of tolerance-sized cells
 * keeps it linear: a vertex only looks at the nodes of its own and the eight neighbouring cells.
 */
final class VertexSnapper {

    private final double tolerance;
    private final Map<Long, List<Integer>> cells = new HashMap<>();
    private final List<Coordinate> nodes = new ArrayList<>();

    VertexSnapper(double tolerance) {
        this.tolerance = tolerance;
    }

    int node(Coordinate c) {
        Integer existing = existingNode(c);
        if (existing != null) {
            return existing;
        }
        int id = nodes.size();
        nodes.add(c);
        cells.computeIfAbsent(key(cell(c.x), cell(c.y)), k -> new ArrayList<>()).add(id);
        return id;
    }

    /** The node within the tolerance of {@code c}, the nearest if several; null if none. */
    Integer existingNode(Coordinate c) {
        long cx = cell(c.x);
        long cy = cell(c.y);
        Integer best = null;
        double bestDistance = tolerance;
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (int id : cells.getOrDefault(key(cx + dx, cy + dy), List.of())) {
                    double d = nodes.get(id).distance(c);
                    if (d <= bestDistance) {
                        best = id;
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }

    int size() {
        return nodes.size();
    }

    private long cell(double v) {
        return (long) Math.floor(v / tolerance);
    }

    private static long key(long x, long y) {
        return x * 73_856_093L ^ y * 19_349_663L;
    }
}
