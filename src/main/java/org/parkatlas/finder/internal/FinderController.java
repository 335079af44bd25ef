package org.parkatlas.finder.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.SortKey;
import org.parkatlas.finder.Finder;
import org.parkatlas.finder.FinderCriteria;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.RequestAudience;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/finder}: the finder's criteria as query parameters (the same names the map's finder keeps in its
 * URL), each checked and named when wrong; the answer is the count, the total mu, the CQL2 filter it ran (for an
 * analyst to reuse on {@code /ogcapi/collections/parcels/items}) and a page of parcels with their key figures.
 */
@RestController
class FinderController {

    private static final Set<String> PARAMETERS = Set.of("industrial_park", "zone", "min_mu", "max_mu", "status",
            "standard_land", "land_use", "ready_by", "needs", "max_investment", "max_tax", "min_far", "max_far",
            "near", "within_m", "sort", "as_of", "limit", "offset", "lang",
            org.parkatlas.readiness.ScenarioParameter.NAME);
    private static final List<String> SORTS = List.of("area_mu", "ready_date", "reference_price_wan_per_mu",
            "min_investment_wan_per_mu", "gateway_distance_m", "code");
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,32}");
    private static final int MAX_LIMIT = 1000;

    private final Finder finder;
    private final Layer parcels;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    FinderController(Finder finder, Catalog catalog, org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.finder = finder;
        this.parcels = catalog.require(ParkLayer.PARCELS);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Answer(long count, double totalMu, String filter, String asOf, List<Map<String, Object>> parcels) {
    }

    @GetMapping("/api/finder")
    Answer find(HttpServletRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.badParameter(name, Label.of("未知的参数“" + name + "”；可用：" + String.join("、",
                        PARAMETERS.stream().sorted().toList()), "unknown parameter \"" + name + "\"; use "
                        + String.join(", ", PARAMETERS.stream().sorted().toList())));
            }
            if (values.length > 1) {
                throw ApiException.badParameter(name, Label.of("参数 " + name + " 给了不止一次；多个值请用逗号分隔",
                        "the parameter " + name + " is given more than once; separate values with commas"));
            }
            p.put(name, values[0]);
        });
        FinderCriteria criteria = new FinderCriteria(codes(p, "industrial_park"), codes(p, "zone"),
                number(p, "min_mu", 0, 1e6), number(p, "max_mu", 0, 1e6), statuses(p), bool(p, "standard_land"),
                choices(p, "land_use"), date(p, "ready_by"), needs(p), number(p, "max_investment", 0, 1e7),
                number(p, "max_tax", 0, 1e7), number(p, "min_far", 0, 100), number(p, "max_far", 0, 100), near(p),
                number(p, "within_m", 0, 1e6), sort(p));
        if (criteria.near() != null && criteria.withinMetres() == null) {
            throw ApiException.badParameter("within_m", Label.of("给了 near 就要给 within_m（米）",
                    "near needs within_m (metres)"));
        }
        LocalDate asOf = AsOf.parse(p.get("as_of"));
        org.parkatlas.catalog.Audience audience = RequestAudience.of(request);
        Finder.Found found = finder.find(criteria, asOf, audience, scenarios.check(p.get(
                        org.parkatlas.readiness.ScenarioParameter.NAME), audience),
                (long) number(p, "offset", 0, 1e9, 0), (int) number(p, "limit", 0, MAX_LIMIT, 200));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Feature parcel : found.parcels()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", parcel.id());
            parcel.properties().forEach((name, value) -> row.put(name, value instanceof LocalDate d ? d.toString()
                    : value));
            rows.add(row);
        }
        return new Answer(found.count(), found.totalMu(), found.filter(), found.asOf().toString(), rows);
    }

    private static List<String> codes(Map<String, String> p, String name) {
        List<String> codes = list(name, p.get(name));
        for (String code : codes) {
            if (!CODE.matcher(code).matches()) {
                throw ApiException.badParameter(name, Label.of("“" + code + "”不是编号", "\"" + code
                        + "\" is not a code"));
            }
        }
        return codes;
    }

    /** Available land by default: an investor looks for what can still be had; {@code status=any} for all. */
    private List<String> statuses(Map<String, String> p) {
        String given = p.get("status");
        if (given == null) {
            return List.of("available");
        }
        return given.equals("any") ? List.of() : choices(p, "status");
    }

    private List<String> choices(Map<String, String> p, String name) {
        Attribute attribute = parcels.attribute(name).orElseThrow();
        List<String> values = list(name, p.get(name));
        for (String value : values) {
            if (!attribute.allows(value)) {
                throw ApiException.badParameter(name, Label.of("“" + value + "”不是 " + name + " 的取值；可用："
                        + String.join("、", attribute.values().stream().map(v -> v.value()).toList()), "\"" + value
                        + "\" is not a value of " + name + "; use one of " + String.join(", ",
                        attribute.values().stream().map(v -> v.value()).toList())));
            }
        }
        return values;
    }

    private List<String> needs(Map<String, String> p) {
        List<String> items = list("needs", p.get("needs"));
        for (String item : items) {
            if (!CODE.matcher(item).matches() || parcels.attribute("readiness_" + item).isEmpty()
                    || item.equals("met") || item.equals("total") || item.equals("tier")) {
                throw ApiException.badParameter("needs", Label.of("“" + item + "”不是准备事项（如 gas、heat、water）",
                        "\"" + item + "\" is not a readiness item (such as gas, heat, water)"));
            }
        }
        return items;
    }

    private String near(Map<String, String> p) {
        String target = p.get("near");
        if (target == null) {
            return null;
        }
        if (!CODE.matcher(target).matches() || parcels.attribute(target + "_distance_m").isEmpty()) {
            throw ApiException.badParameter("near", Label.of("“" + target + "”不是可量距离的对象（gateway、"
                    + "sewage_plant、substation …）", "\"" + target + "\" is nothing a distance is measured to "
                    + "(gateway, sewage_plant, substation …)"));
        }
        return target;
    }

    private static List<SortKey> sort(Map<String, String> p) {
        String given = p.get("sort");
        if (given == null) {
            return List.of(new SortKey("area_mu", false));
        }
        boolean ascending = !given.startsWith("-");
        String name = given.startsWith("-") || given.startsWith("+") ? given.substring(1) : given;
        if (!SORTS.contains(name)) {
            throw ApiException.badParameter("sort", Label.of("无法按“" + name + "”排序；可用：" + String.join("、", SORTS),
                    "cannot sort by \"" + name + "\"; use " + String.join(", ", SORTS) + " (- for descending)"));
        }
        return List.of(new SortKey(name, ascending));
    }

    private static boolean bool(Map<String, String> p, String name) {
        String given = p.get(name);
        if (given == null || given.equals("false")) {
            return false;
        }
        if (given.equals("true")) {
            return true;
        }
        throw ApiException.badParameter(name, Label.of(name + " 须为 true 或 false", name + " is true or false"));
    }

    private static LocalDate date(Map<String, String> p, String name) {
        String given = p.get(name);
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(given);
            if (day.getYear() < 1900 || day.getYear() > 2199) {
                throw new DateTimeParseException("out of range", given, 0);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, Label.of(name + " 须为 1900–2199 年间的日期，如 2027-06-30",
                    name + " is a date between 1900 and 2199, such as 2027-06-30"));
        }
    }

    private static Double number(Map<String, String> p, String name, double min, double max) {
        String given = p.get(name);
        if (given == null || given.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(given);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= min && value <= max)) {
            throw ApiException.badParameter(name, Label.of(name + " 须为 " + (long) min + " 到 " + (long) max
                    + " 之间的数", name + " is a number between " + (long) min + " and " + (long) max));
        }
        return value;
    }

    private static double number(Map<String, String> p, String name, double min, double max, double otherwise) {
        Double value = number(p, name, min, max);
        return value == null ? otherwise : value;
    }

    private static List<String> list(String name, String given) {
        if (given == null || given.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : given.split(",", -1)) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        if (values.size() > 50) {
            throw ApiException.badParameter(name, Label.of(name + " 最多 50 个值", name + " takes 50 values at most"));
        }
        return values;
    }
}
