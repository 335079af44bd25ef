package org.parkatlas.readiness;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;
import org.parkatlas.network.Schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A runnable benchmark, not a test: a generated park of about 100 000 parcels on a 200 m road grid with all seven
 * utility networks, timed for a full computation and for incremental updates. Run it as the README says; it prints
 * its figures. Timings on a shared machine vary, which is why they are not asserted in the test suite.
 */
public final class ReadinessBenchmark {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String[] UTILITIES = {"water", "sewer", "power", "telecom", "gas", "heat", "storm",
            "broadband"};
    private static final String[] SOURCES = {"water_plant", "sewage_plant", "substation", "telecom_exchange",
            "gas_station", "heat_source", "storm_outfall", "telecom_exchange"};

    private ReadinessBenchmark() {
    }

    public static void main(String[] args) {
        int grid = args.length > 0 ? Integer.parseInt(args[0]) : 160; // 159 × 159 blocks × 4 = 101 124 parcels
        Random random = new Random(20261124);
        ParkWorks works = generatedPark(grid, random);
        List<ParkWorks.Parcel> parcels = works.parcels();

        for (String standard : List.of("seven", "nine")) {
            ReadinessProperties rules = new ReadinessProperties(standard, null, null, null);
            for (int run = 1; run <= 3; run++) {
                System.gc();
                long start = System.nanoTime();
                ReadinessEngine engine = new ReadinessEngine(works, rules);
                Map<String, ParcelReadiness> all = engine.assessAll(parcels);
                long full = System.nanoTime() - start;
                long used = usedHeap();
                long one = System.nanoTime();
                engine.assess(parcels.get(parcels.size() / 2));
                long incremental = System.nanoTime() - one;
                long lineEdit = editOneSewerLine(engine, works, parcels, random);
                System.out.printf("%s, run %d: full %,d ms for %,d parcels; one parcel re-assessed in %.2f ms; "
                        + "one sewer line's completion date changed in %.1f ms; heap in use %,d MiB%n", standard,
                        run, full / 1_000_000, all.size(), incremental / 1e6, lineEdit / 1e6, used / (1024 * 1024));
            }
        }
    }

    /**
     * A park of {@code (grid − 1)²} blocks of four parcels on a 200 m road grid, every road with a line of each
     * utility under it; one source per utility at the grid's corner, in service since 2019-06-30.
     */
    static ParkWorks generatedPark(int grid, Random random) {
        double spacing = 200;
        List<ParkWorks.Parcel> parcels = new ArrayList<>();
        List<ParkWorks.Road> roads = new ArrayList<>();
        List<ParkWorks.UtilityLine> lines = new ArrayList<>();
        List<ParkWorks.Facility> facilities = new ArrayList<>();
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j + 1 < grid; j++) {
                segment(roads, lines, random, "h" + i + "-" + j, j * spacing, i * spacing, (j + 1) * spacing,
                        i * spacing, i == 0 && j == 0);
                segment(roads, lines, random, "v" + i + "-" + j, i * spacing, j * spacing, i * spacing,
                        (j + 1) * spacing, false);
            }
        }
        for (int i = 0; i + 1 < grid; i++) {
            for (int j = 0; j + 1 < grid; j++) {
                double x = i * spacing + 20;
                double y = j * spacing + 20;
                for (int k = 0; k < 4; k++) {
                    double px = x + (k % 2) * 82;
                    double py = y + (k / 2) * 82;
                    parcels.add(new ParkWorks.Parcel("p-" + i + "-" + j + "-" + k, "P", FACTORY.toGeometry(
                            new org.locationtech.jts.geom.Envelope(px, px + 78, py, py + 78)),
                            random.nextInt(4) == 0 ? "in_progress" : "done",
                            LocalDate.of(2018 + random.nextInt(12), 1 + random.nextInt(12), 1)));
                }
            }
        }
        for (int u = 0; u < UTILITIES.length; u++) {
            facilities.add(new ParkWorks.Facility(new NetworkSource("src-" + u, SOURCES[u], "existing",
                    FACTORY.createPoint(new Coordinate(0, 0)), LocalDate.of(2019, 6, 30)), SOURCES[u]));
        }
        ParkWorks works = new ParkWorks(parcels, roads, lines, facilities);
        System.out.printf("generated %,d parcels, %,d road segments, %,d utility lines%n", parcels.size(),
                roads.size(), lines.size());
        return works;
    }


    /**
     * What the service does when one line is edited: rebuild that utility's network, find the lines whose date
     * changed, and re-assess that item for the parcels within reach of them (here: a planned line delayed a year).
     */
    private static long editOneSewerLine(ReadinessEngine engine, ParkWorks works, List<ParkWorks.Parcel> parcels,
                                         Random random) {
        org.locationtech.jts.index.strtree.STRtree index = new org.locationtech.jts.index.strtree.STRtree();
        parcels.forEach(p -> index.insert(p.geometry().getEnvelopeInternal(), p));
        index.build();
        List<ParkWorks.UtilityLine> sewers = works.lines().stream().filter(l -> l.utility().equals("sewer")
                && l.line().inService() != null && l.line().inService().getYear() > 2025).toList();
        ParkWorks.UtilityLine edited = sewers.get(random.nextInt(sewers.size()));
        NetworkLine old = edited.line();
        List<ParkWorks.UtilityLine> lines = new ArrayList<>(works.lines());
        lines.set(lines.indexOf(edited), new ParkWorks.UtilityLine(new NetworkLine(old.id(), old.name(), "planned",
                old.geometry(), old.inService().plusYears(1)), "sewer"));
        ParkWorks changed = new ParkWorks(works.parcels(), works.roads(), lines, works.facilities());
        long start = System.nanoTime();
        ReadinessEngine after = engine.rebuilt(changed, java.util.Set.of(ReadinessItem.SEWER));
        int reassessed = 0;
        for (org.locationtech.jts.geom.Geometry line : after.changedSince(engine, ReadinessItem.SEWER)) {
            org.locationtech.jts.geom.Envelope search = new org.locationtech.jts.geom.Envelope(
                    line.getEnvelopeInternal());
            search.expandBy(after.reach(ReadinessItem.SEWER));
            for (Object parcel : index.query(search)) {
                after.assess(ReadinessItem.SEWER, (ParkWorks.Parcel) parcel);
                reassessed++;
            }
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf("    (line %s: %d parcel items re-assessed)%n", old.id(), reassessed);
        return elapsed;
    }

    private static void segment(List<ParkWorks.Road> roads, List<ParkWorks.UtilityLine> lines, Random random,
                                String id, double x1, double y1, double x2, double y2, boolean gateway) {
        LineString geometry = FACTORY.createLineString(new Coordinate[]{new Coordinate(x1, y1),
                new Coordinate(x2, y2)});
        int roll = random.nextInt(10);
        String status = roll < 7 ? "existing" : roll < 9 ? "under_construction" : "planned";
        LocalDate date = roll < 7 ? null : roll < 9 ? LocalDate.of(2026 + random.nextInt(3), 6, 30) : null;
        NetworkLine road = new NetworkLine("road-" + id, id, status, geometry, Schedule.inService(status, date));
        roads.add(new ParkWorks.Road(road, 30, gateway));
        for (String utility : UTILITIES) {
            lines.add(new ParkWorks.UtilityLine(new NetworkLine(utility + "-" + id, id, status, geometry,
                    Schedule.inService(status, date)), utility));
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
