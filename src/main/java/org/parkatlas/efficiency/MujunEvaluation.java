package org.parkatlas.efficiency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-mu evaluation of one year (亩均效益评价), pure: firms in, each firm's indicators, points, score and class
 * out, as {@link MujunRules} say. Within each profile: an indicator's benchmark is worked out over the firms it
 * rates; a firm scores Σ weight × min(value ÷ benchmark, cap), never below 0 for an indicator, and a missing figure
 * scores as the benchmark would (the firm is not punished for a figure the bureau lacks); the score per mu is the
 * score over the firm's land. Classes by rank: a firm's rank is 1 + the number of firms of its profile with a
 * higher score (ties share the better rank), its percentile that rank over their number. Firms not rated
 * (utilities, start-ups, still building) are B without a score; a producing firm without figures or land has no
 * class.
 */
public final class MujunEvaluation {

    /** A firm's result; {@code score} null for a firm not scored. */
    public record Rating(String code, String profile, Double score, Double scorePerMu, String mujunClass,
                         Integer rank, Integer of, Map<String, Double> indicators, Map<String, Double> points,
                         Map<String, Double> benchmarks, Unscored why) {
    }

    /** Why a firm has no score. */
    public enum Unscored { NOT_RATED, NO_FIGURES, NO_LAND }

    private MujunEvaluation() {
    }

    public static Map<String, Rating> evaluate(List<Firm> firms, MujunRules rules) {
        Map<String, Rating> ratings = new LinkedHashMap<>();
        for (Firm firm : firms) {
            if (!firm.rated()) {
                ratings.put(firm.code(), unscored(firm, "B", Unscored.NOT_RATED));
            } else if (firm.figures() == null) {
                ratings.put(firm.code(), unscored(firm, null, Unscored.NO_FIGURES));
            } else if (!(firm.landMu() > 0)) {
                ratings.put(firm.code(), unscored(firm, null, Unscored.NO_LAND));
            }
        }
        rules.profiles().forEach((profile, measures) -> {
            List<Firm> rated = firms.stream().filter(f -> profile.equals(f.scale()) && !ratings.containsKey(f.code()))
                    .toList();
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            for (Firm firm : rated) {
                Map<String, Double> own = new LinkedHashMap<>();
                for (MujunRules.Indicator indicator : measures.indicators()) {
                    own.put(indicator.id(), Indicators.value(indicator.id(), firm.figures(), firm.landMu()));
                }
                values.put(firm.code(), own);
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, Rating> partial = new LinkedHashMap<>();
            for (Firm firm : rated) {
                Map<String, Double> points = new LinkedHashMap<>();
                Map<String, Double> benchmarks = new LinkedHashMap<>();
                double score = 0;
                for (MujunRules.Indicator indicator : measures.indicators()) {
                    Double benchmark = benchmark(indicator, firm, rated, values);
                    Double value = values.get(firm.code()).get(indicator.id());
                    double ratio = value == null || benchmark == null || benchmark <= 0 ? 1 : value / benchmark;
                    double earned = indicator.weight() * Math.max(0, Math.min(ratio, indicator.cap()));
                    benchmarks.put(indicator.id(), benchmark);
                    points.put(indicator.id(), earned);
                    score += earned;
                }
                scores.put(firm.code(), score);
                partial.put(firm.code(), new Rating(firm.code(), profile, score, score / firm.landMu(), null, null,
                        rated.size(), values.get(firm.code()), points, benchmarks, null));
            }
            for (Rating r : partial.values()) {
                int rank = 1 + (int) scores.values().stream().filter(s -> s > r.score() + 1e-9).count();
                ratings.put(r.code(), new Rating(r.code(), r.profile(), r.score(), r.scorePerMu(),
                        classOf(r.score(), rank, rated.size(), rules.classes()), rank, r.of(), r.indicators(),
                        r.points(), r.benchmarks(), null));
            }
        });
        // a firm whose scale has no profile is not rated either
        for (Firm firm : firms) {
            ratings.putIfAbsent(firm.code(), unscored(firm, "B", Unscored.NOT_RATED));
        }
        return ratings;
    }

    /** The class of a score ranked {@code rank} of {@code of}. */
    static String classOf(double score, int rank, int of, MujunRules.Classes classes) {
        if (classes.method().equals("score")) {
            List<Double> cut = classes.scores();
            return score >= cut.get(0) ? "A" : score >= cut.get(1) ? "B" : score >= cut.get(2) ? "C" : "D";
        }
        double percentile = 100.0 * rank / of;
        List<Double> cut = classes.percentiles();
        return percentile <= cut.get(0) + 1e-9 ? "A" : percentile <= cut.get(1) + 1e-9 ? "B"
                : percentile <= cut.get(2) + 1e-9 ? "C" : "D";
    }

    private static Double benchmark(MujunRules.Indicator indicator, Firm firm, List<Firm> rated,
                                    Map<String, Map<String, Double>> values) {
        String benchmark = indicator.benchmark();
        if (!benchmark.equals("mean") && !benchmark.equals("industry-mean")) {
            return Double.parseDouble(benchmark);
        }
        List<Double> seen = new ArrayList<>();
        for (Firm other : rated) {
            if (benchmark.equals("industry-mean") && !java.util.Objects.equals(other.industryChain(),
                    firm.industryChain())) {
                continue;
            }
            Double v = values.get(other.code()).get(indicator.id());
            if (v != null) {
                seen.add(v);
            }
        }
        return seen.isEmpty() ? null : seen.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Rating unscored(Firm firm, String mujunClass, Unscored why) {
        return new Rating(firm.code(), firm.scale(), null, null, mujunClass, null, null, Map.of(), Map.of(), Map.of(),
                why);
    }
}
