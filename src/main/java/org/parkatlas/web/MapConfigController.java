package org.parkatlas.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.locationtech.jts.geom.Envelope;
import org.parkatlas.catalog.AllowedValue;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.readiness.ReadinessService;
import org.parkatlas.store.DataVersion;
import org.parkatlas.store.FeatureStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the map page needs before it draws anything: the park's name and extent, the basemap, the layer catalogue
 * with the zh-CN/en labels of every layer, attribute and value, and the server's vocabulary — the names of history
 * operations, of the rules a write can break, of the readiness items — so the page never keeps a copy that drifts.
 */
@RestController
class MapConfigController {

    private final Catalog catalog;
    private final FeatureStore store;
    private final BasemapProperties basemap;
    private final FeatureWriter writer;
    private final ReadinessService readiness;

    private final org.parkatlas.http.Revalidation revalidation;
    private final DataVersion dataVersion;
    /** Each layer's number of features, counted once per state of the data. */
    private volatile Counts counts = new Counts(-1, Map.of());

    private record Counts(long version, Map<String, Long> byLayer) {
    }

    MapConfigController(Catalog catalog, FeatureStore store, BasemapProperties basemap, FeatureWriter writer,
                        ReadinessService readiness, org.parkatlas.http.Revalidation revalidation,
                        DataVersion dataVersion) {
        this.revalidation = revalidation;
        this.dataVersion = dataVersion;
        this.catalog = catalog;
        this.store = store;
        this.basemap = basemap;
        this.writer = writer;
        this.readiness = readiness;
    }

    /** {@code basemap}: the id of the basemap shown first, or {@code none}. */
    record MapConfig(Park park, List<Basemaps.Basemap> basemaps, String basemap, List<Collection> collections,
                     Vocabulary vocabulary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Park(Label name, List<Double> bbox) {
    }

    /**
     * A layer: its stored attributes, and apart from them those worked out when it is read (readiness); its number
     * of features, by which the map chooses to draw it from vector tiles ({@code tilesUrl}) or as GeoJSON.
     */
    record Collection(String id, Label title, String geometryType, String itemsUrl, String tilesUrl,
                      long featureCount, List<AttributeInfo> attributes, List<AttributeInfo> derivedAttributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttributeInfo(String name, String type, String unit, boolean required, boolean computed, Label label,
                         List<AllowedValue> values) {
    }

    /** A term of the server's vocabulary: its id and its name in both languages. */
    record Term(String id, Label label) {
    }

    /** Operations by their history id, rules by their violation id, readiness items by their id, in order. */
    record Vocabulary(List<Term> operations, List<Term> rules, List<Term> readinessItems, String readinessStandard,
                      List<Term> readinessTiers) {
    }

    /** The public sees the public attributes; signed-in staff every one, for the edit form too. */
    @GetMapping("/api/map/config")
    MapConfig config(jakarta.servlet.http.HttpServletRequest request,
                     jakarta.servlet.http.HttpServletResponse response) {
        if (revalidation.notModified(request, response)) {
            return null; // 304: the browser's copy is this one
        }
        org.parkatlas.catalog.Audience audience = org.parkatlas.http.RequestAudience.of(request);
        List<Basemaps.Basemap> maps = Basemaps.of(basemap);
        Map<String, Long> featureCounts = featureCounts();
        return new MapConfig(park(), maps, Basemaps.initial(basemap, maps), catalog.layers().stream()
                .filter(Layer::spatial).map(l -> describe(l, audience, featureCounts.getOrDefault(l.id(), 0L))).toList(), vocabulary());
    }

    private Map<String, Long> featureCounts() {
        long version = dataVersion.current();
        Counts known = counts;
        if (known.version() == version) {
            return known.byLayer();
        }
        Map<String, Long> byLayer = new HashMap<>();
        for (Layer layer : catalog.layers().stream().filter(Layer::spatial).toList()) {
            byLayer.put(layer.id(), store.count(layer, Filter.INCLUDE));
        }
        counts = new Counts(version, Map.copyOf(byLayer));
        return byLayer;
    }

    private Vocabulary vocabulary() {
        List<Term> operations = Stream.of(WriteOperation.values()).map(o -> new Term(o.id(), o.label())).toList();
        List<Term> rules = writer.ruleNames().entrySet().stream().map(e -> new Term(e.getKey(), e.getValue()))
                .toList();
        List<Term> items = readiness.items().stream().map(i -> new Term(i.id(), i.label())).toList();
        List<Label> tierLabels = org.parkatlas.readiness.ReadinessTier.labels(readiness.standard());
        List<Term> tiers = java.util.stream.IntStream.range(0, tierLabels.size())
                .mapToObj(i -> new Term(String.valueOf(i + 1), tierLabels.get(i))).toList();
        return new Vocabulary(operations, rules, items, readiness.standard(), tiers);
    }

    private Park park() {
        Layer boundary = catalog.require(ParkLayer.PARK_BOUNDARY);
        List<Feature> parks = store.query(boundary, FeatureQuery.all().page(0, 1)).features();
        Label name = parks.stream().findFirst().map(p -> Label.of(String.valueOf(p.property("name")),
                String.valueOf(p.properties().getOrDefault("name_en", p.property("name"))))).orElse(null);
        List<Double> bbox = store.bounds(boundary).or(() -> store.bounds(catalog.require(ParkLayer.PARCELS)))
                .map(bounds -> {
                    Envelope lonLat = Reprojector.transform(bounds, CrsRegistry.bySrid(boundary.storageSrid())
                            .orElseThrow(), Crs.CRS84);
                    return List.of(lonLat.getMinX(), lonLat.getMinY(), lonLat.getMaxX(), lonLat.getMaxY());
                }).orElse(null);
        return new Park(name, bbox);
    }

    private static Collection describe(Layer layer, org.parkatlas.catalog.Audience audience, long featureCount) {
        return new Collection(layer.id(), layer.title(), layer.geometryKind().geoJsonType(),
                "/ogcapi/collections/" + layer.id() + "/items",
                "/ogcapi/collections/" + layer.id() + "/tiles/WebMercatorQuad/{z}/{y}/{x}", featureCount,
                layer.attributes().stream().filter(audience::sees).map(MapConfigController::info).toList(),
                layer.derivedAttributes().stream().map(MapConfigController::info).toList());
    }

    private static AttributeInfo info(Attribute attribute) {
        return new AttributeInfo(attribute.name(), attribute.type().jsonName(), attribute.unit(), attribute.required(),
                attribute.computed(), attribute.label(), attribute.isEnumerated() ? attribute.values() : null);
    }
}
