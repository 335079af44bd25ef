package org.parkatlas.efficiency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * How firms are evaluated by output per mu (亩均效益评价): configuration, not code, under {@code parkatlas.mujun.*}.
 * <ul>
 *   <li>{@code profiles.above} (规上 firms) and {@code profiles.below} (规下): each a list of indicators, each with
 *   its {@code weight} (points), {@code benchmark} ({@code mean} — the mean over the firms rated by the same
 *   profile that year —, {@code industry-mean} — the mean over those of the same industry chain —, or a fixed
 *   value) and {@code cap} (the most times the benchmark a firm is credited with). A firm scores
 *   Σ weight × min(value ÷ benchmark, cap).</li>
 *   <li>{@code classes.method}: {@code percentile} (the default: a firm's rank among those rated by its profile,
 *   A to the top {@code classes.percentiles[0]} %, B to {@code [1]} %, C to {@code [2]} %, D below; defaults 25 / 70 /
 *   95) or {@code score} (A from {@code classes.scores[0]} points, B from {@code [1]}, C from {@code [2]}).</li>
 *   <li>{@code idle-years}: how long land may lie approved but not supplied, supplied but unused, or building
 *   without producing, before it counts as idle (default 2).</li>
 * </ul>
 * Defaults, one municipal weighting: larger firms tax per mu 45, sales per mu 20, value added per unit of energy
 * 15, R&D intensity 15, labour productivity 5; smaller firms tax per mu 100; every benchmark the mean, every cap 2.
 */
@ConfigurationProperties("parkatlas.mujun")
public record MujunRules(Map<String, Profile> profiles, Classes classes, Integer idleYears) {

    /** What a firm is measured by: {@code tax_per_mu}, {@code sales_per_mu}, … (see {@link Indicator#id()}). */
    public record Profile(List<Indicator> indicators) {
        public Profile {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /**
     * @param id        one of tax_per_mu (万元/亩), sales_per_mu (万元/亩), value_added_per_mu (万元/亩),
     *                  value_added_per_energy (万元/吨标煤), value_added_per_emission (万元/吨), rd_intensity (R&D ÷
     *                  sales), labour_productivity (万元 value added per employee)
     * @param benchmark {@code mean}, {@code industry-mean} or a number
     */
    public record Indicator(String id, double weight, String benchmark, Double cap) {
        public Indicator {
            benchmark = benchmark == null || benchmark.isBlank() ? "mean" : benchmark.strip();
            cap = cap == null ? 2.0 : cap;
            if (!benchmark.equals("mean") && !benchmark.equals("industry-mean")) {
                try {
                    if (!(Double.parseDouble(benchmark) > 0)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parkatlas.mujun: the benchmark of " + id + " is mean, "
                            + "industry-mean or a positive number, not " + benchmark);
                }
            }
        }
    }

    public record Classes(String method, List<Double> percentiles, List<Double> scores) {
        public Classes {
            method = method == null || method.isBlank() ? "percentile" : method.strip();
            percentiles = percentiles == null || percentiles.isEmpty() ? List.of(25.0, 70.0, 95.0)
                    : List.copyOf(percentiles);
            scores = scores == null ? List.of() : List.copyOf(scores);
            if (!method.equals("percentile") && !method.equals("score")) {
                throw new IllegalArgumentException("parkatlas.mujun.classes.method is percentile or score, not "
                        + method);
            }
            if (percentiles.size() != 3 || method.equals("score") && scores.size() != 3) {
                throw new IllegalArgumentException("parkatlas.mujun.classes: three cut-offs, for A, B and C");
            }
        }
    }

    public MujunRules {
        profiles = profiles == null || profiles.isEmpty() ? Map.of(
                "above", new Profile(List.of(new Indicator("tax_per_mu", 45, null, null),
                        new Indicator("sales_per_mu", 20, null, null),
                        new Indicator("value_added_per_energy", 15, null, null),
                        new Indicator("rd_intensity", 15, null, null),
                        new Indicator("labour_productivity", 5, null, null))),
                "below", new Profile(List.of(new Indicator("tax_per_mu", 100, null, null))))
                : Map.copyOf(profiles);
        classes = classes == null ? new Classes(null, null, null) : classes;
        idleYears = idleYears == null ? 2 : idleYears;
        for (Profile profile : profiles.values()) {
            for (Indicator indicator : profile.indicators()) {
                if (!Indicators.KNOWN.contains(indicator.id())) {
                    throw new IllegalArgumentException("parkatlas.mujun: no indicator " + indicator.id() + "; use one of "
                            + Indicators.KNOWN);
                }
            }
        }
    }

    /** The rules with their defaults. */
    public static MujunRules defaults() {
        return new MujunRules(null, null, null);
    }
}
