package org.parkatlas.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A runnable benchmark, not a test: what-if scenarios over the generated 100 000-parcel park of
 * {@link ReadinessBenchmark}, timed as the service works them out ({@link ScenarioOverlay}) and against assessing
 * every parcel from scratch over the changed works (the brute force), with the heap ten open scenarios hold.
 * Prints its figures; run it as the README says.
 */
public final class ScenarioBenchmark {

    private static final String PLANT = "src-1"; // the generated park's sewage plant, in service 2019-06-30

    private ScenarioBenchmark() {
    }

    public static void main(String[] args) {
        int grid = args.length > 0 ? Integer.parseInt(args[0]) : 160;
        Random random = new Random(20261124);
        ParkWorks works = ReadinessBenchmark.generatedPark(grid, random);
        ReadinessProperties rules = new ReadinessProperties("seven", null, null, null);
        List<ParkWorks.UtilityLine> planned = works.lines().stream().filter(l -> l.utility().equals("sewer")
                && l.line().inService() != null && l.line().inService().getYear() > 2025).toList();
        for (int run = 1; run <= 3; run++) {
            System.gc();
            long start = System.nanoTime();
            ReadinessEngine engine = new ReadinessEngine(works, rules);
            Map<String, ParcelReadiness> answers = engine.assessAll(works.parcels());
            Map<String, ParkWorks.Parcel> byId = new HashMap<>();
            works.parcels().forEach(p -> byId.put(p.id(), p));
            ParcelIndex parcels = new ParcelIndex(byId);
            long park = System.nanoTime();
            Map<String, ParcelReadiness> sixMonths = ScenarioOverlay.changedAnswers(engine, answers, parcels,
                    plantLate(6));
            long first = System.nanoTime();
            // the scenario edited: the plant a month later again, five times (the median is printed)
            long[] edits = new long[5];
            Map<String, ParcelReadiness> edited = null;
            for (int i = 0; i < edits.length; i++) {
                long t = System.nanoTime();
                edited = ScenarioOverlay.changedAnswers(engine, answers, parcels, plantLate(7 + i));
                edits[i] = System.nanoTime() - t;
            }
            // a scenario of one local override: a planned sewer line a year late, five lines
            long[] local = new long[5];
            int moved = 0;
            for (int i = 0; i < local.length; i++) {
                ParkWorks.UtilityLine line = planned.get(random.nextInt(planned.size()));
                WorksChange oneLine = new WorksChange(Map.of("utility-lines", Map.of(line.line().id(),
                        new WorksChange.NewSchedule(null, line.line().inService().plusYears(1)))), null, null);
                long t = System.nanoTime();
                moved += ScenarioOverlay.changedAnswers(engine, answers, parcels, oneLine).size();
                local[i] = System.nanoTime() - t;
            }
            long scratchStart = System.nanoTime();
            ParkWorks laid = plantLate(11).applyTo(works);
            Map<String, ParcelReadiness> scratch = new ReadinessEngine(laid, rules).assessAll(laid.parcels());
            long brute = System.nanoTime() - scratchStart;
            Map<String, ParcelReadiness> last = edited;
            long differing = scratch.entrySet().stream().filter(e -> !e.getValue().sameAs(
                    last.getOrDefault(e.getKey(), answers.get(e.getKey())))).count();
            System.out.printf("run %d: park's own answers %,d ms (%,d parcels); plant +6 months, first time %,d ms "
                            + "(%,d parcels answer differently); edited (+7 … +11 months) median %,d ms; one sewer "
                            + "line a year late, median %.1f ms (%d parcels moved in 5); from scratch %,d ms; "
                            + "answers differing from scratch: %d%n",
                    run, ms(park - start), answers.size(), ms(first - park), sixMonths.size(), ms(median(edits)),
                    median(local) / 1e6, moved, ms(brute), differing);
            if (run == 3) {
                memory(engine, answers, parcels);
            }
        }
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The heap ten open scenarios hold (each the plant later by another month), over the park's own answers. */
    private static void memory(ReadinessEngine engine, Map<String, ParcelReadiness> answers, ParcelIndex parcels) {
        long before = usedHeap();
        List<Map<String, ParcelReadiness>> open = new ArrayList<>();
        for (int months = 1; months <= 10; months++) {
            open.add(ScenarioOverlay.changedAnswers(engine, answers, parcels, plantLate(months)));
        }
        long after = usedHeap();
        System.out.printf("ten open scenarios (%,d changed parcels in all) hold %,d MiB over the park's own "
                + "answers%n", open.stream().mapToInt(Map::size).sum(), (after - before) / (1024 * 1024));
    }

    private static WorksChange plantLate(int months) {
        return new WorksChange(Map.of("facilities", Map.of(PLANT, new WorksChange.NewSchedule(null,
                LocalDate.of(2019, 6, 30).plusMonths(months)))), Map.of(), Map.of());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
