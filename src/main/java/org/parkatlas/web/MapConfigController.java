package org.parkatlas.web;

import org.locationtech.jts.geom.Envelope;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.store.FeatureStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the map page needs before it draws anything: the park's name and extent, the basemap, and the layer catalogue
 * with the zh-CN/en labels of every layer, attribute and value.
 */
@RestController
class MapConfigController {

    private static final String BOUNDARY = "park-boundary";

    private final Catalog catalog;
    private final FeatureStore store;
    private final BasemapProperties basemap;

    MapConfigController(Catalog catalog, FeatureStore store, BasemapProperties basemap) {
        this.catalog = catalog;
        this.store = store;
        this.basemap = basemap;
    }

    @GetMapping("/api/map/config")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("park", park());
        Map<String, Object> tiles = new LinkedHashMap<>();
        tiles.put("url", basemap.url());
        tiles.put("attribution", basemap.attribution());
        config.put("basemap", tiles);
        config.put("collections", catalog.layers().stream().map(MapConfigController::describe).toList());
        return config;
    }

    private Map<String, Object> park() {
        Map<String, Object> park = new LinkedHashMap<>();
        Layer boundary = catalog.require(BOUNDARY);
        List<Feature> parks = store.query(boundary, FeatureQuery.all().page(0, 1)).features();
        parks.stream().findFirst().ifPresent(p -> park.put("name", Map.of(
                "zh", String.valueOf(p.property("name")),
                "en", String.valueOf(p.properties().getOrDefault("name_en", p.property("name"))))));
        store.bounds(boundary).or(() -> store.bounds(catalog.require("parcels"))).ifPresent(bounds -> {
            Envelope lonLat = Reprojector.transform(bounds, CrsRegistry.bySrid(boundary.storageSrid()).orElseThrow(),
                    Crs.CRS84);
            park.put("bbox", List.of(lonLat.getMinX(), lonLat.getMinY(), lonLat.getMaxX(), lonLat.getMaxY()));
        });
        return park;
    }

    private static Map<String, Object> describe(Layer layer) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", layer.id());
        collection.put("title", layer.title());
        collection.put("geometryType", layer.geometryKind().geoJsonType());
        collection.put("itemsUrl", "/ogcapi/collections/" + layer.id() + "/items");
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Attribute attribute : layer.attributes()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", attribute.name());
            a.put("type", attribute.type().jsonName());
            a.put("unit", attribute.unit());
            a.put("required", attribute.required());
            a.put("computed", attribute.computed());
            a.put("label", attribute.label());
            if (attribute.isEnumerated()) {
                a.put("values", attribute.values());
            }
            attributes.add(a);
        }
        collection.put("attributes", attributes);
        return collection;
    }
}
