package org.parkatlas.readiness;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;
import org.parkatlas.network.Schedule;
import org.parkatlas.network.UtilityNetwork;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes 七通一平 / 九通一平 from the infrastructure itself. For each utility, a line within the service distance
 * of the parcel that is in service and connected through lines in service to a working source of the right kind meets
 * the item; its ready date is the earliest such date over all candidate lines. The road item is the same over the
 * road network with the park gateways as sources and the road's frontage distance (half its red line plus a margin);
 * leveling comes from the parcel. Pure computation: no HTTP, no SQL.
 */
final class ReadinessEngine {

    private final ReadinessProperties rules;
    private final ParkWorks works;
    private final Map<ReadinessItem, UtilityNetwork> networks = new LinkedHashMap<>();
    /** Each road's frontage reach, by line; an engine that keeps the road network keeps this map too. */
    private Map<NetworkLine, Double> roadReach = new IdentityHashMap<>();
    private double maxRoadReach;
    /**
     * Per item, the parcels' lines within reach ({@link ReachTable}), kept only by engines that work incrementally
     * (rebuilt from another) and shared with every engine over the same graph for that item.
     */
    private final Map<ReadinessItem, ReachTable> reaches = new java.util.concurrent.ConcurrentHashMap<>();

    public ReadinessEngine(ParkWorks works, ReadinessProperties rules) {
        this(works, rules, null, Set.copyOf(rules.items()));
    }

    /** An engine over {@code works} that rebuilds only the networks of {@code rebuilt} and reuses the others. */
    private ReadinessEngine(ParkWorks works, ReadinessProperties rules, ReadinessEngine base,
                            Set<ReadinessItem> rebuilt) {
        this.rules = rules;
        this.works = works;
        for (ReadinessItem item : rules.items()) {
            if (base != null && !rebuilt.contains(item)) {
                if (base.networks.containsKey(item)) {
                    networks.put(item, base.networks.get(item));
                }
                if (item == ReadinessItem.ROAD) {
                    roadReach = base.roadReach; // never changed once built: shared, not copied
                    maxRoadReach = base.maxRoadReach;
                }
            } else if (item == ReadinessItem.ROAD) {
                networks.put(item, roadNetwork(works, base == null ? null : base.networks.get(item)));
            } else if (item.utility() != null) {
                networks.put(item, utilityNetwork(works, item, base == null ? null : base.networks.get(item)));
            }
            UtilityNetwork network = networks.get(item);
            if (base != null && network != null && base.networks.get(item) != null
                    && network.sharesGraphWith(base.networks.get(item))) {
                reaches.put(item, base.reaches.computeIfAbsent(item, i -> new ReachTable()));
            }
        }
    }

    public ParkWorks works() {
        return works;
    }

    private volatile WorksIndex index;

    /** Where each work is in {@link #works()}, by id; built when a scenario first asks. */
    WorksIndex index() {
        WorksIndex current = index;
        if (current == null) {
            current = new WorksIndex(works);
            index = current;
        }
        return current;
    }

    /**
     * The engine after a change to the works that touches only the networks of {@code items} (one line or facility
     * edited): those are built again, the others are kept.
     */
    public ReadinessEngine rebuilt(ParkWorks changed, Set<ReadinessItem> items) {
        return new ReadinessEngine(changed, rules, this, items);
    }

    /**
     * Where the answer for {@code item} may differ between this engine and {@code before}: the lines whose
     * in-service-and-connected date changed, and the lines that came or went. Parcels out of reach of all of them
     * keep their assessment.
     */
    public List<Geometry> changedSince(ReadinessEngine before, ReadinessItem item) {
        UtilityNetwork now = networks.get(item);
        UtilityNetwork then = before.networks.get(item);
        if (now.sharesGraphWith(then)) {
            // same lines in the same places: compare their dates one by one
            List<Geometry> changed = new ArrayList<>();
            for (int i = 0; i < now.lines().size(); i++) {
                if (!Objects.equals(now.dateOf(i), then.dateOf(i))) {
                    changed.add(now.lines().get(i).geometry());
                }
            }
            return changed;
        }
        Map<String, LocalDate> old = new HashMap<>();
        Map<String, Geometry> oldGeometry = new HashMap<>();
        for (NetworkLine line : then.lines()) {
            old.put(line.id(), then.connection(line).date());
            oldGeometry.put(line.id(), line.geometry());
        }
        List<Geometry> changed = new ArrayList<>();
        for (NetworkLine line : now.lines()) {
            boolean known = old.containsKey(line.id());
            LocalDate was = old.remove(line.id());
            Geometry wasWhere = oldGeometry.remove(line.id());
            if (!known || !Objects.equals(was, now.connection(line).date())
                    || !wasWhere.equalsExact(line.geometry())) {
                changed.add(line.geometry());
                if (wasWhere != null) {
                    changed.add(wasWhere);
                }
            }
        }
        changed.addAll(oldGeometry.values()); // lines that went
        return changed;
    }

    /** The reach of an item: its service distance, or for roads the widest frontage. */
    public double reach(ReadinessItem item) {
        return item == ReadinessItem.ROAD ? maxRoadReach : rules.serviceDistance(item.utility());
    }

    public List<ReadinessItem> items() {
        return rules.items();
    }

    /** Every parcel of the works, assessed. */
    public Map<String, ParcelReadiness> assessAll(List<ParkWorks.Parcel> parcels) {
        Map<String, ParcelReadiness> results = new LinkedHashMap<>();
        for (ParkWorks.Parcel parcel : parcels) {
            results.put(parcel.id(), assess(parcel));
        }
        return results;
    }

    public ParcelReadiness assess(ParkWorks.Parcel parcel) {
        List<ItemAssessment> items = new ArrayList<>();
        for (ReadinessItem item : rules.items()) {
            items.add(item == ReadinessItem.LEVELING ? ItemAssessment.leveling(parcel.leveling(), parcel.levelingDate())
                    : measured(item, parcel));
        }
        return new ParcelReadiness(parcel.id(), parcel.code(), items);
    }

    /** One item of one parcel (the others unchanged), for incremental updates. */
    public ItemAssessment assess(ReadinessItem item, ParkWorks.Parcel parcel) {
        return item == ReadinessItem.LEVELING ? ItemAssessment.leveling(parcel.leveling(), parcel.levelingDate())
                : measured(item, parcel);
    }

    /** The item of the parcel: from its lines within reach when they are known for this graph, else measured. */
    private ItemAssessment measured(ReadinessItem item, ParkWorks.Parcel parcel) {
        ReachTable table = reaches.get(item);
        if (table == null) {
            return assess(item, parcel.geometry(), null);
        }
        ReachTable.Reach reach = table.of(parcel);
        if (reach != null) {
            return fromReach(item, reach);
        }
        java.util.List<double[]> found = new ArrayList<>();
        ItemAssessment assessed = assess(item, parcel.geometry(), found);
        int[] lines = new int[found.size()];
        double[] distances = new double[found.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (int) found.get(i)[0];
            distances[i] = found.get(i)[1];
        }
        table.put(parcel, new ReachTable.Reach(parcel.geometry(), lines, distances, assessed.nearestDistance()));
        return assessed;
    }

    /** The same choice as {@link #assess(ReadinessItem, Geometry, List)} makes, over the lines it found before. */
    private ItemAssessment fromReach(ReadinessItem item, ReachTable.Reach known) {
        UtilityNetwork network = networks.get(item);
        UtilityNetwork.Connection best = null;
        double bestDistance = 0;
        for (int k = 0; k < known.lines().length; k++) {
            UtilityNetwork.Connection connection = network.connectionAt(known.lines()[k]);
            double distance = known.distances()[k];
            // earlier first, then nearer on the same day; the first found wins a tie, as when measured
            if (best == null || Schedule.earlier(connection.date(), best.date())
                    || java.util.Objects.equals(connection.date(), best.date()) && distance < bestDistance) {
                best = connection;
                bestDistance = distance;
            }
        }
        if (best != null) {
            NetworkLine line = best.line();
            double reach = item == ReadinessItem.ROAD ? roadReach.get(line) : rules.serviceDistance(item.utility());
            return new ItemAssessment(item, best.date(), line, best.source(), bestDistance, best, best.bottleneck(),
                    reach, null, null);
        }
        double reach = item == ReadinessItem.ROAD ? rules.frontageExtra() : rules.serviceDistance(item.utility());
        return new ItemAssessment(item, null, null, null, null, null, null, reach, known.nearest(), null);
    }

    /** Measures the item of a parcel; with {@code found}, notes each line within reach (its index, its distance). */
    private ItemAssessment assess(ReadinessItem item, Geometry parcel, java.util.List<double[]> found) {
        UtilityNetwork network = networks.get(item);
        double maxReach = item == ReadinessItem.ROAD ? maxRoadReach : rules.serviceDistance(item.utility());
        Envelope search = new Envelope(parcel.getEnvelopeInternal());
        search.expandBy(maxReach);
        ItemAssessment best = null;
        for (NetworkLine line : network.linesNear(search)) {
            double reach = item == ReadinessItem.ROAD ? roadReach.get(line) : maxReach;
            // the boxes' distance never exceeds the true one, so a line whose box is out of reach is: most lines the
            // index finds are (the far side of the block), and the exact distance was two thirds of the work
            if (parcel.getEnvelopeInternal().distance(line.geometry().getEnvelopeInternal()) > reach) {
                continue;
            }
            double distance = LineGap.between(parcel, line.geometry());
            if (distance > reach) {
                continue;
            }
            if (found != null) {
                found.add(new double[]{network.indexOf(line), distance});
            }
            UtilityNetwork.Connection connection = network.connection(line);
            ItemAssessment candidate = new ItemAssessment(item, connection.date(), line, connection.source(),
                    distance, connection, connection.bottleneck(), reach, null, null);
            if (best == null || Schedule.earlier(candidate.readyDate(), best.readyDate())
                    || sameDate(candidate, best) && distance < best.distance()) {
                best = candidate;
            }
        }
        if (best != null) {
            return best;
        }
        double reach = item == ReadinessItem.ROAD ? rules.frontageExtra() : maxReach;
        return new ItemAssessment(item, null, null, null, null, null, null, reach, nearest(network, parcel), null);
    }

    private static boolean sameDate(ItemAssessment a, ItemAssessment b) {
        return a.readyDate() == null ? b.readyDate() == null : a.readyDate().equals(b.readyDate());
    }

    /** The distance to the nearest line of the network, looking ever wider; null when the network is empty. */
    private static Double nearest(UtilityNetwork network, Geometry parcel) {
        Double nearest = null;
        for (NetworkLine line : network.lines()) {
            double d = LineGap.between(parcel, line.geometry());
            if (nearest == null || d < nearest) {
                nearest = d;
            }
        }
        return nearest;
    }

    private UtilityNetwork utilityNetwork(ParkWorks works, ReadinessItem item, UtilityNetwork before) {
        List<NetworkLine> lines = works.lines().stream().filter(l -> l.utility().equals(item.utility()))
                .map(ParkWorks.UtilityLine::line).toList();
        List<NetworkSource> sources = works.facilities().stream().filter(f -> f.kind().equals(item.sourceKind()))
                .map(ParkWorks.Facility::source).toList();
        return before == null ? new UtilityNetwork(lines, sources, rules.snapTolerance())
                : before.with(lines, sources, rules.snapTolerance());
    }

    /** Roads, with a source at each end of every gateway road, in service when that road is. */
    private UtilityNetwork roadNetwork(ParkWorks works, UtilityNetwork before) {
        GeometryFactory factory = new GeometryFactory();
        List<NetworkSource> gateways = new ArrayList<>();
        List<NetworkLine> roadLines = new ArrayList<>();
        for (ParkWorks.Road road : works.roads()) {
            NetworkLine line = road.line();
            roadLines.add(line);
            double reach = road.redLineWidth() / 2 + rules.frontageExtra();
            roadReach.put(line, reach);
            maxRoadReach = Math.max(maxRoadReach, reach);
            if (road.gateway()) {
                LineString geometry = line.geometry();
                for (var end : List.of(geometry.getStartPoint(), geometry.getEndPoint())) {
                    gateways.add(new NetworkSource(line.id(), line.name(), line.nameEn(), line.status(),
                            factory.createPoint(end.getCoordinate()), line.inService()));
                }
            }
        }
        return before == null ? new UtilityNetwork(roadLines, gateways, rules.snapTolerance())
                : before.with(roadLines, gateways, rules.snapTolerance());
    }
}
