package org.parkatlas.network;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.index.strtree.STRtree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    private final STRtree lineIndex = new STRtree();
    private final Map<NetworkLine, Integer> indexOf = new IdentityHashMap<>();

    /** How a node was reached on its best path: over a line from a previous node, or directly from a source. */
    private record Step(int previousNode, int line, int source) {
    }

    /** What connects a line to a source, and from when. */
    public record Connection(LocalDate date, NetworkSource source, List<NetworkLine> path, Bottleneck bottleneck) {
    }

    /** The work on the best path that comes into service last: it decides the date. */
    public record Bottleneck(String kind, String id, String name, String status, LocalDate inService) {
    }

    public UtilityNetwork(List<NetworkLine> lines, List<NetworkSource> sources, double snapTolerance) {
        this.lines = List.copyOf(lines);
        this.sources = List.copyOf(sources);
        VertexSnapper snapper = new VertexSnapper(snapTolerance);
        this.lineNodes = new int[this.lines.size()][];
        for (int i = 0; i < this.lines.size(); i++) {
            Coordinate[] coordinates = this.lines.get(i).geometry().getCoordinates();
            int[] nodes = new int[coordinates.length];
            for (int j = 0; j < coordinates.length; j++) {
                nodes[j] = snapper.node(coordinates[j]);
            }
            lineNodes[i] = nodes;
            indexOf.put(this.lines.get(i), i);
            lineIndex.insert(this.lines.get(i).geometry().getEnvelopeInternal(), i);
        }
        int nodeCount = snapper.size();
        this.nodeConnected = new LocalDate[nodeCount];
        this.nodeStep = new Step[nodeCount];
        propagate(snapper);
    }

    public List<NetworkLine> lines() {
        return lines;
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

    /** From when {@code line} is in service and connected to a source, with the path; date null if never. */
    public Connection connection(NetworkLine line) {
        int index = indexOf.get(line);
        int best = -1;
        for (int node : lineNodes[index]) {
            if (best < 0 || Schedule.earlier(nodeConnected[node], nodeConnected[best])) {
                best = node;
            }
        }
        LocalDate date = Schedule.latest(line.inService(), nodeConnected[best]);
        if (nodeConnected[best] == null) {
            return new Connection(null, null, List.of(line), bottleneck(line));
        }
        List<NetworkLine> path = new ArrayList<>();
        path.add(line);
        NetworkSource source = null;
        int node = best;
        while (nodeStep[node] != null) {
            Step step = nodeStep[node];
            if (step.source() >= 0) {
                source = sources.get(step.source());
                break;
            }
            if (path.get(path.size() - 1) != lines.get(step.line())) {
                path.add(lines.get(step.line()));
            }
            node = step.previousNode();
        }
        return new Connection(date, source, Collections.unmodifiableList(path), bottleneckOf(path, source));
    }

    private Bottleneck bottleneckOf(List<NetworkLine> path, NetworkSource source) {
        Bottleneck latest = source == null ? null : new Bottleneck("source", source.id(), source.name(),
                source.status(), source.inService());
        for (NetworkLine line : path) {
            if (latest == null || Schedule.earlier(latest.inService(), line.inService())
                    || line.inService() == null) {
                latest = bottleneck(line);
            }
        }
        return latest;
    }

    private static Bottleneck bottleneck(NetworkLine line) {
        return new Bottleneck("line", line.id(), line.name(), line.status(), line.inService());
    }

    /** Multi-source Dijkstra on "latest date along the path", which is exact for minimax paths. */
    private void propagate(VertexSnapper snapper) {
        Map<Integer, List<int[]>> adjacency = new HashMap<>();
        for (int i = 0; i < lineNodes.length; i++) {
            int[] nodes = lineNodes[i];
            for (int j = 1; j < nodes.length; j++) {
                adjacency.computeIfAbsent(nodes[j - 1], k -> new ArrayList<>()).add(new int[]{nodes[j], i});
                adjacency.computeIfAbsent(nodes[j], k -> new ArrayList<>()).add(new int[]{nodes[j - 1], i});
            }
        }
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int s = 0; s < sources.size(); s++) {
            NetworkSource source = sources.get(s);
            Integer node = snapper.existingNode(source.location().getCoordinate());
            if (node == null || source.inService() == null) {
                continue;
            }
            if (Schedule.earlier(source.inService(), nodeConnected[node])) {
                nodeConnected[node] = source.inService();
                nodeStep[node] = new Step(-1, -1, s);
                queue.add(new long[]{source.inService().toEpochDay(), node});
            }
        }
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int node = (int) head[1];
            if (head[0] != nodeConnected[node].toEpochDay()) {
                continue; // a stale entry: the node was reached earlier since
            }
            for (int[] edge : adjacency.getOrDefault(node, List.of())) {
                LocalDate via = Schedule.latest(nodeConnected[node], lines.get(edge[1]).inService());
                if (Schedule.earlier(via, nodeConnected[edge[0]])) {
                    nodeConnected[edge[0]] = via;
                    nodeStep[edge[0]] = new Step(node, edge[1], -1);
                    queue.add(new long[]{via.toEpochDay(), edge[0]});
                }
            }
        }
    }
}
