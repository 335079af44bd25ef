package org.parkatlas.efficiency;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.DerivedProperties;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.pipeline.Project;
import org.parkatlas.pipeline.ProjectsOnParcels;
import org.parkatlas.pipeline.Stage;
import org.parkatlas.store.FeatureStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 以亩产论英雄 on the map: each year's per-mu evaluation of the firms ({@link MujunEvaluation}, by the configured
 * {@link MujunRules}) and, on every parcel, the derived {@code mujun_score} (the score per mu of the firm with the
 * most land on it), {@code mujun_class} and {@code idle_kind}, so the finder, CQL2, statistics and exports see them.
 * The year evaluated for a day is the latest with figures, not after the day's year.
 *
 * <p>Idle land as of a day ({@code idle-years} = N, default 2), the first that applies:
 * <ul>
 *   <li>投而未达标 {@code producing_below_standard}: a producing firm on it pays less tax per mu, or sells less per
 *   mu, than the parcel's standard-land pledge ({@code min_tax_wan_per_mu}, {@code min_output_wan_per_mu});</li>
 *   <li>建而未投 {@code built_not_producing}: a project on it has been building N years and more, or a firm on it
 *   is still building;</li>
 *   <li>供而未用 {@code supplied_not_used}: transferred (出让), no firm on it, and no project on it has started;</li>
 *   <li>批而未供 {@code approved_not_supplied}: on offer or reserved, and leveled N years ago and more.</li>
 * </ul>
 */
@Service
public class Efficiency implements DerivedProperties {

    private final FeatureStore store;
    private final Catalog catalog;
    private final MujunRules rules;
    private final ProjectsOnParcels projects;
    private volatile Facts facts;
    private final Map<Integer, Map<String, MujunEvaluation.Rating>> ratings = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** What a parcel's evaluation and idleness depend on, read once per change to any of their layers. */
    record Facts(Map<String, Plot> plots, List<Enterprise> enterprises, Map<String, Map<Integer, Firm.Year>> figures,
                 java.util.NavigableSet<Integer> years, Map<String, List<Enterprise>> enterprisesByParcel) {
    }

    /** A parcel as its evaluation sees it. */
    public record Plot(String code, String status, double areaMu, String zone, String industrialPark, String leveling,
                       LocalDate levelingDate, Double minTaxPerMu, Double minOutputPerMu) {
    }

    /** A firm's row of the enterprises layer. */
    public record Enterprise(String id, String code, String name, String nameEn, String scale, String status,
                             String industryChain, List<String> parcelCodes) {
    }

    /** A firm evaluated: its row, its land, its figures for the year and its rating. */
    public record Evaluated(Enterprise enterprise, double landMu, Firm.Year figures, MujunEvaluation.Rating rating) {
    }

    Efficiency(FeatureStore store, Catalog catalog, MujunRules rules, ProjectsOnParcels projects) {
        this.projects = projects;
        this.store = store;
        this.catalog = catalog;
        this.rules = rules;
    }

    public MujunRules rules() {
        return rules;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PARCELS.is(layer);
    }

    @Override
    public Set<String> reads() {
        return Set.of("code");
    }

    @Override
    public void derive(Layer layer, Feature feature, ReadContext context, Map<String, Object> derived) {
        Facts known = facts();
        String code = String.valueOf(feature.property("code"));
        LocalDate day = context.day();
        Integer year = yearFor(day, known);
        List<Enterprise> firms = known.enterprisesByParcel().getOrDefault(code, List.of());
        Map<String, MujunEvaluation.Rating> rated = year == null ? Map.of() : ratings(year, known);
        Enterprise main = firms.stream().max(Comparator.comparingDouble((Enterprise e) -> landOf(e, known))
                .thenComparing(Enterprise::code, Comparator.reverseOrder())).orElse(null);
        if (main != null) {
            MujunEvaluation.Rating rating = rated.get(main.code());
            String mujunClass = rating != null ? rating.mujunClass() : main.status().equals("producing") ? null : "B";
            if (mujunClass != null) {
                derived.put("mujun_class", mujunClass);
            }
            if (rating != null && rating.scorePerMu() != null) {
                derived.put("mujun_score", Math.round(rating.scorePerMu() * 1000) / 1000.0);
            }
        }
        Plot plot = known.plots().get(code);
        String idle = plot == null ? null : idleKind(plot, firms, known, year, day);
        if (idle != null) {
            derived.put("idle_kind", idle);
        }
    }

    /** The evaluation as of {@code day}: the year evaluated (null when no year has figures) and every firm. */
    public record Result(Integer year, List<Evaluated> firms, Map<String, Plot> plots, Map<String, String> idle) {
    }

    public Result evaluation(LocalDate day) {
        Facts known = facts();
        Integer year = yearFor(day, known);
        Map<String, MujunEvaluation.Rating> rated = year == null ? Map.of() : ratings(year, known);
        List<Evaluated> firms = new ArrayList<>();
        for (Enterprise e : known.enterprises()) {
            Firm.Year figures = year == null ? null : known.figures().getOrDefault(e.code(), Map.of()).get(year);
            MujunEvaluation.Rating rating = rated.get(e.code());
            firms.add(new Evaluated(e, landOf(e, known), figures, rating));
        }
        Map<String, String> idle = new LinkedHashMap<>();
        known.plots().values().forEach(p -> {
            String kind = idleKind(p, known.enterprisesByParcel().getOrDefault(p.code(), List.of()), known, year, day);
            if (kind != null) {
                idle.put(p.code(), kind);
            }
        });
        return new Result(year, firms, known.plots(), idle);
    }

    private String idleKind(Plot plot, List<Enterprise> firms, Facts known, Integer year, LocalDate day) {
        LocalDate longAgo = day.minusYears(rules.idleYears());
        for (Enterprise firm : firms) {
            Firm.Year figures = year == null ? null : known.figures().getOrDefault(firm.code(), Map.of()).get(year);
            double land = landOf(firm, known);
            if (firm.status().equals("producing") && figures != null && land > 0
                    && (below(figures.taxWan(), land, plot.minTaxPerMu())
                    || below(figures.salesWan(), land, plot.minOutputPerMu()))) {
                return "producing_below_standard";
            }
        }
        List<Project> onIt = projects.on(plot.code());
        boolean building = firms.stream().anyMatch(f -> f.status().equals("building"))
                || onIt.stream().anyMatch(p -> p.stageOn(day) == Stage.UNDER_CONSTRUCTION
                && !p.reachedOn(Stage.UNDER_CONSTRUCTION).isAfter(longAgo));
        if (building) {
            return "built_not_producing";
        }
        if (plot.status().equals("transferred") && firms.isEmpty()
                && onIt.stream().noneMatch(p -> p.reachedBy(Stage.UNDER_CONSTRUCTION, day))) {
            return "supplied_not_used";
        }
        if ((plot.status().equals("available") || plot.status().equals("reserved")) && "done".equals(plot.leveling())
                && plot.levelingDate() != null && !plot.levelingDate().isAfter(longAgo)) {
            return "approved_not_supplied";
        }
        return null;
    }

    /** Whether an amount per mu of land falls short of the parcel's pledge (none pledged: never short). */
    private static boolean below(Double amountWan, double landMu, Double pledgedPerMu) {
        return amountWan != null && pledgedPerMu != null && amountWan / landMu < pledgedPerMu - 1e-9;
    }

    private static double landOf(Enterprise e, Facts known) {
        return e.parcelCodes().stream().map(known.plots()::get).filter(java.util.Objects::nonNull)
                .mapToDouble(Plot::areaMu).sum();
    }

    /** The latest year with figures, not after the day's year; null when there is none. */
    private static Integer yearFor(LocalDate day, Facts known) {
        return known.years().floor(day.getYear());
    }

    private Map<String, MujunEvaluation.Rating> ratings(int year, Facts known) {
        Map<String, MujunEvaluation.Rating> kept = ratings.get(year);
        if (kept != null && facts == known) {
            return kept;
        }
        List<Firm> firms = known.enterprises().stream().map(e -> new Firm(e.code(), e.name(), e.scale(), e.status(),
                e.industryChain(), e.parcelCodes(), landOf(e, known), known.figures().getOrDefault(e.code(), Map.of())
                .get(year))).toList();
        Map<String, MujunEvaluation.Rating> worked = MujunEvaluation.evaluate(firms, rules);
        if (facts == known) { // not kept when the facts changed meanwhile
            ratings.put(year, worked);
        }
        return worked;
    }

    @EventListener
    void on(LayerChanged change) {
        String layer = change.layerId();
        // the projects are read per parcel as they stand (ProjectsOnParcels), not kept here
        if (ParkLayer.PARCELS.is(layer) || ParkLayer.ENTERPRISES.is(layer) || ParkLayer.ENTERPRISE_FIGURES.is(layer)) {
            generation.incrementAndGet(); // before the clear: what a read builds meanwhile is not kept
            facts = null;
            ratings.clear();
        }
    }

    private Facts facts() {
        Facts current = facts;
        if (current != null) {
            return current;
        }
        long seen = generation.get();
        Map<String, Plot> plots = new HashMap<>();
        store.stream(catalog.require(ParkLayer.PARCELS), new FeatureQuery(Filter.INCLUDE, List.of("code", "status",
                "area_mu", "zone", "industrial_park", "leveling", "leveling_date", "min_tax_wan_per_mu",
                "min_output_wan_per_mu"), List.of(), 0, Integer.MAX_VALUE), f -> {
            String code = String.valueOf(f.property("code"));
            plots.put(code, new Plot(code, (String) f.property("status"), number(f, "area_mu", 0.0),
                    (String) f.property("zone"), (String) f.property("industrial_park"),
                    (String) f.property("leveling"), f.property("leveling_date") instanceof LocalDate d ? d : null,
                    number(f, "min_tax_wan_per_mu", null), number(f, "min_output_wan_per_mu", null)));
        });
        List<Enterprise> enterprises = new ArrayList<>();
        Map<String, List<Enterprise>> byParcel = new HashMap<>();
        store.stream(catalog.require(ParkLayer.ENTERPRISES), FeatureQuery.all(), f -> {
            List<String> codes = f.property("parcel_codes") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            Enterprise e = new Enterprise(f.id(), String.valueOf(f.property("code")), (String) f.property("name"),
                    (String) f.property("name_en"), (String) f.property("scale"), (String) f.property("status"), (String) f.property("industry_chain"),
                    codes);
            enterprises.add(e);
            codes.forEach(c -> byParcel.computeIfAbsent(c, k -> new ArrayList<>()).add(e));
        });
        Map<String, Map<Integer, Firm.Year>> figures = new HashMap<>();
        store.stream(catalog.require(ParkLayer.ENTERPRISE_FIGURES), FeatureQuery.all(), f -> {
            int year = ((Number) f.property("fiscal_year")).intValue();
            figures.computeIfAbsent(String.valueOf(f.property("enterprise_code")), k -> new HashMap<>()).put(year,
                    new Firm.Year(year, number(f, "tax_wan", null), number(f, "sales_wan", null),
                            number(f, "value_added_wan", null), number(f, "energy_tce", null),
                            number(f, "rd_wan", null), f.property("employees") instanceof Number n ? n.longValue()
                            : null, number(f, "emissions_t", null)));
        });
        enterprises.sort(Comparator.comparing(Enterprise::code));
        java.util.NavigableSet<Integer> years = new java.util.TreeSet<>();
        figures.values().forEach(byYear -> years.addAll(byYear.keySet()));
        Facts built = new Facts(Map.copyOf(plots), List.copyOf(enterprises), figures, years, byParcel);
        if (generation.get() == seen) {
            facts = built;
        }
        return built;
    }

    private static Double number(Feature f, String name, Double otherwise) {
        return f.property(name) instanceof Number n ? n.doubleValue() : otherwise;
    }
}
