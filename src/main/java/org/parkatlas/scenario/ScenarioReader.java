package org.parkatlas.scenario;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.editing.WriteBatch;
import org.parkatlas.exchange.FeatureAssembler;
import org.parkatlas.exchange.GeoJsonFeatureReader;
import org.parkatlas.feature.Feature;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.readiness.WorksChange;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario's JSON document — what {@code POST /api/scenarios} and {@code PATCH} send, and what is stored —
 * into its parts, refusing what a scenario cannot hold with a JSON Pointer to it: a collection that is not a work,
 * an override of anything but the schedule, a status the layer does not know, an addition that is not a valid
 * feature of its collection, the same work twice. Whether the works named exist is the writer's to check, inside
 * its transaction.
 */
final class ScenarioReader {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CHANGES = 2000;
    private static final Set<String> MEMBERS = Set.of("name", "description", "state", "overrides", "additions",
            "removals");

    /** A document's parts; null for a member the document does not give (a PATCH keeps it as it was). */
    record Parts(String name, String description, boolean descriptionGiven, ScenarioState state,
                 List<ScenarioChange.Override> overrides, List<ScenarioChange.Addition> additions,
                 List<ScenarioChange.Removal> removals) {
    }

    private final Catalog catalog;

    ScenarioReader(Catalog catalog) {
        this.catalog = catalog;
    }

    Parts read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", Label.of("方案须为 JSON 对象，含 name、overrides、additions、removals",
                    "a scenario is a JSON object with name, overrides, additions and removals"));
        }
        for (String member : body.propertyNames()) {
            if (!MEMBERS.contains(member)) {
                throw InvalidInputException.unprocessable("/" + member, Label.of("方案没有成员“" + clip(member)
                        + "”；可用：name、description、state、overrides、additions、removals", "a scenario has no member \""
                        + clip(member) + "\"; use name, description, state, overrides, additions, removals"));
            }
        }
        String name = body.has("name") ? text(body.get("name"), "/name", MAX_NAME, true) : null;
        String description = body.has("description") ? text(body.get("description"), "/description",
                MAX_DESCRIPTION, false) : null;
        ScenarioState state = body.has("state") ? state(body.get("state")) : null;
        List<ScenarioChange.Removal> removals = body.has("removals") ? removals(body.get("removals")) : null;
        List<ScenarioChange.Override> overrides = body.has("overrides") ? overrides(body.get("overrides")) : null;
        List<ScenarioChange.Addition> additions = body.has("additions") ? additions(body.get("additions")) : null;
        return new Parts(name, description, body.has("description"), state, overrides, additions, removals);
    }

    /** Whole again: a work is overridden once, and not both overridden and removed; an added id is used once. */
    static void checkTogether(ScenarioChange change) {
        Set<String> removed = new HashSet<>();
        for (ScenarioChange.Removal r : change.removals()) {
            removed.add(r.collection() + "/" + r.id());
        }
        for (int i = 0; i < change.overrides().size(); i++) {
            ScenarioChange.Override o = change.overrides().get(i);
            if (removed.contains(o.collection() + "/" + o.id())) {
                throw InvalidInputException.unprocessable("/overrides/" + i + "/id", Label.of("“" + o.id()
                        + "”已在 removals 中移除，不能再改其工期", "\"" + o.id() + "\" is removed in removals; it cannot also "
                        + "be rescheduled"));
            }
        }
    }

    /** A scenario without a name (none given, null or blank): the one thing every scenario needs. */
    static InvalidInputException nameNeeded() {
        return InvalidInputException.unprocessable("/name", Label.of("方案需要名称 name", "a scenario needs a name"));
    }

    private static String text(JsonNode node, String pointer, int max, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw nameNeeded();
            }
            return null;
        }
        if (!node.isString()) {
            throw InvalidInputException.unprocessable(pointer, Label.of(pointer.substring(1) + " 须为文字",
                    pointer.substring(1) + " is text"));
        }
        String text = node.asString().strip();
        if (required && text.isEmpty()) {
            throw nameNeeded();
        }
        if (text.length() > max) {
            throw InvalidInputException.unprocessable(pointer, Label.of(pointer.substring(1) + " 最多 " + max
                    + " 个字符，而此处有 " + text.length() + " 个", pointer.substring(1) + " is at most " + max
                    + " characters, not " + text.length()));
        }
        return text;
    }

    private static ScenarioState state(JsonNode node) {
        ScenarioState state = node != null && node.isString() ? ScenarioState.of(node.asString()).orElse(null) : null;
        if (state == null || state == ScenarioState.APPLIED) {
            throw InvalidInputException.unprocessable("/state", Label.of("state 须为 draft 或 shared（实施请用 "
                    + "POST /api/scenarios/{id}/apply）", "state is draft or shared (to apply, POST "
                    + "/api/scenarios/{id}/apply)"));
        }
        return state;
    }

    private List<ScenarioChange.Removal> removals(JsonNode node) {
        List<ScenarioChange.Removal> removals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array(node, "/removals").size(); i++) {
            String pointer = "/removals/" + i;
            JsonNode entry = node.get(i);
            object(entry, pointer, "{\"collection\": \"utility-lines\", \"id\": \"…\"}");
            Layer layer = works(entry.get("collection"), pointer + "/collection");
            String id = id(entry.get("id"), pointer + "/id");
            if (!seen.add(layer.id() + "/" + id)) {
                throw InvalidInputException.unprocessable(pointer + "/id", Label.of("“" + clip(id) + "”已移除过一次",
                        "\"" + clip(id) + "\" is removed once already"));
            }
            removals.add(new ScenarioChange.Removal(layer.id(), id));
        }
        return removals;
    }

    private List<ScenarioChange.Override> overrides(JsonNode node) {
        List<ScenarioChange.Override> overrides = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array(node, "/overrides").size(); i++) {
            String pointer = "/overrides/" + i;
            JsonNode entry = node.get(i);
            object(entry, pointer, "{\"collection\": \"facilities\", \"id\": \"…\", \"properties\": {\"status\": …, "
                    + "\"completion_date\": \"YYYY-MM-DD\"}}");
            Layer layer = works(entry.get("collection"), pointer + "/collection");
            String id = id(entry.get("id"), pointer + "/id");
            if (!seen.add(layer.id() + "/" + id)) {
                throw InvalidInputException.unprocessable(pointer + "/id", Label.of("“" + clip(id)
                        + "”已有一条改动；请合并为一条", "\"" + clip(id) + "\" is overridden once already; give one "
                        + "override per work"));
            }
            JsonNode properties = entry.get("properties");
            if (properties == null || !properties.isObject() || properties.isEmpty()) {
                throw InvalidInputException.unprocessable(pointer + "/properties", Label.of(
                        "properties 须为含 status 和/或 completion_date 的对象", "properties is an object with status "
                                + "and/or completion_date"));
            }
            String status = null;
            boolean dateGiven = false;
            LocalDate date = null;
            for (String name : properties.propertyNames()) {
                String at = pointer + "/properties/" + name;
                if (!ScenarioChange.SCHEDULE.contains(name)) {
                    throw InvalidInputException.unprocessable(at, Label.of("方案只改工程的工期：status 和 "
                            + "completion_date，而不是“" + clip(name) + "”", "a scenario changes a work's schedule only: "
                            + "status and completion_date, not \"" + clip(name) + "\""));
                }
                JsonNode value = properties.get(name);
                if (name.equals("status")) {
                    status = status(layer, value, at);
                } else {
                    dateGiven = true;
                    date = value.isNull() ? null : date(value, at);
                }
            }
            overrides.add(new ScenarioChange.Override(layer.id(), id, status, dateGiven, date));
        }
        return overrides;
    }

    private List<ScenarioChange.Addition> additions(JsonNode node) {
        List<ScenarioChange.Addition> additions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array(node, "/additions").size(); i++) {
            String pointer = "/additions/" + i;
            JsonNode entry = node.get(i);
            object(entry, pointer, "{\"type\": \"Feature\", \"collection\": \"utility-lines\", \"geometry\": …, "
                    + "\"properties\": …}");
            if (!"Feature".equals(entry.path("type").isString() ? entry.path("type").asString() : null)) {
                throw new InvalidInputException(pointer + "/type", Label.of("新增工程须为 GeoJSON 要素（\"type\": "
                        + "\"Feature\"）", "an added work is a GeoJSON feature (\"type\": \"Feature\")"));
            }
            Layer layer = works(entry.get("collection"), pointer + "/collection");
            String id = entry.hasNonNull("id") ? id(entry.get("id"), pointer + "/id") : WriteBatch.newId(layer);
            if (!ids.add(id)) {
                throw InvalidInputException.unprocessable(pointer + "/id", Label.of("编号“" + clip(id) + "”已用于另一"
                        + "新增工程", "the id \"" + clip(id) + "\" is used by another added work"));
            }
            JsonNode geometryNode = entry.get("geometry");
            Geometry geometry = GeoJsonGeometry.read(geometryNode, pointer + "/geometry");
            if (!layer.geometryKind().accepts(geometry, layer.allowMulti())) {
                throw InvalidInputException.unprocessable(pointer + "/geometry", Label.of(layer.title().zh() + "的几何须为 "
                        + layer.geometryKind().geoJsonType() + "，而不是 " + geometry.getGeometryType(), "a "
                        + layer.id() + " geometry is a " + layer.geometryKind().geoJsonType() + ", not a "
                        + geometry.getGeometryType()));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            JsonNode properties = entry.get("properties");
            if (properties != null && !properties.isNull()) {
                if (!properties.isObject()) {
                    throw new InvalidInputException(pointer + "/properties", Label.of("properties 须为 JSON 对象",
                            "properties is a JSON object"));
                }
                properties.properties().forEach(e -> values.put(e.getKey(), GeoJsonFeatureReader.rawValue(e.getValue())));
            }
            Feature feature = new FeatureAssembler(layer, Crs.CRS84, Set.of()).assemble(pointer, id, geometry, values);
            additions.add(new ScenarioChange.Addition(layer.id(), feature, geometryNode));
        }
        return additions;
    }

    private static JsonNode array(JsonNode node, String pointer) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException(pointer, Label.of(pointer.substring(1) + " 须为 JSON 数组",
                    pointer.substring(1) + " is a JSON array"));
        }
        if (node.size() > MAX_CHANGES) {
            throw InvalidInputException.unprocessable(pointer, Label.of("一个方案的 " + pointer.substring(1) + " 最多 "
                    + MAX_CHANGES + " 项，而此处有 " + node.size() + " 项", "a scenario has at most " + MAX_CHANGES + " "
                    + pointer.substring(1) + ", not " + node.size()));
        }
        return node;
    }

    private static void object(JsonNode node, String pointer, String shape) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(pointer, Label.of("此项须为 JSON 对象：" + shape, "this entry is a JSON "
                    + "object: " + shape));
        }
    }

    private Layer works(JsonNode node, String pointer) {
        String id = node != null && node.isString() ? node.asString() : null;
        if (id == null || !WorksChange.WORKS.contains(id)) {
            throw InvalidInputException.unprocessable(pointer, Label.of("collection 须为工程图层 facilities、roads 或 "
                    + "utility-lines" + (id == null ? "" : "，而不是“" + clip(id) + "”"), "collection is one of the "
                    + "works: facilities, roads, utility-lines" + (id == null ? "" : ", not \"" + clip(id) + "\"")));
        }
        return catalog.require(id);
    }

    private static String id(JsonNode node, String pointer) {
        if (node == null || !(node.isString() || node.isIntegralNumber()) || node.asString().isBlank()) {
            throw InvalidInputException.unprocessable(pointer, Label.of("须给出工程的编号 id", "give the work's id"));
        }
        String id = node.asString();
        if (id.length() > 64) {
            throw InvalidInputException.unprocessable(pointer, Label.of("编号最多 64 个字符", "an id is at most 64 "
                    + "characters"));
        }
        return id;
    }

    private static String status(Layer layer, JsonNode value, String pointer) {
        Attribute status = layer.attribute("status").orElseThrow();
        String given = value != null && value.isString() ? value.asString() : null;
        if (given == null || !status.allows(given)) {
            String values = String.join(", ", status.values().stream().map(v -> v.value()).toList());
            throw InvalidInputException.unprocessable(pointer, Label.of("status 须为 " + values
                    + (given == null ? "" : "，而不是“" + clip(given) + "”"), "status is one of " + values
                    + (given == null ? "" : ", not \"" + clip(given) + "\"")));
        }
        return given;
    }

    private static LocalDate date(JsonNode value, String pointer) {
        try {
            LocalDate date = value.isString() ? LocalDate.parse(value.asString()) : null;
            if (date != null && date.getYear() >= 1900 && date.getYear() <= 2199) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw InvalidInputException.unprocessable(pointer, Label.of("completion_date 须为 1900–2199 年间的 "
                + "YYYY-MM-DD 日期，或 null（无工期）", "completion_date is a YYYY-MM-DD date between 1900 and 2199, "
                + "or null (no date)"));
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
