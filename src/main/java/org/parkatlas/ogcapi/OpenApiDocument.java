package org.parkatlas.ogcapi;

import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 definition of the API, built from the catalogue so it always lists the real collections and their
 * filterable properties. Self-contained: every {@code $ref} points inside the document, so validators and clients
 * work offline. {@code servers[0].url} is the landing page.
 */
@Component
class OpenApiDocument {

    private final Catalog catalog;

    OpenApiDocument(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> build(String landingUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "ParkAtlas OGC API Features", "version", "1.0.0",
                "description", "Industrial-park layers as OGC API Features (Part 1: Core, GeoJSON)."));
        doc.put("servers", List.of(Map.of("url", landingUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Landing page", "getLandingPage", List.of(ref("parameters", "f")),
                json("LandingPage", OgcApi.JSON)));
        paths.put("/conformance", get("Conformance classes", "getConformance", List.of(ref("parameters", "f")),
                json("Conformance", OgcApi.JSON)));
        paths.put("/api", get("This API definition", "getApi", List.of(ref("parameters", "f")),
                Map.of("description", "OpenAPI 3.0", "content", Map.of(OgcApi.OPENAPI_JSON,
                        Map.of("schema", Map.of("type", "object"))))));
        paths.put("/collections", get("The park's layers", "getCollections", List.of(ref("parameters", "f")),
                json("Collections", OgcApi.JSON)));
        paths.put("/functions", get("The functions CQL2 filters may call (S_DWITHIN, CASEI)", "getFunctions",
                List.of(ref("parameters", "f")), Map.of("description", "The functions", "content", Map.of(OgcApi.JSON,
                        Map.of("schema", Map.of("type", "object"))))));
        for (Layer layer : catalog.layers()) {
            addLayerPaths(paths, layer);
        }
        doc.put("paths", paths);
        doc.put("components", OpenApiComponents.build());
        return doc;
    }

    private static void addLayerPaths(Map<String, Object> paths, Layer layer) {
        String base = "/collections/" + layer.id();
        String op = layer.id().replace("-", "_");
        paths.put(base, get("Describe " + layer.title().en(), "describe_" + op, List.of(ref("parameters", "f")),
                json("Collection", OgcApi.JSON)));
        paths.put(base + "/queryables", get(layer.title().en() + ": queryables", "getQueryables_" + op,
                List.of(ref("parameters", "f")), json("Queryables", OgcApi.SCHEMA_JSON)));
        paths.put(base + "/schema", get(layer.title().en() + ": the features' schema", "getSchema_" + op,
                List.of(ref("parameters", "f")), json("Queryables", OgcApi.SCHEMA_JSON)));
        List<Object> itemParameters = new ArrayList<>();
        for (String name : List.of("bbox", "bbox-crs", "limit", "offset", "datetime", "crs", "filter", "filter-lang",
                "filter-crs", "sortby", "properties", "skipGeometry", "f")) {
            itemParameters.add(ref("parameters", name));
        }
        if (!layer.derivedAttributes().isEmpty()) {
            itemParameters.add(ref("parameters", "as_of"));
            itemParameters.add(ref("parameters", "scenario"));
        }
        for (Attribute attribute : layer.attributes()) {
            // the document is public (staff may filter on internal ones all the same); a list is not matched
            if (!attribute.internal() && attribute.type() != org.parkatlas.catalog.AttributeType.CODE_LIST) {
                itemParameters.add(propertyParameter(attribute));
            }
        }
        for (Attribute attribute : layer.derivedAttributes()) {
            itemParameters.add(propertyParameter(attribute));
        }
        Map<String, Object> items = new LinkedHashMap<>(get(layer.title().en() + ": features", "getFeatures_" + op,
                itemParameters, json("FeatureCollection", OgcApi.GEOJSON)));
        items.put("post", OpenApiWrites.create(layer, op));
        paths.put(base + "/items", items);
        Map<String, Object> item = new LinkedHashMap<>(get(layer.title().en() + ": one feature", "getFeature_" + op,
                List.of(ref("parameters", "featureId"), ref("parameters", "crs"), ref("parameters", "f")),
                json("Feature", OgcApi.GEOJSON)));
        item.putAll(OpenApiWrites.change(layer, op));
        paths.put(base + "/items/{featureId}", item);
    }

    private static Map<String, Object> propertyParameter(Attribute attribute) {
        Map<String, Object> schema = new LinkedHashMap<>(OpenApiComponents.schemaOf(attribute));
        return Map.of("name", attribute.name(), "in", "query", "required", false, "style", "form",
                "explode", false, "description", "Only features whose " + attribute.name() + " ("
                        + attribute.label().en() + ") equals this value", "schema", schema);
    }

    private static Map<String, Object> get(String summary, String operationId, List<Object> parameters,
                                           Map<String, Object> ok) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", ok);
        responses.put("400", ref("responses", "BadRequest"));
        responses.put("404", ref("responses", "NotFound"));
        responses.put("500", ref("responses", "ServerError"));
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", summary);
        operation.put("operationId", operationId);
        operation.put("parameters", parameters);
        operation.put("responses", responses);
        return Map.of("get", operation);
    }

    private static Map<String, Object> json(String schema, String mediaType) {
        return Map.of("description", "Success", "content",
                Map.of(mediaType, Map.of("schema", ref("schemas", schema))));
    }

    static Map<String, Object> ref(String kind, String name) {
        return Map.of("$ref", "#/components/" + kind + "/" + name);
    }
}
