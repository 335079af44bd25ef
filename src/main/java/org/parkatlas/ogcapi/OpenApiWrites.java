package org.parkatlas.ogcapi;

import org.parkatlas.catalog.Layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.parkatlas.ogcapi.OpenApiDocument.ref;

/** The Part 4 operations (create, replace, update, delete) of the OpenAPI document. */
final class OpenApiWrites {

    private OpenApiWrites() {
    }

    static Map<String, Object> create(Layer layer, String op) {
        Map<String, Object> responses = errors();
        responses.put("201", Map.of("description", "Created; Location and ETag name the new feature",
                "content", Map.of(OgcApi.GEOJSON, Map.of("schema", ref("schemas", "Feature")))));
        return operation("Add a feature to " + layer.title().en(), "createFeature_" + op,
                List.of(contentCrs()), body(OgcApi.GEOJSON), responses);
    }

    static Map<String, Object> change(Layer layer, String op) {
        Map<String, Object> ok = Map.of("description", "The feature as stored now, with its new ETag",
                "content", Map.of(OgcApi.GEOJSON, Map.of("schema", ref("schemas", "Feature"))));
        Map<String, Object> replaced = errors();
        replaced.put("200", ok);
        Map<String, Object> updated = errors();
        updated.put("200", ok);
        Map<String, Object> deleted = errors();
        deleted.put("204", Map.of("description", "Deleted"));
        List<Object> parameters = List.of(ref("parameters", "featureId"), ifMatch(), contentCrs());
        Map<String, Object> operations = new LinkedHashMap<>();
        operations.put("put", operation("Replace a feature of " + layer.title().en(), "replaceFeature_" + op,
                parameters, body(OgcApi.GEOJSON), replaced));
        operations.put("patch", operation("Update a feature of " + layer.title().en() + " (JSON merge patch)",
                "updateFeature_" + op, parameters, body("application/merge-patch+json"), updated));
        operations.put("delete", operation("Delete a feature of " + layer.title().en(), "deleteFeature_" + op,
                List.of(ref("parameters", "featureId"), ifMatch()), null, deleted));
        return operations;
    }

    private static Map<String, Object> operation(String summary, String id, List<Object> parameters,
                                                 Map<String, Object> body, Map<String, Object> responses) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", summary);
        operation.put("operationId", id);
        operation.put("security", List.of(Map.of("basic", List.of())));
        operation.put("parameters", parameters);
        if (body != null) {
            operation.put("requestBody", body);
        }
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> errors() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("400", ref("responses", "BadRequest"));
        responses.put("401", ref("responses", "Unauthorized"));
        responses.put("403", ref("responses", "Forbidden"));
        responses.put("404", ref("responses", "NotFound"));
        responses.put("412", ref("responses", "PreconditionFailed"));
        responses.put("422", ref("responses", "Unprocessable"));
        return responses;
    }

    private static Map<String, Object> body(String mediaType) {
        return Map.of("required", true, "content", Map.of(mediaType, Map.of("schema", ref("schemas", "Feature"))));
    }

    private static Map<String, Object> ifMatch() {
        return Map.of("name", "If-Match", "in", "header", "required", false, "description",
                "The ETag the change starts from; a stale one is refused with 412", "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> contentCrs() {
        return Map.of("name", "Content-Crs", "in", "header", "required", false, "description",
                "The CRS of the body's coordinates, as <uri>; CRS84 by default", "schema", Map.of("type", "string"));
    }
}
