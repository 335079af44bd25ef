package org.parkatlas.ogcapi;

import org.locationtech.jts.geom.Envelope;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.store.FeatureStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /collections} and {@code /collections/{id}}: the park's layers and where each one lies. */
@RestController
class CollectionsController {

    private final Catalog catalog;
    private final FeatureStore store;

    CollectionsController(Catalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @GetMapping(value = OgcApi.ROOT + "/collections", produces = OgcApi.JSON)
    Map<String, Object> collections(@RequestParam Map<String, String> query,
                                    @RequestHeader(value = "Accept-Language", required = false) String language) {
        StrictParameters.allowOnly(query, "f");
        ApiLinks links = ApiLinks.fromCurrentRequest();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(links.collections(), OgcApi.REL_SELF, OgcApi.JSON, "This document")));
        body.put("collections", catalog.layers().stream().map(l -> describe(l, links, language)).toList());
        return body;
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/queryables",
            produces = {OgcApi.SCHEMA_JSON, OgcApi.JSON})
    Map<String, Object> queryables(@PathVariable String collectionId, @RequestParam Map<String, String> query,
                                   @RequestHeader(value = "Accept-Language", required = false) String language,
                                   jakarta.servlet.http.HttpServletRequest request) {
        StrictParameters.allowOnly(query, "f");
        Layer layer = Layers.require(catalog, collectionId);
        return Queryables.schema(layer, ApiLinks.fromCurrentRequest().collection(layer.id()) + "/queryables",
                language, org.parkatlas.http.RequestAudience.of(request));
    }

    /**
     * The features' schema (OGC API Features Part 5 draft, linked as {@code describedby}): every property the reader
     * sees with its type, labels and allowed values, so a client can build all its fields before reading a feature.
     */
    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/schema",
            produces = {OgcApi.SCHEMA_JSON, OgcApi.JSON})
    Map<String, Object> schema(@PathVariable String collectionId, @RequestParam Map<String, String> query,
                               @RequestHeader(value = "Accept-Language", required = false) String language,
                               jakarta.servlet.http.HttpServletRequest request) {
        StrictParameters.allowOnly(query, "f");
        Layer layer = Layers.require(catalog, collectionId);
        return Queryables.schema(layer, ApiLinks.fromCurrentRequest().collection(layer.id()) + "/schema",
                language, org.parkatlas.http.RequestAudience.of(request));
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}", produces = OgcApi.JSON)
    Map<String, Object> collection(@PathVariable String collectionId, @RequestParam Map<String, String> query,
                                   @RequestHeader(value = "Accept-Language", required = false) String language) {
        StrictParameters.allowOnly(query, "f");
        return describe(Layers.require(catalog, collectionId), ApiLinks.fromCurrentRequest(), language);
    }

    private Map<String, Object> describe(Layer layer, ApiLinks links, String language) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", layer.id());
        collection.put("title", pick(layer.title(), language));
        collection.put("description", pick(layer.description(), language));
        List<Link> described = new java.util.ArrayList<>(List.of(
                new Link(links.collection(layer.id()), OgcApi.REL_SELF, OgcApi.JSON, "This collection"),
                new Link(links.items(layer.id()), OgcApi.REL_ITEMS, OgcApi.GEOJSON, "The features, as GeoJSON")));
        if (layer.spatial()) { // a catalogue (the projects) has nothing to draw, and no extent
            described.add(new Link(links.collection(layer.id()) + "/tiles", TilesController.REL_TILESETS_VECTOR,
                    OgcApi.JSON, "The features as vector tiles"));
        }
        described.addAll(List.of(
                new Link(links.collection(layer.id()) + "/queryables", OgcApi.REL_QUERYABLES, OgcApi.SCHEMA_JSON,
                        "What the features can be filtered by"),
                new Link(links.collection(layer.id()) + "/schema", "describedby", OgcApi.SCHEMA_JSON,
                        "The features' schema: every property, with its type"),
                new Link(links.collection(layer.id()) + "/schema", "http://www.opengis.net/def/rel/ogc/1.0/schema",
                        OgcApi.SCHEMA_JSON, "The features' schema (Part 5)")));
        collection.put("links", described);
        if (layer.spatial()) {
            store.bounds(layer).ifPresent(bounds -> collection.put("extent", extent(layer, bounds)));
        }
        collection.put("itemType", "feature");
        collection.put("crs", CrsRegistry.supported().stream().map(Crs::uri).toList());
        collection.put("storageCrs", CrsRegistry.bySrid(layer.storageSrid()).orElseThrow().uri());
        return collection;
    }

    private static Map<String, Object> extent(Layer layer, Envelope storageBounds) {
        Envelope lonLat = Reprojector.transform(storageBounds, CrsRegistry.bySrid(layer.storageSrid()).orElseThrow(),
                Crs.CRS84);
        List<Double> bbox = List.of(round(lonLat.getMinX()), round(lonLat.getMinY()), round(lonLat.getMaxX()),
                round(lonLat.getMaxY()));
        return Map.of("spatial", Map.of("bbox", List.of(bbox), "crs", Crs.CRS84.uri()));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** zh-CN unless the client prefers English. */
    static String pick(Label label, String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.trim().toLowerCase().startsWith("en") ? label.en() : label.zh();
    }
}
