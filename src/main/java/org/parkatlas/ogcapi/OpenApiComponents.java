package org.parkatlas.ogcapi;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AllowedValue;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.parkatlas.ogcapi.OpenApiDocument.ref;

/** The reusable parts of the OpenAPI document: parameters, responses and schemas, written out in full. */
final class OpenApiComponents {

    private OpenApiComponents() {
    }

    static Map<String, Object> build() {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic",
                "description", "A planner's or admin's account")));
        components.put("parameters", parameters());
        components.put("responses", responses());
        components.put("schemas", schemas());
        return components;
    }

    static Map<String, Object> schemaOf(Attribute attribute) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (attribute.type()) {
            case STRING -> schema.put("type", "string");
            case INTEGER -> schema.put("type", "integer");
            case NUMBER -> schema.put("type", "number");
            case BOOLEAN -> schema.put("type", "boolean");
            case DATE -> {
                schema.put("type", "string");
                schema.put("format", "date");
            }
            case CODE_LIST -> {
                schema.put("type", "array");
                schema.put("uniqueItems", true);
                schema.put("items", Map.of("type", "string", "enum",
                        attribute.values().stream().map(AllowedValue::value).toList()));
                return schema;
            }
        }
        if (attribute.isEnumerated()) {
            schema.put("enum", attribute.values().stream().map(AllowedValue::value).toList());
        }
        return schema;
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("f", query("f", "The response format; only JSON is served", false,
                Map.of("type", "string", "enum", List.of("json", "geojson"))));
        p.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "Only features that intersect this box: minLon,minLat,maxLon,maxLat in CRS84 "
                        + "(or 6 numbers with heights)",
                "schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
        p.put("limit", query("limit", "The most features in one page; above " + OgcApi.MAX_LIMIT
                        + " the page is capped at " + OgcApi.MAX_LIMIT, false,
                Map.of("type", "integer", "minimum", 1, "maximum", OgcApi.MAX_LIMIT, "default",
                        OgcApi.DEFAULT_LIMIT)));
        p.put("offset", query("offset", "How many matching features to skip (follow the next link instead)",
                false, Map.of("type", "integer", "minimum", 0, "default", 0)));
        p.put("datetime", query("datetime", "An RFC 3339 date or interval (start/end, .. for open) on the "
                + "collection's date property (completion_date, leveling_date)", false, Map.of("type", "string")));
        p.put("bbox-crs", query("bbox-crs", "The CRS of bbox (its axis order applies); CRS84 by default", false,
                crsSchema()));
        p.put("crs", query("crs", "The CRS to answer in (its axis order applies); CRS84 by default", false,
                crsSchema()));
        p.put("filter", query("filter", "A CQL2 filter (see /collections/{collectionId}/queryables for the names)",
                false, Map.of("type", "string")));
        p.put("filter-lang", query("filter-lang", "The language of filter", false,
                Map.of("type", "string", "enum", List.of("cql2-text", "cql2-json", "cql-text"), "default", "cql2-text",
                        "description", "cql-text is the draft name of cql2-text, accepted for GDAL before 3.7")));
        p.put("filter-crs", query("filter-crs", "The CRS of geometry literals in filter; CRS84 by default", false,
                crsSchema()));
        p.put("sortby", query("sortby", "Comma-separated properties to sort by, - for descending (e.g. -area_mu,code); "
                + "ties go by id", false, Map.of("type", "string")));
        p.put("properties", query("properties", "Comma-separated properties each feature carries (all by default)",
                false, Map.of("type", "string")));
        p.put("skipGeometry", query("skipGeometry", "true leaves the geometries out", false,
                Map.of("type", "boolean", "default", false)));
        p.put("as_of", query("as_of", "The day derived attributes (a parcel's readiness) are worked out for, "
                + "YYYY-MM-DD; today by default", false, Map.of("type", "string", "format", "date")));
        p.put("scenario", query("scenario", "A what-if scenario's id (GET /api/scenarios): derived attributes are "
                + "worked out over the works as the scenario has them; the park's staff only", false,
                Map.of("type", "string")));
        p.put("featureId", Map.of("name", "featureId", "in", "path", "required", true,
                "description", "The id of a feature", "schema", Map.of("type", "string")));
        return p;
    }

    private static Map<String, Object> crsSchema() {
        return Map.of("type", "string", "format", "uri", "enum", CrsRegistry.supported().stream().map(Crs::uri)
                .toList());
    }

    private static Map<String, Object> query(String name, String description, boolean required,
                                             Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", required, "style", "form", "explode", false,
                "description", description, "schema", schema);
    }

    private static Map<String, Object> responses() {
        Map<String, Object> problem = Map.of("application/problem+json", Map.of("schema", ref("schemas", "Problem")));
        return Map.of(
                "BadRequest", Map.of("description", "A parameter is not valid; the problem says which and why",
                        "content", problem),
                "NotFound", Map.of("description", "No such collection or feature", "content", problem),
                "ServerError", Map.of("description", "An internal error", "content", problem),
                "Unauthorized", Map.of("description", "Sign in (HTTP Basic) as a planner or admin", "content", problem),
                "Forbidden", Map.of("description", "The account may read but not write", "content", problem),
                "PreconditionFailed", Map.of("description", "If-Match is stale: someone changed the feature",
                        "content", problem),
                "Unprocessable", Map.of("description", "The feature breaks a rule; the problem lists each",
                        "content", problem));
    }

    private static Map<String, Object> schemas() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Link", object(Map.of("href", str(), "rel", str(), "type", str(), "title", str()),
                List.of("href", "rel")));
        Map<String, Object> links = Map.of("type", "array", "items", ref("schemas", "Link"));
        s.put("LandingPage", object(Map.of("title", str(), "description", str(), "links", links), List.of("links")));
        s.put("Conformance", object(Map.of("conformsTo", Map.of("type", "array", "items", str())),
                List.of("conformsTo")));
        s.put("Collection", object(Map.of("id", str(), "title", str(), "description", str(), "links", links,
                "extent", Map.of("type", "object"), "itemType", str(),
                "crs", Map.of("type", "array", "items", str())), List.of("id", "links")));
        s.put("Collections", object(Map.of("links", links,
                "collections", Map.of("type", "array", "items", ref("schemas", "Collection"))),
                List.of("links", "collections")));
        s.put("Geometry", object(Map.of("type", str(), "coordinates", Map.of("type", "array", "items", Map.of()),
                "geometries", Map.of("type", "array", "items", Map.of("type", "object"))), List.of("type")));
        s.put("Feature", object(Map.of("type", Map.of("type", "string", "enum", List.of("Feature")),
                "id", str(), "geometry", ref("schemas", "Geometry"),
                "properties", Map.of("type", "object", "nullable", true), "links", links),
                List.of("type", "geometry", "properties")));
        s.put("FeatureCollection", object(Map.of("type", Map.of("type", "string", "enum",
                        List.of("FeatureCollection")), "features", Map.of("type", "array", "items",
                        ref("schemas", "Feature")), "links", links, "numberMatched", Map.of("type", "integer"),
                "numberReturned", Map.of("type", "integer"), "timeStamp", Map.of("type", "string",
                        "format", "date-time")), List.of("type", "features")));
        s.put("Queryables", Map.of("type", "object", "description", "A JSON Schema of the filterable properties"));
        s.put("Problem", object(Map.of("type", str(), "title", str(), "status", Map.of("type", "integer"),
                "detail", str(), "instance", str()), List.of()));
        return s;
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        return schema;
    }
}
