package org.parkatlas.ogcapi;

import org.parkatlas.http.RequestAudience;
import org.parkatlas.http.ApiException;
import org.parkatlas.catalog.Label;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.Limits;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.FeatureSources;
import org.parkatlas.http.ETags;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /collections/{id}/items} and {@code /items/{featureId}}: parse the request, query the store, stream GeoJSON. */
@RestController
class ItemsController {

    private final Catalog catalog;
    private final FeatureSources sources;
    private final Limits limits;
    private final org.parkatlas.store.FeatureStore store;
    private final org.parkatlas.http.Revalidation revalidation;
    private final org.parkatlas.store.DataVersion version;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    ItemsController(Catalog catalog, FeatureSources sources, Limits limits, org.parkatlas.store.FeatureStore store,
                    org.parkatlas.http.Revalidation revalidation, org.parkatlas.store.DataVersion version,
                    org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.catalog = catalog;
        this.sources = sources;
        this.limits = limits;
        this.store = store;
        this.revalidation = revalidation;
        this.version = version;
    }

    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items")
    void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Layer layer = Layers.require(catalog, collectionId);
        ItemsRequest.Parsed parsed = ItemsRequest.parse(layer, request.getParameterMap(), limits,
                RequestAudience.of(request), () -> store.bounds(layer));
        String scenario = scenarios.check(request.getParameter(org.parkatlas.readiness.ScenarioParameter.NAME),
                parsed.context().audience());
        if (revalidation.notModified(request, response)) {
            return; // the map's second visit: the same page of the same data, nothing read
        }
        FeatureQuery query = parsed.query();
        FeatureSource source = sources.of(layer);
        ReadContext context = parsed.context().inScenario(scenario);
        long matched = matched(layer, source, query, context);
        List<Link> links = pageLinks(layer, request.getParameterMap(), query, matched);
        response.setContentType(OgcApi.GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(OgcApi.CONTENT_CRS, "<" + parsed.crs().uri() + ">");
        // Features go from the database cursor straight to the response: a 10 000-feature page is never held whole.
        new FeatureJsonWriter(layer, parsed.crs(), parsed.properties(), !parsed.skipGeometry()).writeCollection(response.getOutputStream(),
                sink -> source.stream(query, context, sink), matched, links);
    }

    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}")
    void item(@PathVariable String collectionId, @PathVariable String featureId,
              @RequestParam Map<String, String> query, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Layer layer = Layers.require(catalog, collectionId);
        StrictParameters.allowOnly(query, "f", "crs", "as_of", "properties", "skipGeometry", "lang",
                org.parkatlas.readiness.ScenarioParameter.NAME);
        Crs crs = query.containsKey("crs") ? ItemsRequest.crsParameter(Map.of("crs", new String[]{query.get("crs")}),
                "crs") : Crs.CRS84;
        org.parkatlas.catalog.Audience audience = RequestAudience.of(request);
        List<String> properties = ItemsRequest.properties(layer, query.get("properties"), audience);
        boolean skipGeometry = ItemsRequest.skipGeometry(query.get("skipGeometry"));
        Feature feature = sources.of(layer).get(featureId, new ReadContext(ItemsRequest.asOf(query.get("as_of")),
                        audience, scenarios.check(query.get(org.parkatlas.readiness.ScenarioParameter.NAME), audience)))
                .orElseThrow(() -> ApiException.notFound(Label.of("图层 " + collectionId + " 中没有要素“" + featureId
                        + "”", "collection " + collectionId + " has no feature \"" + featureId + "\"")));
        ApiLinks links = ApiLinks.fromCurrentRequest();
        response.setContentType(OgcApi.GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.ETAG, ETags.of(feature));
        response.setHeader(OgcApi.CONTENT_CRS, "<" + crs.uri() + ">");
        new FeatureJsonWriter(layer, crs, properties == null ? ItemsRequest.shownProperties(layer, audience)
                : properties, !skipGeometry).writeFeature(response.getOutputStream(), feature, List.of(
                new Link(links.item(collectionId, featureId), OgcApi.REL_SELF, OgcApi.GEOJSON, "This feature"),
                new Link(links.collection(collectionId), OgcApi.REL_COLLECTION, OgcApi.JSON, "The collection")));
    }

    /** How many features {@code numberMatched} counts, per data version, filter, reader and day. */
    private final Map<String, Long> counts = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 1024;
        }
    });

    /**
     * The exact {@code numberMatched}, counted once per state of the data for a filter: paging through a layer (and
     * the map's every visit) would otherwise count the same rows again for each page.
     */
    private long matched(Layer layer, FeatureSource source, FeatureQuery query, ReadContext context) {
        String key = version.current() + "|" + layer.id() + "|" + context.audience() + "|" + context.day() + "|"
                + context.scenario() + "|" + query.filter();
        Long known = counts.get(key);
        if (known != null) {
            return known;
        }
        long counted = source.count(query.filter(), context);
        counts.put(key, counted);
        return counted;
    }

    /** self, next and prev; next and prev keep every other parameter, so following them pages the same query. */
    private static List<Link> pageLinks(Layer layer, Map<String, String[]> parameters, FeatureQuery query,
                                        long matched) {
        ApiLinks links = ApiLinks.fromCurrentRequest();
        Map<String, String> kept = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("offset") && !name.equals("limit")) {
                kept.put(name, values[0]);
            }
        });
        List<Link> result = new ArrayList<>();
        result.add(new Link(links.items(layer.id(), withPage(kept, query.offset(), query.limit())), OgcApi.REL_SELF,
                OgcApi.GEOJSON, "This page"));
        long next = query.offset() + query.limit();
        if (next < matched) {
            result.add(new Link(links.items(layer.id(), withPage(kept, next, query.limit())), OgcApi.REL_NEXT,
                    OgcApi.GEOJSON, "Next page"));
        }
        if (query.offset() > 0) {
            long prev = Math.max(0, query.offset() - query.limit());
            result.add(new Link(links.items(layer.id(), withPage(kept, prev, query.limit())), OgcApi.REL_PREV,
                    OgcApi.GEOJSON, "Previous page"));
        }
        result.add(new Link(links.collection(layer.id()), OgcApi.REL_COLLECTION, OgcApi.JSON, "The collection"));
        return result;
    }

    private static Map<String, String> withPage(Map<String, String> kept, long offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>(kept);
        query.put("limit", Integer.toString(limit));
        if (offset > 0) {
            query.put("offset", Long.toString(offset));
        }
        return query;
    }
}
