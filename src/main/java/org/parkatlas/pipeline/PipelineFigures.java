package org.parkatlas.pipeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pipeline's board and the figures the zone reports, as of a day, worked out from the projects alone (pure: no
 * store, no HTTP). Rates are shares between 0 and 1, null where there is nothing to divide by:
 * <ul>
 *   <li>start rate (开工率): of the projects signed by the day, the share that had started building;</li>
 *   <li>commissioning rate (投产率): of those started, the share producing;</li>
 *   <li>target-output rate (达效率): of those producing, the share at full production (达产);</li>
 *   <li>funds received (资金到位率): funds received over total investment, over the signed projects that give both;</li>
 *   <li>signings this year: the projects signed from 1 January to the day, their number and investment, against the
 *   year's targets;</li>
 *   <li>overdue: signed, not started, and past the day they were to start.</li>
 * </ul>
 */
public final class PipelineFigures {

    /** Where a project lies: the zone and industrial park of its first parcel, null when it has none yet. */
    public record Place(String zone, String industrialPark) {
    }

    /** The year's targets (null where the zone set none). */
    public record Targets(Long signings, Double investmentYi) {
    }

    public record Pool(Stage stage, int projects, double totalInvestmentYi, double fixedInvestmentYi,
                       double landDemandMu, List<Project> members) {
    }

    public record Overdue(Project project, long daysLate) {
    }

    public record Figures(int signedThisYear, double signedInvestmentThisYearYi, Long targetSignings,
                          Double targetInvestmentYi, int signed, int started, int producing, int fullProduction,
                          Double startRate, Double commissioningRate, Double targetOutputRate,
                          Double fundsReceivedRate, List<Overdue> overdue) {
    }

    private PipelineFigures() {
    }

    /** The five pools as they stood at the end of {@code day}, each with its projects in code order. */
    public static List<Pool> board(List<Project> projects, LocalDate day) {
        Map<Stage, List<Project>> pools = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            pools.put(s, new ArrayList<>());
        }
        projects.forEach(p -> pools.get(p.stageOn(day)).add(p));
        List<Pool> board = new ArrayList<>();
        pools.forEach((stage, members) -> {
            members.sort(java.util.Comparator.comparing(Project::code, java.util.Comparator.nullsLast(
                    java.util.Comparator.naturalOrder())));
            board.add(new Pool(stage, members.size(), sum(members, Project::totalInvestment),
                    sum(members, Project::fixedInvestment), sum(members, Project::landDemand), List.copyOf(members)));
        });
        return board;
    }

    public static Figures figures(List<Project> projects, LocalDate day, Targets targets) {
        LocalDate yearStart = day.withDayOfYear(1);
        List<Project> signedThisYear = projects.stream().filter(p -> p.reachedOn(Stage.SIGNED) != null
                && !p.reachedOn(Stage.SIGNED).isBefore(yearStart) && p.reachedBy(Stage.SIGNED, day)).toList();
        List<Project> signed = projects.stream().filter(p -> p.reachedBy(Stage.SIGNED, day)).toList();
        List<Project> started = signed.stream().filter(p -> p.reachedBy(Stage.UNDER_CONSTRUCTION, day)).toList();
        List<Project> producing = started.stream().filter(p -> p.reachedBy(Stage.IN_PRODUCTION, day)).toList();
        List<Project> full = producing.stream().filter(p -> p.fullProduction() != null
                && !p.fullProduction().isAfter(day)).toList();
        double funds = 0;
        double invested = 0;
        for (Project p : signed) {
            if (p.fundsReceived() != null && p.totalInvestment() != null && p.totalInvestment() > 0) {
                funds += p.fundsReceived();
                invested += p.totalInvestment();
            }
        }
        List<Overdue> overdue = signed.stream().filter(p -> !p.reachedBy(Stage.UNDER_CONSTRUCTION, day)
                        && p.plannedStart() != null && p.plannedStart().isBefore(day))
                .map(p -> new Overdue(p, ChronoUnit.DAYS.between(p.plannedStart(), day)))
                .sorted(java.util.Comparator.comparingLong(Overdue::daysLate).reversed()).toList();
        return new Figures(signedThisYear.size(), sum(signedThisYear, Project::totalInvestment), targets.signings(),
                targets.investmentYi(), signed.size(), started.size(), producing.size(), full.size(),
                share(started.size(), signed.size()), share(producing.size(), started.size()),
                share(full.size(), producing.size()), invested > 0 ? funds / invested : null, overdue);
    }

    /**
     * The figures for each group the projects fall in by where they lie (zone or industrial park, by {@code key}),
     * in the order the groups are first met; projects with no place yet are grouped under null.
     */
    public static Map<String, Figures> byPlace(List<Project> projects, Map<String, Place> parcels,
                                               Function<Place, String> key, LocalDate day) {
        Map<String, List<Project>> groups = new LinkedHashMap<>();
        for (Project p : projects) {
            Place place = p.parcelCodes().stream().map(parcels::get).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            groups.computeIfAbsent(place == null ? null : key.apply(place), k -> new ArrayList<>()).add(p);
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        groups.forEach((group, members) -> figures.put(group, figures(members, day, new Targets(null, null))));
        return figures;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static double sum(List<Project> projects, Function<Project, Double> value) {
        return projects.stream().map(value).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }
}
