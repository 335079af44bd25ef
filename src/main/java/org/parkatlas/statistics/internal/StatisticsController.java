package org.parkatlas.statistics.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.AllowedValue;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AttributeType;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.exchange.Csv;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.Limits;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.http.RequestLanguage;
import org.parkatlas.ogcapi.FilterParameters;
import org.parkatlas.statistics.Statistics;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.FeatureSources;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/stats/{collection}?group_by=a[,b]&sum=x[,y]&filter=…}: parse → read every match through the
 * layer's feature source (so derived attributes group and sum like stored ones, and the public sees only public
 * ones) → answer the groups as JSON, or as CSV (UTF-8 with a BOM, for Excel) with {@code Accept: text/csv} or
 * {@code f=csv}. "Available mu per zone" is {@code /api/stats/parcels?group_by=zone&filter=status='available'}.
 */
@RestController
class StatisticsController {

    private static final Set<String> PARAMETERS = Set.of("group_by", "sum", "filter", "filter-lang", "filter-crs",
            "as_of", "f", "lang", org.parkatlas.readiness.ScenarioParameter.NAME);
    private static final int MAX_GROUP_BY = 2;
    private static final int MAX_SUMS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;
    private final FeatureSources sources;
    private final Limits limits;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    StatisticsController(Catalog catalog, FeatureSources sources, Limits limits,
                         org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.catalog = catalog;
        this.sources = sources;
        this.limits = limits;
    }

    @GetMapping("/api/stats/{collectionId}")
    void stats(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Layer layer = catalog.find(collectionId).orElseThrow(() -> ApiException.notFound(Label.of("没有图层“"
                + collectionId + "”", "there is no collection \"" + collectionId + "\"")));
        Map<String, String> p = parameters(request);
        Audience audience = RequestAudience.of(request);
        Language language = RequestLanguage.of(request);
        List<Attribute> groupBy = attributes(layer, p.get("group_by"), "group_by", MAX_GROUP_BY, audience, false);
        List<Attribute> sums = attributes(layer, p.get("sum"), "sum", MAX_SUMS, audience, true);
        Filter filter = FilterParameters.parse(layer, p.get("filter"), p.get("filter-lang"), p.get("filter-crs")
                == null ? null : CrsRegistry.find(p.get("filter-crs")).orElseThrow(() -> ApiException.badParameter(
                "filter-crs", Label.of("“" + p.get("filter-crs") + "”不是支持的坐标参考系", "\"" + p.get("filter-crs")
                        + "\" is not a supported CRS"))), limits, audience);
        LocalDate asOf = AsOf.parse(p.get("as_of"));
        String area = layer.attribute("area_mu").isPresent() ? "area_mu" : null;
        Statistics statistics = new Statistics(groupBy.stream().map(Attribute::name).toList(),
                sums.stream().map(Attribute::name).toList(), area);
        // the database groups and sums where it can answer alone; otherwise every match is read, enriched, added
        ReadContext context = new ReadContext(asOf, audience, scenarios.check(p.get(
                org.parkatlas.readiness.ScenarioParameter.NAME), audience));
        FeatureSource source = sources.of(layer);
        source.aggregate(filter, statistics.groupBy(), statistics.numbers(), area, context).ifPresentOrElse(
                rows -> rows.forEach(r -> statistics.addGroup(r.keys(), r.count(), r.area(), r.counts(), r.sums(),
                        r.mins(), r.maxs())),
                () -> source.stream(FeatureQuery.filtered(filter), context, statistics.sink()));
        Labeller labeller = new Labeller(layer, language);
        boolean csv = "csv".equals(p.get("f")) || p.get("f") == null && String.valueOf(request.getHeader("Accept"))
                .contains("text/csv");
        response.setHeader("Content-Language", language.tag());
        if (csv) {
            writeCsv(response, layer, statistics, labeller);
        } else {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), json(layer, statistics, labeller, p.get("filter"), asOf));
        }
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> p = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.badParameter(name, Label.of("未知的参数“" + name + "”；可用：" + String.join("、",
                        PARAMETERS.stream().sorted().toList()), "unknown parameter \"" + name + "\"; use "
                        + String.join(", ", PARAMETERS.stream().sorted().toList())));
            }
            if (values.length > 1) {
                throw ApiException.badParameter(name, Label.of("参数 " + name + " 给了不止一次",
                        "the parameter " + name + " is given more than once"));
            }
            p.put(name, values[0]);
        });
        String f = p.get("f");
        if (f != null && !f.equals("json") && !f.equals("csv")) {
            throw ApiException.badParameter("f", Label.of("f 须为 json 或 csv", "f is json or csv"));
        }
        return p;
    }

    /** The attributes named in a comma list, each one the reader sees; numeric ones only where they are summed. */
    private static List<Attribute> attributes(Layer layer, String text, String parameter, int max, Audience audience,
                                              boolean numeric) {
        List<Attribute> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            Attribute attribute = layer.attribute(name, audience).orElseThrow(() -> ApiException.badParameter(parameter,
                    Label.of("“" + name + "”不是 " + layer.id() + " 的属性（见 /ogcapi/collections/" + layer.id()
                            + "/queryables）", "\"" + name + "\" is not a property of " + layer.id()
                            + " (see /ogcapi/collections/" + layer.id() + "/queryables)")));
            boolean isNumber = attribute.type() == AttributeType.NUMBER || attribute.type() == AttributeType.INTEGER;
            if (numeric && !isNumber) {
                throw ApiException.badParameter(parameter, Label.of("“" + name + "”不是数值属性，无法求和",
                        "\"" + name + "\" is not a number and cannot be summed"));
            }
            if (!numeric && attribute.type() == AttributeType.CODE_LIST) {
                throw ApiException.badParameter(parameter, Label.of("“" + name + "”是代码列表，无法分组",
                        "\"" + name + "\" is a list of codes and cannot be grouped by"));
            }
            if (found.contains(attribute)) {
                throw ApiException.badParameter(parameter, Label.of("“" + name + "”出现了两次",
                        "\"" + name + "\" appears twice"));
            }
            found.add(attribute);
        }
        if (found.size() > max) {
            throw ApiException.badParameter(parameter, Label.of(parameter + " 最多 " + max + " 个属性",
                    parameter + " takes at most " + max + " properties"));
        }
        return found;
    }

    private static Map<String, Object> json(Layer layer, Statistics statistics, Labeller labeller, String filter,
                                            LocalDate asOf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("collection", layer.id());
        out.put("group_by", statistics.groupBy());
        out.put("sum", statistics.numbers());
        out.put("filter", filter);
        out.put("as_of", asOf.toString());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Statistics.Group group : statistics.groups()) {
            groups.add(group(statistics, group, labeller));
        }
        out.put("groups", groups);
        out.put("total", group(statistics, statistics.total(), labeller));
        return out;
    }

    private static Map<String, Object> group(Statistics statistics, Statistics.Group group, Labeller labeller) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!group.keys().isEmpty()) {
            Map<String, Object> keys = new LinkedHashMap<>();
            Map<String, Object> labels = new LinkedHashMap<>();
            for (int i = 0; i < group.keys().size(); i++) {
                String name = statistics.groupBy().get(i);
                Object key = group.keys().get(i);
                keys.put(name, key instanceof LocalDate d ? d.toString() : key);
                labels.put(name, labeller.label(name, key));
            }
            out.put("keys", keys);
            out.put("labels", labels);
        }
        out.put("count", group.count());
        out.put("area_mu", Math.round(group.areaMu() * 100) / 100.0);
        Map<String, Object> summaries = new LinkedHashMap<>();
        group.summaries().forEach((name, s) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("count", s.count());
            one.put("sum", s.sum());
            one.put("mean", s.mean());
            one.put("min", s.min());
            one.put("max", s.max());
            summaries.put(name, one);
        });
        out.put("stats", summaries);
        return out;
    }

    private static void writeCsv(HttpServletResponse response, Layer layer, Statistics statistics, Labeller labeller)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + layer.id() + "-stats.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        Csv.begin(out);
        List<String> header = new ArrayList<>();
        for (String name : statistics.groupBy()) {
            header.add(name);
            header.add(name + "_label");
        }
        header.add("count");
        header.add("area_mu");
        for (String name : statistics.numbers()) {
            header.add(name + "_sum");
            header.add(name + "_mean");
            header.add(name + "_min");
            header.add(name + "_max");
        }
        Csv.line(out, header);
        for (Statistics.Group group : statistics.groups()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < group.keys().size(); i++) {
                Object key = group.keys().get(i);
                cells.add(key == null ? "" : key.toString());
                cells.add(labeller.label(statistics.groupBy().get(i), key));
            }
            cells.add(Long.toString(group.count()));
            cells.add(Csv.text(Math.round(group.areaMu() * 100) / 100.0));
            for (Statistics.Summary s : group.summaries().values()) {
                cells.add(Csv.text(s.sum()));
                cells.add(Csv.text(s.mean()));
                cells.add(Csv.text(s.min()));
                cells.add(Csv.text(s.max()));
            }
            Csv.line(out, cells);
        }
        out.flush();
    }

    /** A group key as a reader reads it: an allowed value's label, a zone's or a park's name, yes / no. */
    private final class Labeller {
        private final Layer layer;
        private final Language language;
        private final Map<String, Map<String, Label>> places = new HashMap<>();

        Labeller(Layer layer, Language language) {
            this.layer = layer;
            this.language = language;
        }

        String label(String attribute, Object key) {
            if (key == null) {
                return Label.of("（无）", "(none)").in(language);
            }
            Attribute a = layer.attribute(attribute).orElseThrow();
            if (a.isEnumerated()) {
                return a.values().stream().filter(v -> v.value().equals(key.toString())).map(AllowedValue::label)
                        .findFirst().map(l -> l.in(language)).orElse(key.toString());
            }
            if (key instanceof Boolean b) {
                return (b ? Label.of("是", "yes") : Label.of("否", "no")).in(language);
            }
            ParkLayer named = attribute.equals("zone") ? ParkLayer.ZONES
                    : attribute.equals("industrial_park") ? ParkLayer.INDUSTRIAL_PARKS : null;
            if (named != null) {
                Label name = places.computeIfAbsent(attribute, n -> names(named)).get(key.toString());
                if (name != null) {
                    return name.in(language);
                }
            }
            return key.toString();
        }

        private Map<String, Label> names(ParkLayer layer) {
            Map<String, Label> names = new HashMap<>();
            for (Feature f : sources.of(layer).query(FeatureQuery.all(), ReadContext.today()).features()) {
                Object code = f.property("code");
                Object zh = f.property("name");
                if (code != null && zh != null) {
                    Object en = f.properties().getOrDefault("name_en", zh);
                    names.put(code.toString(), Label.of(zh.toString(), String.valueOf(en == null ? zh : en)));
                }
            }
            return names;
        }
    }
}
