package org.parkatlas.efficiency;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** The per-mu evaluation against the README's worked example, worked by hand, and a brute-force ranking. */
class MujunEvaluationTest {

    /** The README's four larger firms: land (mu), tax, sales, value added (万元), energy (tce), R&D (万元), staff. */
    static List<Firm> workedExample() {
        return List.of(
                firm("A", 50, 1000, 20000, 5000, 2500, 600, 250),
                firm("B", 40, 400, 8000, 2000, 2000, 80, 100),
                firm("C", 100, 1000, 12000, 3000, 1000, 240, 150),
                firm("D", 20, 100, 2000, 400, 800, 10, 40));
    }

    @Test
    void theWorkedExampleScoresAndClassesAsWorkedByHand() {
        Map<String, MujunEvaluation.Rating> r = MujunEvaluation.evaluate(workedExample(), MujunRules.defaults());
        // benchmarks, the means over the four: tax per mu (20 + 10 + 10 + 5) / 4 = 11.25, sales per mu 205,
        // value added per tce 1.625, R&D intensity 0.01625, value added per employee 17.5
        assertThat(r.get("A").benchmarks().get("tax_per_mu")).isCloseTo(11.25, offset(1e-9));
        assertThat(r.get("A").benchmarks().get("sales_per_mu")).isCloseTo(205, offset(1e-9));
        assertThat(r.get("A").benchmarks().get("value_added_per_energy")).isCloseTo(1.625, offset(1e-9));
        assertThat(r.get("A").benchmarks().get("rd_intensity")).isCloseTo(0.01625, offset(1e-12));
        assertThat(r.get("A").benchmarks().get("labour_productivity")).isCloseTo(17.5, offset(1e-9));
        // A: 45 × 20/11.25 + 20 × 400/205 + 15 × 2/1.625 + 15 × 0.03/0.01625 + 5 × 20/17.5
        assertThat(r.get("A").points().get("tax_per_mu")).isCloseTo(80, offset(1e-9));
        assertThat(r.get("A").score()).isCloseTo(170.8925, offset(1e-3));
        assertThat(r.get("B").score()).isCloseTo(83.6881, offset(1e-3));
        assertThat(r.get("C").score()).isCloseTo(103.5754, offset(1e-3));
        assertThat(r.get("D").score()).isCloseTo(41.8440, offset(1e-3));
        assertThat(r.get("A").scorePerMu()).isCloseTo(3.4179, offset(1e-3));
        // ranks 1 A, 2 C, 3 B, 4 D of 4: percentiles 25, 50, 75, 100 → A, B, C, D
        assertThat(List.of(r.get("A").mujunClass(), r.get("C").mujunClass(), r.get("B").mujunClass(),
                r.get("D").mujunClass())).containsExactly("A", "B", "C", "D");
        assertThat(r.get("C").rank()).isEqualTo(2);
    }

    @Test
    void aCapLimitsWhatOneIndicatorCanEarnAndAMissingFigureScoresTheBenchmark() {
        List<Firm> firms = new ArrayList<>(workedExample());
        firms.add(new Firm("E", "E", "above", "producing", null, List.of(), 10, new Firm.Year(2025, 2000.0, null,
                null, null, null, null, null)));
        Map<String, MujunEvaluation.Rating> r = MujunEvaluation.evaluate(firms, MujunRules.defaults());
        // E pays 200 per mu, far above the mean: credited 2 × its weight at most
        assertThat(r.get("E").points().get("tax_per_mu")).isEqualTo(90.0);
        // no sales reported: scored as the benchmark, its weight once
        assertThat(r.get("E").points().get("sales_per_mu")).isEqualTo(20.0);
    }

    @Test
    void firmsNotRatedAreBAndAProducingFirmWithoutFiguresHasNoClass() {
        List<Firm> firms = new ArrayList<>(workedExample());
        firms.add(new Firm("U", "U", "above", "utility", null, List.of(), 30, null));
        firms.add(new Firm("S", "S", "below", "startup", null, List.of(), 30, null));
        firms.add(new Firm("N", "N", "above", "producing", null, List.of(), 30, null));
        Map<String, MujunEvaluation.Rating> r = MujunEvaluation.evaluate(firms, MujunRules.defaults());
        assertThat(r.get("U").mujunClass()).isEqualTo("B");
        assertThat(r.get("U").score()).isNull();
        assertThat(r.get("S").mujunClass()).isEqualTo("B");
        assertThat(r.get("N").mujunClass()).isNull();
        assertThat(r.get("N").why()).isEqualTo(MujunEvaluation.Unscored.NO_FIGURES);
        assertThat(r.get("A").of()).as("only the rated firms are ranked").isEqualTo(4);
    }

    @Test
    void classesByRankMatchABruteForceCountOnRandomParks() {
        Random random = new Random(20261201);
        for (int park = 0; park < 200; park++) {
            List<Firm> firms = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                // a few share a score exactly: ties must share the better class
                double tax = random.nextInt(4) == 0 ? 500 : 50 + random.nextInt(3000);
                firms.add(new Firm("F" + i, "F" + i, "below", "producing", null, List.of(), 50,
                        new Firm.Year(2025, tax, null, null, null, null, null, null)));
            }
            Map<String, MujunEvaluation.Rating> r = MujunEvaluation.evaluate(firms, MujunRules.defaults());
            for (Firm f : firms) {
                double mine = r.get(f.code()).score();
                long better = firms.stream().filter(o -> r.get(o.code()).score() > mine + 1e-9).count();
                double percentile = 100.0 * (better + 1) / n;
                String expected = percentile <= 25 ? "A" : percentile <= 70 ? "B" : percentile <= 95 ? "C" : "D";
                assertThat(r.get(f.code()).mujunClass()).as("park %d firm %s of %d", park, f.code(), n)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void classesCanBeSetByScoreAndTheRulesRefuseWhatTheyCannotMean() {
        MujunRules byScore = new MujunRules(null, new MujunRules.Classes("score", null, List.of(150.0, 100.0,
                60.0)), null);
        Map<String, MujunEvaluation.Rating> r = MujunEvaluation.evaluate(workedExample(), byScore);
        assertThat(List.of(r.get("A").mujunClass(), r.get("C").mujunClass(), r.get("B").mujunClass(),
                r.get("D").mujunClass())).containsExactly("A", "B", "C", "D");
        assertThatThrownBy(() -> new MujunRules(Map.of("above", new MujunRules.Profile(List.of(
                new MujunRules.Indicator("profit_per_mu", 10, null, null)))), null, null))
                .hasMessageContaining("profit_per_mu");
        assertThatThrownBy(() -> new MujunRules.Indicator("tax_per_mu", 10, "median", null))
                .hasMessageContaining("median");
        assertThatThrownBy(() -> new MujunRules.Classes("rank", null, null)).hasMessageContaining("rank");
    }

    private static Firm firm(String code, double land, double tax, double sales, double valueAdded, double energy,
                             double rd, long employees) {
        return new Firm(code, code, "above", "producing", null, List.of(), land, new Firm.Year(2025, tax, sales,
                valueAdded, energy, rd, employees, null));
    }
}
