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
                new Link(links.collections(), OgcApi.REL_OGC_DATA, OgcApi.JSON, "The park's layers")));
        return page;
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
