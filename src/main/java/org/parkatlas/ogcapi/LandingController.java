package org.parkatlas.ogcapi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's landing page, its conformance declaration and its OpenAPI definition. */
@RestController
class LandingController {

    private final OpenApiDocument openApi;

    LandingController(OpenApiDocument openApi) {
        this.openApi = openApi;
    }

    @GetMapping(value = {OgcApi.ROOT, OgcApi.ROOT + "/"}, produces = OgcApi.JSON)
    Map<String, Object> landing(@RequestParam Map<String, String> query) {
        StrictParameters.allowOnly(query, "f");
        ApiLinks links = ApiLinks.fromCurrentRequest();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "ParkAtlas — 园区空间规划 OGC API");
        page.put("description", "Layers of the industrial park (boundary, the \"233\" structure, industrial parks, "
                + "standard land parcels, roads, utility networks and facilities, factory buildings) as OGC API "
                + "Features.");
        page.put("links", List.of(
                new Link(links.landing(), OgcApi.REL_SELF, OgcApi.JSON, "This document"),
                new Link(links.api(), OgcApi.REL_SERVICE_DESC, OgcApi.OPENAPI_JSON, "The API definition (OpenAPI 3.0)"),
                new Link(links.conformance(), OgcApi.REL_CONFORMANCE, OgcApi.JSON, "Conformance classes implemented"),
                new Link(links.conformance(), OgcApi.REL_OGC_CONFORMANCE, OgcApi.JSON, "Conformance classes implemented"),
                new Link(links.collections(), OgcApi.REL_DATA, OgcApi.JSON, "The park's layers"),
                new Link(links.collections(), OgcApi.REL_OGC_DATA, OgcApi.JSON, "The park's layers"),
                new Link(links.landing() + "/tiles", TilesController.REL_TILESETS_VECTOR, OgcApi.JSON,
                        "The whole park as vector tiles, a layer per collection"),
                new Link(links.landing() + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                        OgcApi.JSON, "The tile matrix sets"),
                new Link(links.landing() + "/functions", "http://www.opengis.net/def/rel/ogc/1.0/functions",
                        OgcApi.JSON, "The functions CQL2 filters may call")));
        return page;
    }

    /**
     * The functions a CQL2 filter may call beyond the standard's own (Part 3, "functions"): the distance test an
     * analyst needs for "parcels within 500 m of the sewage plant", and the case-insensitive comparison.
     */
    @GetMapping(value = OgcApi.ROOT + "/functions", produces = OgcApi.JSON)
    Map<String, Object> functions(@RequestParam Map<String, String> query) {
        StrictParameters.allowOnly(query, "f");
        Map<String, Object> dwithin = new LinkedHashMap<>();
        dwithin.put("name", "S_DWITHIN");
        dwithin.put("description", "True where the two geometries lie within the given distance of each other, in "
                + "metres, measured in the layers' storage CRS (EPSG:4546, CGCS2000 / 3-degree Gauss-Kruger CM 111E). "
                + "CQL2 text: S_DWITHIN(geometry, POINT(111.63 36.16), 500); CQL2 JSON: {\"op\": \"s_dwithin\", "
                + "\"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", \"coordinates\": [111.63, "
                + "36.16]}, 500]}. 所在几何与给定几何的距离不超过给定米数（在 EPSG:4546 中量算）。");
        dwithin.put("arguments", List.of(
                Map.of("title", "a geometry", "type", List.of("geometry")),
                Map.of("title", "another geometry", "type", List.of("geometry")),
                Map.of("title", "the distance in metres, 0 to 1 000 000", "type", List.of("number"))));
        dwithin.put("returns", List.of("boolean"));
        Map<String, Object> casei = new LinkedHashMap<>();
        casei.put("name", "CASEI");
        casei.put("description", "The text with case ignored, for comparisons (CQL2 case-insensitive-comparison).");
        casei.put("arguments", List.of(Map.of("title", "a text", "type", List.of("string"))));
        casei.put("returns", List.of("string"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("functions", List.of(dwithin, casei));
        body.put("links", List.of(new Link(ApiLinks.fromCurrentRequest().landing() + "/functions", OgcApi.REL_SELF,
                OgcApi.JSON, "This document")));
        return body;
    }

    @GetMapping(value = OgcApi.ROOT + "/conformance", produces = OgcApi.JSON)
    Map<String, Object> conformance(@RequestParam Map<String, String> query) {
        StrictParameters.allowOnly(query, "f");
        return Map.of("conformsTo", OgcApi.CONFORMANCE);
    }

    @GetMapping(value = OgcApi.ROOT + "/api", produces = {OgcApi.OPENAPI_JSON, OgcApi.JSON})
    Map<String, Object> api(@RequestParam Map<String, String> query) {
        StrictParameters.allowOnly(query, "f");
        return openApi.build(ApiLinks.fromCurrentRequest().landing());
    }
}
