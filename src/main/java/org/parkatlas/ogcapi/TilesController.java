package org.parkatlas.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.tiles.TileService;
import org.parkatlas.tiles.WebMercatorQuad;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OGC API – Tiles (OGC 20-057) for vector tiles: the WebMercatorQuad tile matrix set, a tileset per collection
 * ({@code /collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}}) and one of the whole park with a layer per collection
 * ({@code /tiles/WebMercatorQuad/{z}/{y}/{x}}), as Mapbox Vector Tiles. A tile carries an ETag of the data's state:
 * {@code If-None-Match} answers 304 until anything is written; a tile with no features answers 204.
 */
@RestController
class TilesController {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    private static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    private static final String REL_ITEM = "item";
    private static final String PARK = "park";

    private final Catalog catalog;
    private final TileService tiles;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    TilesController(Catalog catalog, TileService tiles, org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.catalog = catalog;
        this.tiles = tiles;
    }

    @GetMapping(value = "/ogcapi/tileMatrixSets", produces = {OgcApi.JSON, "*/*"})
    Map<String, Object> tileMatrixSets() {
        ApiLinks links = ApiLinks.fromCurrentRequest();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", WebMercatorQuad.ID);
        set.put("title", "Google Maps Compatible for the World");
        set.put("uri", WebMercatorQuad.URI);
        set.put("links", List.of(new Link(links.landing() + "/tileMatrixSets/" + WebMercatorQuad.ID, OgcApi.REL_SELF,
                OgcApi.JSON, "The tile matrix set")));
        return Map.of("tileMatrixSets", List.of(set));
    }

    @GetMapping(value = "/ogcapi/tileMatrixSets/{id}", produces = {OgcApi.JSON, "*/*"})
    Map<String, Object> tileMatrixSet(@PathVariable String id) {
        requireMatrixSet(id);
        return WebMercatorQuad.definition();
    }

    @GetMapping(value = "/ogcapi/tiles", produces = {OgcApi.JSON, "*/*"})
    Map<String, Object> parkTilesets() {
        return tilesets(ApiLinks.fromCurrentRequest().landing() + "/tiles", "The park, every layer");
    }

    @GetMapping(value = "/ogcapi/tiles/{matrixSet}", produces = {OgcApi.JSON, "*/*"})
    Map<String, Object> parkTileset(@PathVariable String matrixSet) {
        requireMatrixSet(matrixSet);
        return tileset(ApiLinks.fromCurrentRequest().landing() + "/tiles", "The park, every layer", mapped());
    }

    @GetMapping("/ogcapi/tiles/{matrixSet}/{z}/{y}/{x}")
    ResponseEntity<byte[]> parkTile(@PathVariable String matrixSet, @PathVariable String z, @PathVariable String y,
                                    @PathVariable String x, HttpServletRequest request) {
        requireMatrixSet(matrixSet);
        return tile(PARK, mapped(), z, y, x, request);
    }

    /** The layers with geometries: a catalogue (projects) has nothing to draw. */
    private List<Layer> mapped() {
        return catalog.layers().stream().filter(Layer::spatial).toList();
    }

    /** A collection that has tiles; a 404 that says why for a catalogue without geometries. */
    private Layer tiled(String collectionId) {
        Layer layer = Layers.require(catalog, collectionId);
        if (!layer.spatial()) {
            throw ApiException.notFound(Label.of(layer.id() + " 是没有几何的名录图层，没有瓦片", layer.id()
                    + " is a catalogue without geometries: it has no tiles"));
        }
        return layer;
    }

    @GetMapping(value = "/ogcapi/collections/{collectionId}/tiles", produces = {OgcApi.JSON, "*/*"})
    Map<String, Object> collectionTilesets(@PathVariable String collectionId) {
        Layer layer = tiled(collectionId);
        return tilesets(ApiLinks.fromCurrentRequest().collection(layer.id()) + "/tiles", layer.title().en());
    }

    @GetMapping(value = "/ogcapi/collections/{collectionId}/tiles/{matrixSet}", produces = {OgcApi.JSON, "*/*"})
    Map<String, Object> collectionTileset(@PathVariable String collectionId, @PathVariable String matrixSet) {
        Layer layer = tiled(collectionId);
        requireMatrixSet(matrixSet);
        return tileset(ApiLinks.fromCurrentRequest().collection(layer.id()) + "/tiles", layer.title().en(),
                List.of(layer));
    }

    @GetMapping("/ogcapi/collections/{collectionId}/tiles/{matrixSet}/{z}/{y}/{x}")
    ResponseEntity<byte[]> collectionTile(@PathVariable String collectionId, @PathVariable String matrixSet,
                                          @PathVariable String z, @PathVariable String y, @PathVariable String x,
                                          @RequestParam(required = false) String properties,
                                          HttpServletRequest request) {
        Layer layer = tiled(collectionId);
        requireMatrixSet(matrixSet);
        // as for items: only these properties as tags (the id always) — a map that only draws needs a few
        List<String> only = ItemsRequest.properties(layer, properties, RequestAudience.of(request));
        return tile(only == null ? layer.id() : layer.id() + "?properties=" + String.join(",", only), List.of(layer),
                z, y, x, request, only);
    }

    private ResponseEntity<byte[]> tile(String tileset, List<Layer> layers, String zText, String yText, String xText,
                                        HttpServletRequest request) {
        return tile(tileset, layers, zText, yText, xText, request, null);
    }

    private ResponseEntity<byte[]> tile(String tileset, List<Layer> layers, String zText, String yText, String xText,
                                        HttpServletRequest request, List<String> properties) {
        int z = index("tileMatrix", zText);
        int y = index("tileRow", yText);
        int x = index("tileCol", xText);
        if (!WebMercatorQuad.exists(z, y, x)) {
            throw ApiException.notFound(Label.of("WebMercatorQuad 中没有瓦片 " + z + "/" + y + "/" + x + "：层级为 0–"
                    + WebMercatorQuad.MAX_ZOOM + "，行列号小于 2^层级", "there is no tile " + z + "/" + y + "/" + x
                    + " in WebMercatorQuad: levels are 0–" + WebMercatorQuad.MAX_ZOOM + ", rows and columns below "
                    + "2^level"));
        }
        Audience audience = RequestAudience.of(request);
        // inside a scenario the parcels' readiness is the scenario's: its id keys the tile's cache and ETag
        String scenario = scenarios.check(request.getParameter(org.parkatlas.readiness.ScenarioParameter.NAME),
                audience);
        if (scenario != null) {
            tileset = tileset + "|scenario=" + scenario;
        }
        String etag = tiles.etag(tileset, z, y, x, audience);
        CacheControl caching = (audience == Audience.PUBLIC ? CacheControl.empty().cachePublic()
                : CacheControl.empty().cachePrivate()).mustRevalidate();
        String asked = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (asked != null && asked.contains(etag.substring(2))) { // weak comparison (RFC 9110 §8.8.3.2)
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(caching)
                    .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE).build();
        }
        TileService.Tile tile = tiles.tile(tileset, layers, z, y, x, audience, properties, scenario);
        if (tile.empty()) {
            return ResponseEntity.noContent().eTag(tile.etag()).cacheControl(caching)
                    .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MVT)).eTag(tile.etag()).cacheControl(caching)
                .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE).body(tile.bytes());
    }

    private static int index(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, Label.of(name + " 须为整数，而不是“" + clip(text) + "”", name
                    + " must be a whole number, not \"" + clip(text) + "\""));
        }
    }

    private static String clip(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static void requireMatrixSet(String id) {
        if (!WebMercatorQuad.ID.equals(id)) {
            throw ApiException.notFound(Label.of("没有切片方案“" + clip(id) + "”；现有：" + WebMercatorQuad.ID,
                    "there is no tile matrix set \"" + clip(id) + "\"; there is " + WebMercatorQuad.ID));
        }
    }

    private Map<String, Object> tilesets(String base, String title) {
        ApiLinks links = ApiLinks.fromCurrentRequest();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("title", title);
        set.put("dataType", "vector");
        set.put("crs", WebMercatorQuad.CRS);
        set.put("tileMatrixSetURI", WebMercatorQuad.URI);
        set.put("links", List.of(
                new Link(base + "/" + WebMercatorQuad.ID, OgcApi.REL_SELF, OgcApi.JSON, "The tileset"),
                new Link(links.landing() + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, OgcApi.JSON,
                        "WebMercatorQuad"),
                templated(base + "/" + WebMercatorQuad.ID + "/{tileMatrix}/{tileRow}/{tileCol}")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tilesets", List.of(set));
        body.put("links", List.of(new Link(base, OgcApi.REL_SELF, OgcApi.JSON, "The tilesets")));
        return body;
    }

    private Map<String, Object> tileset(String base, String title, List<Layer> layers) {
        ApiLinks links = ApiLinks.fromCurrentRequest();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("title", title);
        set.put("dataType", "vector");
        set.put("crs", WebMercatorQuad.CRS);
        set.put("tileMatrixSetURI", WebMercatorQuad.URI);
        set.put("minzoom", 0);
        set.put("maxzoom", WebMercatorQuad.MAX_ZOOM);
        List<Map<String, Object>> described = new ArrayList<>();
        for (Layer layer : layers) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", layer.id());
            entry.put("title", layer.title().en());
            entry.put("dataType", "vector");
            entry.put("geometryDimension", switch (layer.geometryKind()) {
                case POINT -> 0;
                case LINESTRING -> 1;
                case POLYGON -> 2;
                case NONE -> throw new IllegalStateException("a catalogue has no tiles");
            });
            entry.put("links", List.of(new Link(links.collection(layer.id()), "related", OgcApi.JSON,
                    "The collection")));
            described.add(entry);
        }
        set.put("layers", described);
        set.put("links", List.of(
                new Link(base + "/" + WebMercatorQuad.ID, OgcApi.REL_SELF, OgcApi.JSON, "This tileset"),
                new Link(links.landing() + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, OgcApi.JSON,
                        "WebMercatorQuad"),
                templated(base + "/" + WebMercatorQuad.ID + "/{tileMatrix}/{tileRow}/{tileCol}")));
        return set;
    }

    private static Map<String, Object> templated(String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", REL_ITEM);
        link.put("type", MVT);
        link.put("templated", true);
        link.put("title", "A tile, as a Mapbox Vector Tile");
        return link;
    }
}
