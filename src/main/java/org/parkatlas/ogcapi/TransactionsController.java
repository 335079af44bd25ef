package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.catalog.Label;
import org.parkatlas.http.ContentCrs;
import org.parkatlas.http.ETags;
import org.parkatlas.http.Http;
import org.parkatlas.http.JsonBody;
import org.parkatlas.exchange.FeatureAssembler;
import org.parkatlas.exchange.GeoJsonFeatureReader;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.feature.Feature;
import org.parkatlas.store.FeatureStore;
import org.parkatlas.store.StaleVersionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OGC API Features Part 4: create (POST), replace (PUT), update (PATCH, JSON merge patch) and delete features. Every
 * answer carries the feature's ETag; a write with a stale {@code If-Match} is refused with 412 and changes nothing.
 * Bodies are GeoJSON in CRS84 unless {@code Content-Crs} names another supported CRS.
 */
@RestController
class TransactionsController {

    private static final Label FEATURE = Label.of("一个 GeoJSON 要素（Feature）", "a GeoJSON Feature");
    private static final String ITEM = OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}";

    private final Catalog catalog;
    private final FeatureStore store;
    private final FeatureWriter editor;

    TransactionsController(Catalog catalog, FeatureStore store, FeatureWriter editor) {
        this.catalog = catalog;
        this.store = store;
        this.editor = editor;
    }

    @PostMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items", consumes = {Http.GEOJSON, Http.JSON})
    void create(@PathVariable String collectionId, @RequestBody byte[] body,
                @RequestHeader(value = OgcApi.CONTENT_CRS, required = false) String contentCrs,
                Principal user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Layer layer = Layers.require(catalog, collectionId);
        Feature feature = new GeoJsonFeatureReader(layer, ContentCrs.parse(contentCrs)).readFeature(JsonBody.parse(body, FEATURE), "");
        Feature created = editor.create(layer, feature, user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader(HttpHeaders.LOCATION, ApiLinks.fromCurrentRequest().item(collectionId, created.id()));
        write(layer, created, request, response);
    }

    @PutMapping(value = ITEM, consumes = {Http.GEOJSON, Http.JSON})
    void replace(@PathVariable String collectionId, @PathVariable String featureId, @RequestBody byte[] body,
                 @RequestHeader(value = OgcApi.CONTENT_CRS, required = false) String contentCrs,
                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                 Principal user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Layer layer = Layers.require(catalog, collectionId);
        Feature given = new GeoJsonFeatureReader(layer, ContentCrs.parse(contentCrs)).readFeature(JsonBody.parse(body, FEATURE), "");
        sameId(given.id(), featureId);
        Feature replacement = new Feature(featureId, given.geometry(), given.properties(), 0);
        Feature stored = editor.replace(layer, replacement, ETags.expectedVersion(ifMatch), user.getName())
                .orElseThrow(() -> notFound(collectionId, featureId));
        write(layer, stored, request, response);
    }

    @PatchMapping(value = ITEM, consumes = {Http.MERGE_PATCH, Http.JSON})
    void update(@PathVariable String collectionId, @PathVariable String featureId, @RequestBody byte[] body,
                @RequestHeader(value = OgcApi.CONTENT_CRS, required = false) String contentCrs,
                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                Principal user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Layer layer = Layers.require(catalog, collectionId);
        Feature current = store.get(layer, featureId).orElseThrow(() -> notFound(collectionId, featureId));
        Long expected = ETags.expectedVersion(ifMatch);
        if (expected != null && expected != current.version()) {
            // checked here for a clear answer, and again by the store in the write itself
            throw new StaleVersionException(featureId, expected, current.version());
        }
        JsonNode patch = JsonBody.parse(body, FEATURE);
        checkMembers(patch);
        JsonNode id = patch.get("id");
        if (id != null && !id.isNull()) {
            if (!id.isString() && !id.isIntegralNumber()) {
                throw InvalidInputException.unprocessable("/id", Label.of("\"id\" 须为字符串或整数",
                        "\"id\" must be a string or an integer"));
            }
            sameId(id.asString(), featureId);
        }
        if (changesNothing(current, patch)) {
            write(layer, current, request, response); // no new version, no history entry for a patch that changes nothing
            return;
        }
        Feature patched = mergePatch(layer, current, patch, ContentCrs.parse(contentCrs));
        Feature stored = editor.replace(layer, patched, current.version(), user.getName())
                .orElseThrow(() -> notFound(collectionId, featureId));
        write(layer, stored, request, response);
    }

    @DeleteMapping(ITEM)
    void delete(@PathVariable String collectionId, @PathVariable String featureId,
                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                Principal user, HttpServletResponse response) {
        Layer layer = Layers.require(catalog, collectionId);
        if (!editor.delete(layer, featureId, ETags.expectedVersion(ifMatch), user.getName())) {
            throw notFound(collectionId, featureId);
        }
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }

    /** The members a feature has; a merge patch with any other would set something no feature can hold. */
    private static final Set<String> FEATURE_MEMBERS = Set.of("type", "id", "geometry", "properties", "bbox", "links");

    private static void checkMembers(JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidInputException("", Label.of("合并补丁须为 JSON 对象", "a merge patch is a JSON object"));
        }
        for (String name : patch.propertyNames()) {
            if (!FEATURE_MEMBERS.contains(name)) {
                String pointer = "/" + name.replace("~", "~0").replace("/", "~1");
                throw InvalidInputException.unprocessable(pointer, Label.of("合并补丁的成员“" + name
                        + "”不属于要素；要素只有 type、id、geometry 与 properties", "the merge patch member \"" + name
                        + "\" is not part of a feature, which has type, id, geometry and properties"));
            }
        }
        JsonNode type = patch.get("type");
        if (type != null && !type.isNull() && !"Feature".equals(type.asString(""))) {
            throw InvalidInputException.unprocessable("/type", Label.of("\"type\" 须为 \"Feature\"",
                    "\"type\" must be \"Feature\""));
        }
    }

    /** True when the patch gives no geometry and only the values the feature already has. */
    private static boolean changesNothing(Feature current, JsonNode patch) {
        if (patch.has("geometry")) {
            return false;
        }
        JsonNode properties = patch.path("properties");
        if (properties.isMissingNode() || properties.isNull()) {
            return true;
        }
        if (!properties.isObject()) {
            return false; // refused as it is merged
        }
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            Object given = GeoJsonFeatureReader.rawValue(entry.getValue());
            Object stored = current.properties().get(entry.getKey());
            boolean same = given == null ? stored == null
                    : given instanceof Number a && stored instanceof Number b
                    ? Double.isFinite(a.doubleValue()) && Double.compare(a.doubleValue(), b.doubleValue()) == 0
                    : stored != null && given.toString().equals(stored.toString()) && !(given instanceof JsonNode);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** RFC 7396 on a GeoJSON feature: given properties replace, null removes; a given geometry replaces. */
    private static Feature mergePatch(Layer layer, Feature current, JsonNode patch, Crs crs) {
        Map<String, Object> values = new LinkedHashMap<>(current.properties());
        JsonNode properties = patch.path("properties");
        if (!properties.isMissingNode() && !properties.isNull()) {
            if (!properties.isObject()) {
                throw new InvalidInputException("/properties", Label.of("\"properties\" 须为 JSON 对象",
                        "\"properties\" must be a JSON object"));
            }
            for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                values.put(entry.getKey(), GeoJsonFeatureReader.rawValue(entry.getValue()));
            }
        }
        FeatureAssembler assembler = new FeatureAssembler(layer, crs, Set.of());
        JsonNode geometry = patch.get("geometry");
        if (geometry != null && geometry.isNull() && layer.spatial()) {
            throw InvalidInputException.unprocessable("/geometry", Label.of("要素不能没有几何", "a feature cannot lose its geometry"));
        }
        if (geometry != null && !geometry.isNull()) {
            return assembler.assemble("", current.id(), GeoJsonGeometry.read(geometry, "/geometry"), values);
        }
        return assembler.assembleInStorageCrs("", current.id(), current.geometry(), values);
    }

    private void write(Layer layer, Feature feature, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiLinks links = ApiLinks.fromCurrentRequest();
        response.setContentType(OgcApi.GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.ETAG, ETags.of(feature));
        response.setHeader(OgcApi.CONTENT_CRS, "<" + Crs.CRS84.uri() + ">");
        // as the writer's own audience sees it: what a role may write, it need not be allowed to read back
        List<String> shown = ItemsRequest.shownProperties(layer, org.parkatlas.http.RequestAudience.of(request));
        new FeatureJsonWriter(layer, Crs.CRS84, shown, true).writeFeature(response.getOutputStream(), feature, List.of(
                new Link(links.item(layer.id(), feature.id()), OgcApi.REL_SELF, OgcApi.GEOJSON, "This feature"),
                new Link(links.collection(layer.id()), OgcApi.REL_COLLECTION, OgcApi.JSON, "The collection")));
    }

    private static void sameId(String given, String featureId) {
        if (given != null && !given.equals(featureId)) {
            throw InvalidInputException.unprocessable("/id", Label.of("请求体是要素“" + given + "”，而地址是要素“"
                    + featureId + "”；要素编号不能更改", "the body is feature \"" + given + "\" but the URL is feature \""
                    + featureId + "\"; a feature's id cannot change"));
        }
    }

    private static ApiException notFound(String collectionId, String featureId) {
        return ApiException.notFound(Label.of("图层 " + collectionId + " 中没有要素“" + featureId + "”",
                "collection " + collectionId + " has no feature \"" + featureId + "\""));
    }
}
