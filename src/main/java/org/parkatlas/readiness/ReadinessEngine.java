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
public final class ReadinessEngine {

    private final ReadinessProperties rules;
    private final Map<ReadinessItem, UtilityNetwork> networks = new LinkedHashMap<>();
    private final Map<NetworkLine, Double> roadReach = new HashMap<>();
    private final List<NetworkLine> allRoadLines = new ArrayList<>();
    private double maxRoadReach;

    public ReadinessEngine(ParkWorks works, ReadinessProperties rules) {
        this.rules = rules;
        for (ReadinessItem item : rules.items()) {
            if (item == ReadinessItem.ROAD) {
                networks.put(item, roadNetwork(works));
            } else if (item.utility() != null) {
                networks.put(item, utilityNetwork(works, item));
            }
        }
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
                    : assess(item, parcel.geometry()));
        }
        return new ParcelReadiness(parcel.id(), parcel.code(), items);
    }

    private ItemAssessment assess(ReadinessItem item, Geometry parcel) {
        UtilityNetwork network = networks.get(item);
        double maxReach = item == ReadinessItem.ROAD ? maxRoadReach : rules.serviceDistance(item.utility());
        Envelope search = new Envelope(parcel.getEnvelopeInternal());
        search.expandBy(maxReach);
        ItemAssessment best = null;
        for (NetworkLine line : network.linesNear(search)) {
            double reach = item == ReadinessItem.ROAD ? roadReach.get(line) : maxReach;
            double distance = parcel.distance(line.geometry());
            if (distance > reach) {
                continue;
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
            double d = parcel.distance(line.geometry());
            if (nearest == null || d < nearest) {
                nearest = d;
            }
        }
        return nearest;
    }

    private UtilityNetwork utilityNetwork(ParkWorks works, ReadinessItem item) {
        List<NetworkLine> lines = works.lines().stream().filter(l -> l.utility().equals(item.utility()))
                .map(ParkWorks.UtilityLine::line).toList();
        List<NetworkSource> sources = works.facilities().stream().filter(f -> f.kind().equals(item.sourceKind()))
                .map(ParkWorks.Facility::source).toList();
        return new UtilityNetwork(lines, sources, rules.snapTolerance());
    }

    /** Roads, with a source at each end of every gateway road, in service when that road is. */
    private UtilityNetwork roadNetwork(ParkWorks works) {
        GeometryFactory factory = new GeometryFactory();
        List<NetworkSource> gateways = new ArrayList<>();
        for (ParkWorks.Road road : works.roads()) {
            NetworkLine line = road.line();
            allRoadLines.add(line);
            double reach = road.redLineWidth() / 2 + rules.frontageExtra();
            roadReach.put(line, reach);
            maxRoadReach = Math.max(maxRoadReach, reach);
            if (road.gateway()) {
                LineString geometry = line.geometry();
                for (var end : List.of(geometry.getStartPoint(), geometry.getEndPoint())) {
                    gateways.add(new NetworkSource(line.id(), line.name(), line.status(),
                            factory.createPoint(end.getCoordinate()), line.inService()));
                }
            }
        }
        return new UtilityNetwork(allRoadLines, gateways, rules.snapTolerance());
    }

    /** The date the engine was asked about when none is given: today. */
    public static LocalDate today() {
        return LocalDate.now();
    }
}
