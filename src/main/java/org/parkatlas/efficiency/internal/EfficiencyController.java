package org.parkatlas.efficiency.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Audience;
import org.parkatlas.efficiency.Efficiency;
import org.parkatlas.efficiency.MujunEvaluation;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.Http;
import org.parkatlas.http.RequestAudience;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code GET /api/mujun?as_of=}: the year's per-mu evaluation — every firm with its land, class, score and rank (its
 * indicators, points and the benchmarks for staff only: they are the tax and statistics bureaus' figures) — and per
 * zone and industrial park the firms by class and the idle land by kind, in parcels and mu.
 */
@RestController
class EfficiencyController {

    private static final List<String> CLASSES = List.of("A", "B", "C", "D");
    private static final List<String> IDLE = List.of("approved_not_supplied", "supplied_not_used",
            "built_not_producing", "producing_below_standard");

    private final Efficiency efficiency;

    EfficiencyController(Efficiency efficiency) {
        this.efficiency = efficiency;
    }

    @GetMapping(value = "/api/mujun", produces = Http.JSON)
    Map<String, Object> evaluation(@RequestParam(name = "as_of", required = false) String asOf,
                                   HttpServletRequest request) {
        LocalDate day = AsOf.parse(asOf);
        boolean staff = RequestAudience.of(request).includes(Audience.STAFF);
        Efficiency.Result result = efficiency.evaluation(day);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("as_of", day.toString());
        body.put("year", result.year());
        List<Map<String, Object>> firms = new ArrayList<>();
        for (Efficiency.Evaluated e : result.firms()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", e.enterprise().id());
            f.put("code", e.enterprise().code());
            f.put("name", e.enterprise().name());
            f.put("name_en", e.enterprise().nameEn());
            f.put("scale", e.enterprise().scale());
            f.put("status", e.enterprise().status());
            f.put("industry_chain", e.enterprise().industryChain());
            f.put("parcel_codes", e.enterprise().parcelCodes());
            f.put("land_mu", round(e.landMu()));
            MujunEvaluation.Rating r = e.rating();
            f.put("class", r == null ? null : r.mujunClass());
            f.put("score", r == null || r.score() == null ? null : round(r.score()));
            f.put("score_per_mu", r == null || r.scorePerMu() == null ? null : round(r.scorePerMu()));
            f.put("rank", r == null ? null : r.rank());
            f.put("of", r == null ? null : r.of());
            f.put("unscored", r == null || r.why() == null ? null : r.why().name().toLowerCase());
            if (staff && r != null) {
                f.put("indicators", rounded(r.indicators()));
                f.put("points", rounded(r.points()));
                f.put("benchmarks", rounded(r.benchmarks()));
            }
            firms.add(f);
        }
        body.put("firms", firms);
        body.put("by_zone", byPlace(result, Efficiency.Plot::zone));
        body.put("by_industrial_park", byPlace(result, Efficiency.Plot::industrialPark));
        return body;
    }

    private static List<Map<String, Object>> byPlace(Efficiency.Result result, Function<Efficiency.Plot, String> key) {
        Map<String, Map<String, Object>> groups = new TreeMap<>(java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder()));
        java.util.function.Function<String, Map<String, Object>> group = place -> groups.computeIfAbsent(place, p -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("place", p);
            Map<String, Integer> classes = new LinkedHashMap<>();
            CLASSES.forEach(c -> classes.put(c, 0));
            g.put("classes", classes);
            Map<String, Map<String, Number>> idle = new LinkedHashMap<>();
            IDLE.forEach(k -> idle.put(k, new LinkedHashMap<>(Map.of("parcels", 0, "mu", 0.0))));
            g.put("idle", idle);
            return g;
        });
        for (Efficiency.Evaluated e : result.firms()) {
            Efficiency.Plot first = e.enterprise().parcelCodes().stream().map(result.plots()::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            String mujunClass = e.rating() == null ? null : e.rating().mujunClass();
            if (mujunClass != null) {
                @SuppressWarnings("unchecked")
                Map<String, Integer> classes = (Map<String, Integer>) group.apply(first == null ? null
                        : key.apply(first)).get("classes");
                classes.merge(mujunClass, 1, Integer::sum);
            }
        }
        result.idle().forEach((code, kind) -> {
            Efficiency.Plot plot = result.plots().get(code);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Number>> idle = (Map<String, Map<String, Number>>) group.apply(key.apply(plot))
                    .get("idle");
            Map<String, Number> tally = idle.get(kind);
            tally.put("parcels", tally.get("parcels").intValue() + 1);
            tally.put("mu", round(tally.get("mu").doubleValue() + plot.areaMu()));
        });
        return new ArrayList<>(groups.values());
    }

    private static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? null : round(v)));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
