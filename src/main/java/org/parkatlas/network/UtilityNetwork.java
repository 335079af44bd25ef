package org.parkatlas.network;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One network (the sewer pipes, the roads …) as a graph: lines connect where they share a vertex within the
 * snapping tolerance, end points and interior vertices alike. From its sources it works out, for every line, the
 * earliest date from which the line is in service <em>and</em> connected to a working source — a minimax path: the
 * latest completion along the best path, over all paths.
 */
public final class UtilityNetwork {

    private final List<NetworkLine> lines;
    private final List<NetworkSource> sources;
    private final int[][] lineNodes;
    private final LocalDate[] nodeConnected;
    private final Step[] nodeStep;
    // per node, on its best path: the source reached and the work that comes into service last (line index, or
    // -1 - source index), so a line's date and reason cost O(its vertices), not a walk back to the source
    private final int[] nodeSource;
    private final int[] nodeBottleneck;
    private final STRtree lineIndex;
    /** Each line's place in {@link #lines}, by identity; made when first asked (a scenario's networks rarely are). */
    private volatile Map<NetworkLine, Integer> indexOf;
    private final Connection[] connections;
    private final VertexSnapper snapper;
    // per node, its neighbours and the lines leading there, flattened: {node, line, node, line, …}
    private final int[][] adjacency;

    /** How a node was reached on its best path: over a line from a previous node, or directly from a source. */
    private record Step(int previousNode, int line, int source) {
    }

    /** What connects a line to a source, and from when; the path is traced only when asked for. */
    public record Connection(LocalDate date, NetworkSource source, Bottleneck bottleneck, NetworkLine line,
                             UtilityNetwork network) {

        /** The lines from this one to the source, in order (just this line when it reaches no source). */
        public List<NetworkLine> path() {
            return network.trace(line);
        }
    }

    /** The work on the best path that comes into service last: it decides the date. */
    public record Bottleneck(String kind, String id, String name, String nameEn, String status,
                             LocalDate inService) {
    }

    public UtilityNetwork(List<NetworkLine> lines, List<NetworkSource> sources, double snapTolerance) {
        this.lines = List.copyOf(lines);
        this.sources = List.copyOf(sources);
        this.connections = new Connection[this.lines.size()];
        this.snapper = new VertexSnapper(snapTolerance);
        this.lineNodes = new int[this.lines.size()][];
        this.lineIndex = new STRtree();
        for (int i = 0; i < this.lines.size(); i++) {
            Coordinate[] coordinates = this.lines.get(i).geometry().getCoordinates();
            int[] nodes = new int[coordinates.length];
            for (int j = 0; j < coordinates.length; j++) {
                nodes[j] = snapper.node(coordinates[j]);
            }
            lineNodes[i] = nodes;
            lineIndex.insert(this.lines.get(i).geometry().getEnvelopeInternal(), i);
        }
        this.adjacency = adjacency(lineNodes, snapper.size());
        int nodeCount = snapper.size();
        this.nodeConnected = new LocalDate[nodeCount];
        this.nodeStep = new Step[nodeCount];
        this.nodeSource = new int[nodeCount];
        this.nodeBottleneck = new int[nodeCount];
        propagate();
    }

    /** The same lines on the same geometry with new dates or sources: the graph is kept, only the dates move. */
    private UtilityNetwork(UtilityNetwork base, List<NetworkLine> lines, List<NetworkSource> sources) {
        this.lines = List.copyOf(lines);
        this.sources = List.copyOf(sources);
        this.connections = new Connection[this.lines.size()];
        this.snapper = base.snapper;
        this.lineNodes = base.lineNodes;
        this.lineIndex = base.lineIndex;
        this.adjacency = base.adjacency;
        int nodeCount = snapper.size();
        this.nodeConnected = new LocalDate[nodeCount];
        this.nodeStep = new Step[nodeCount];
        this.nodeSource = new int[nodeCount];
        this.nodeBottleneck = new int[nodeCount];
        propagate();
    }

    /**
     * This network with new lines and sources: when the lines lie where they lay (only dates or names changed, the
     * usual edit) the snapped graph is reused and only the dates are propagated again.
     */
    public UtilityNetwork with(List<NetworkLine> newLines, List<NetworkSource> newSources, double snapTolerance) {
        if (newLines.size() != lines.size()) {
            return new UtilityNetwork(newLines, newSources, snapTolerance);
        }
        for (int i = 0; i < lines.size(); i++) {
            LineString a = lines.get(i).geometry();
            LineString b = newLines.get(i).geometry();
            if (a != b && !a.equalsExact(b)) {
                return new UtilityNetwork(newLines, newSources, snapTolerance);
            }
        }
        return new UtilityNetwork(this, newLines, newSources);
    }

    /** Whether {@code other} is this network's graph with other dates (lines in the same order, same places). */
    public boolean sharesGraphWith(UtilityNetwork other) {
        return other.lineNodes == lineNodes;
    }

    /** The in-service-and-connected date of the line at {@code index} (for comparing two dated versions). */
    public LocalDate dateOf(int index) {
        int best = bestNode(index);
        return nodeConnected[best] == null ? null : Schedule.latest(lines.get(index).inService(), nodeConnected[best]);
    }

    public List<NetworkLine> lines() {
        return lines;
    }

    /** The place of {@code line} in {@link #lines()}. */
    public int indexOf(NetworkLine line) {
        Map<NetworkLine, Integer> places = indexOf;
        if (places == null) {
            places = new IdentityHashMap<>(lines.size() * 2);
            for (int i = 0; i < lines.size(); i++) {
                places.put(lines.get(i), i);
            }
            indexOf = places;
        }
        return places.get(line);
    }

    /** The lines whose envelope meets the given envelope (a first cut before an exact distance test). */
    @SuppressWarnings("unchecked")
    public List<NetworkLine> linesNear(org.locationtech.jts.geom.Envelope envelope) {
        List<NetworkLine> near = new ArrayList<>();
        for (Object index : lineIndex.query(envelope)) {
            near.add(lines.get((Integer) index));
        }
        return near;
    }

    /** From when {@code line} is in service and connected to a source; date null if never. */
    public Connection connection(NetworkLine line) {
        return connectionAt(indexOf(line));
    }

    /**
     * The connection of the line at {@code index} of {@link #lines()}. Worked out once per line and kept (a network's
     * dates never change): a scenario that moves a source's date asks it for every parcel near every line.
     */
    public Connection connectionAt(int index) {
        Connection known = connections[index];
        if (known == null) {
            known = connect(index);
            connections[index] = known; // the same answer whoever works it out first
        }
        return known;
    }

    private Connection connect(int index) {
        NetworkLine line = lines.get(index);
        int best = bestNode(index);
        if (nodeConnected[best] == null) {
            return new Connection(null, null, bottleneck(line), line, this);
        }
        LocalDate date = Schedule.latest(line.inService(), nodeConnected[best]);
        NetworkSource source = sources.get(nodeSource[best]);
        Bottleneck bottleneck = line.inService() == null || line.inService().isAfter(nodeConnected[best])
                ? bottleneck(line) : element(nodeBottleneck[best]);
        return new Connection(date, source, bottleneck, line, this);
    }

    /** The lines from {@code line} back to the source its best path reaches. */
    List<NetworkLine> trace(NetworkLine line) {
        List<NetworkLine> path = new ArrayList<>();
        path.add(line);
        int node = bestNode(indexOf(line));
        while (nodeConnected[node] != null && nodeStep[node] != null && nodeStep[node].source() < 0) {
            Step step = nodeStep[node];
            if (path.get(path.size() - 1) != lines.get(step.line())) {
                path.add(lines.get(step.line()));
            }
            node = step.previousNode();
        }
        return Collections.unmodifiableList(path);
    }

    /** The vertex of the line that is connected earliest. */
    private int bestNode(int lineIndex) {
        int best = -1;
        for (int node : lineNodes[lineIndex]) {
            if (best < 0 || Schedule.earlier(nodeConnected[node], nodeConnected[best])) {
                best = node;
            }
        }
        return best;
    }

    private Bottleneck element(int encoded) {
        if (encoded >= 0) {
            return bottleneck(lines.get(encoded));
        }
        NetworkSource source = sources.get(-1 - encoded);
        return new Bottleneck("source", source.id(), source.name(), source.nameEn(), source.status(),
                source.inService());
    }

    private static Bottleneck bottleneck(NetworkLine line) {
        return new Bottleneck("line", line.id(), line.name(), line.nameEn(), line.status(), line.inService());
    }

    private static int[][] adjacency(int[][] lineNodes, int nodeCount) {
        int[] degree = new int[nodeCount];
        for (int[] nodes : lineNodes) {
            for (int j = 1; j < nodes.length; j++) {
                degree[nodes[j - 1]]++;
                degree[nodes[j]]++;
            }
        }
        int[][] adjacency = new int[nodeCount][];
        for (int n = 0; n < nodeCount; n++) {
            adjacency[n] = new int[degree[n] * 2];
        }
        int[] filled = new int[nodeCount];
        for (int i = 0; i < lineNodes.length; i++) {
            int[] nodes = lineNodes[i];
            for (int j = 1; j < nodes.length; j++) {
                int a = nodes[j - 1];
                int b = nodes[j];
                adjacency[a][filled[a]++] = b;
                adjacency[a][filled[a]++] = i;
                adjacency[b][filled[b]++] = a;
                adjacency[b][filled[b]++] = i;
            }
        }
        return adjacency;
    }

    /** No date: never in service, or never reached. */
    private static final int NEVER = Integer.MAX_VALUE;

    /**
     * Multi-source Dijkstra on "latest date along the path", which is exact for minimax paths. Days are epoch-day
     * ints and the queue a heap of (day, node) longs: a scenario that moves a plant's date propagates the whole
     * network again, so this runs for 50 000 lines while a planner waits. The heap keeps {@link PriorityQueue}'s
     * order exactly (ties included), so which of two equally early paths is kept does not depend on the queue.
     */
    private void propagate() {
        int nodes = nodeConnected.length;
        int[] day = new int[nodes];
        java.util.Arrays.fill(day, NEVER);
        int[] lineDay = new int[lines.size()];
        LocalDate last = null;
        int lastDay = NEVER;
        for (int i = 0; i < lineDay.length; i++) {
            LocalDate d = lines.get(i).inService();
            if (d != last) { // most lines share a handful of date objects (in service since before records)
                last = d;
                lastDay = d == null ? NEVER : (int) d.toEpochDay();
            }
            lineDay[i] = lastDay;
        }
        int[] previous = new int[nodes];
        int[] over = new int[nodes];
        DayHeap queue = new DayHeap();
        for (int s = 0; s < sources.size(); s++) {
            NetworkSource source = sources.get(s);
            Integer node = snapper.existingNode(source.location().getCoordinate());
            if (node == null || source.inService() == null) {
                continue;
            }
            int from = (int) source.inService().toEpochDay();
            if (from < day[node]) {
                day[node] = from;
                previous[node] = -1;
                over[node] = -1 - s;
                nodeSource[node] = s;
                nodeBottleneck[node] = -1 - s;
                queue.add(from, node);
            }
        }
        while (!queue.isEmpty()) {
            long head = queue.poll();
            int node = (int) head;
            if ((int) (head >>> 32) != day[node]) {
                continue; // a stale entry: the node was reached earlier since
            }
            int[] edges = adjacency[node];
            for (int e = 0; e < edges.length; e += 2) {
                int next = edges[e];
                int line = edges[e + 1];
                int lineDate = lineDay[line];
                if (lineDate == NEVER) {
                    continue;
                }
                int via = Math.max(day[node], lineDate);
                if (via < day[next]) {
                    day[next] = via;
                    previous[next] = node;
                    over[next] = line;
                    nodeSource[next] = nodeSource[node];
                    nodeBottleneck[next] = lineDate > day[node] ? line : nodeBottleneck[node];
                    queue.add(via, next);
                }
            }
        }
        Map<Integer, LocalDate> dates = new java.util.HashMap<>();
        for (int node = 0; node < nodes; node++) {
            if (day[node] != NEVER) {
                nodeConnected[node] = dates.computeIfAbsent(day[node], LocalDate::ofEpochDay);
                nodeStep[node] = over[node] < 0 ? new Step(-1, -1, -1 - over[node]) : new Step(previous[node],
                        over[node], -1);
            }
        }
    }

    /**
     * A binary min-heap of (day, node) packed in longs, ordered by day alone and sifting exactly as
     * {@link PriorityQueue} does, so equal days come out in the same order as they did from it.
     */
    private static final class DayHeap {
        private long[] heap = new long[1024];
        private int size;

        void add(int day, int node) {
            long entry = ((long) day << 32) | (node & 0xFFFFFFFFL);
            if (size == heap.length) {
                heap = java.util.Arrays.copyOf(heap, size * 2);
            }
            int k = size++;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                long e = heap[parent];
                if (day(entry) >= day(e)) {
                    break;
                }
                heap[k] = e;
                k = parent;
            }
            heap[k] = entry;
        }

        long poll() {
            long result = heap[0];
            int n = --size;
            long x = heap[n];
            if (n > 0) {
                int k = 0;
                int half = n >>> 1;
                while (k < half) {
                    int child = (k << 1) + 1;
                    long c = heap[child];
                    int right = child + 1;
                    if (right < n && day(c) > day(heap[right])) {
                        c = heap[child = right];
                    }
                    if (day(x) <= day(c)) {
                        break;
                    }
                    heap[k] = c;
                    k = child;
                }
                heap[k] = x;
            }
            return result;
        }

        boolean isEmpty() {
            return size == 0;
        }

        private static int day(long entry) {
            return (int) (entry >>> 32);
        }
    }
}
