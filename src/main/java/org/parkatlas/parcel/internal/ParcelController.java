package org.parkatlas.parcel.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Language;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.exchange.FeatureAssembler;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.LandArea;
import org.parkatlas.catalog.Label;
import org.parkatlas.http.ContentCrs;
import org.parkatlas.http.ETags;
import org.parkatlas.http.JsonBody;
import org.parkatlas.http.Http;
import org.parkatlas.http.RequestLanguage;
import org.parkatlas.parcel.ParcelService;
import org.parkatlas.parcel.ParcelVersion;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planners' parcel operations over HTTP: a parcel's history, split along a line, merge, restore a version. Bodies and
 * answers are GeoJSON in CRS84 (a split line may come in another CRS with {@code Content-Crs}); notes are in the
 * request's language.
 */
@RestController
class ParcelController {

    private static final Label GEOMETRY = Label.of("一个 GeoJSON 几何或要素", "a GeoJSON geometry or Feature");

    private final ParcelService parcels;
    private final Layer layer;

    ParcelController(ParcelService parcels, Catalog catalog) {
        this.parcels = parcels;
        this.layer = catalog.require(ParkLayer.PARCELS);
    }

    /** One version as the history panel shows it. */
    record VersionAnswer(long version, String operation, String by, String at, String note, List<ChangeAnswer> changes,
                         Map<String, Object> properties, Map<String, Object> geometryBefore,
                         Map<String, Object> geometryAfter) {
    }

    record ChangeAnswer(String property, Object before, Object after) {
    }

    record HistoryAnswer(String parcel, List<VersionAnswer> versions) {
    }

    record FeatureAnswer(String type, String id, Map<String, Object> geometry, Map<String, Object> properties) {
    }

    record CollectionAnswer(String type, List<FeatureAnswer> features) {
    }

    /** A drawn shape's area as the server counts it, in EPSG:4546: what the parcel will get when it is saved. */
    record AreaAnswer(double area_m2, double area_mu) {
    }

    /**
     * The area of a shape being drawn, measured as a saved parcel's is (in EPSG:4546, metres), so the figure a
     * planner sees while drawing is the one the parcel gets, not a second calculation on the sphere.
     */
    @PostMapping(value = "/api/parcels/measure", consumes = {Http.GEOJSON, Http.JSON})
    AreaAnswer measure(@RequestBody byte[] body,
                       @RequestHeader(value = Http.CONTENT_CRS, required = false) String contentCrs) {
        JsonNode node = JsonBody.parse(body, GEOMETRY);
        JsonNode geometry = node.has("geometry") ? node.get("geometry") : node;
        Geometry shape = toStorage(GeoJsonGeometry.read(geometry, node.has("geometry") ? "/geometry" : ""),
                contentCrs);
        LandArea area = LandArea.of(shape);
        return new AreaAnswer(area.roundedSquareMetres(), area.roundedMu());
    }

    @GetMapping("/api/parcels/{parcelId}/history")
    HistoryAnswer history(@PathVariable String parcelId, HttpServletRequest request) {
        Language language = RequestLanguage.of(request);
        org.parkatlas.catalog.Audience audience = org.parkatlas.http.RequestAudience.of(request);
        java.util.function.Predicate<String> shown = name -> layer.attribute(name).map(audience::sees).orElse(true);
        List<VersionAnswer> versions = new ArrayList<>();
        for (ParcelVersion v : parcels.history(parcelId)) {
            Map<String, Object> properties = new LinkedHashMap<>(v.properties());
            properties.keySet().removeIf(shown.negate()); // the history of an internal attribute is internal too
            versions.add(new VersionAnswer(v.version(), v.operation().id(), v.changedBy(), v.changedAt().toString(),
                    v.note() == null ? null : v.note().in(language), v.changes().stream()
                    .filter(c -> shown.test(c.property())).map(c -> new ChangeAnswer(c.property(), json(c.before()),
                            json(c.after()))).toList(), jsonProperties(properties),
                    geoJson(v.geometryBefore()), geoJson(v.geometryAfter())));
        }
        return new HistoryAnswer(parcelId, versions);
    }

    @PostMapping(value = "/api/parcels/{parcelId}/split", consumes = {Http.GEOJSON, Http.JSON})
    CollectionAnswer split(@PathVariable String parcelId, @RequestBody byte[] body,
                           @RequestHeader(value = Http.CONTENT_CRS, required = false) String contentCrs,
                           @RequestHeader(value = Http.IF_MATCH, required = false) String ifMatch,
                           Principal user, HttpServletResponse response) {
        JsonNode node = JsonBody.parse(body, GEOMETRY);
        JsonNode geometry = node.has("geometry") ? node.get("geometry") : node;
        Geometry line = GeoJsonGeometry.read(geometry, node.has("geometry") ? "/geometry" : "");
        if (!(line instanceof LineString)) {
            throw InvalidInputException.unprocessable("/type", Label.of("地块须沿 LineString 分割，而不是 "
                    + line.getGeometryType(), "a parcel is split along a LineString, not a " + line.getGeometryType()));
        }
        List<Feature> pieces = parcels.split(parcelId, (LineString) toStorage(line, contentCrs),
                ETags.expectedVersion(ifMatch), user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        return new CollectionAnswer("FeatureCollection", pieces.stream().map(this::feature).toList());
    }

    @PostMapping(value = "/api/parcels/merge", consumes = Http.JSON)
    FeatureAnswer merge(@RequestBody byte[] body, Principal user, HttpServletResponse response) {
        JsonNode ids = JsonBody.parse(body, Label.of("{\"ids\": [\"parcel-1\", …]}", "{\"ids\": [\"parcel-1\", …]}")).path("ids");
        if (!ids.isArray()) {
            throw new InvalidInputException("/ids", Label.of("请发送 {\"ids\": [\"parcel-1\", \"parcel-2\", …]}",
                    "send {\"ids\": [\"parcel-1\", \"parcel-2\", …]}"));
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isString()) {
                throw new InvalidInputException("/ids/" + i, Label.of("每个编号须为字符串，如 \"parcel-0001\"",
                        "each id is a string, e.g. \"parcel-0001\""));
            }
            list.add(ids.get(i).asString());
        }
        Feature merged = parcels.merge(list, user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Location", "/ogcapi/collections/parcels/items/" + merged.id());
        return feature(merged);
    }

    @PostMapping("/api/parcels/{parcelId}/history/{version}/restore")
    FeatureAnswer restore(@PathVariable String parcelId, @PathVariable long version, Principal user,
                          HttpServletResponse response) {
        Feature restored = parcels.restore(parcelId, version, user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Location", "/ogcapi/collections/parcels/items/" + restored.id());
        response.setHeader("ETag", ETags.of(restored));
        return feature(restored);
    }

    private Geometry toStorage(Geometry geometry, String contentCrs) {
        Crs crs = ContentCrs.parse(contentCrs);
        Geometry xy = crs.toXy(geometry);
        FeatureAssembler.checkRange(xy, crs, "");
        return Reprojector.transform(xy, crs, CrsRegistry.bySrid(layer.storageSrid()).orElseThrow());
    }

    private FeatureAnswer feature(Feature feature) {
        return new FeatureAnswer("Feature", feature.id(), geoJson(feature.geometry()),
                jsonProperties(feature.properties()));
    }

    private static Map<String, Object> jsonProperties(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> out.put(k, json(v)));
        return out;
    }

    private static Object json(Object value) {
        return value instanceof LocalDate d ? d.toString() : value;
    }

    private Map<String, Object> geoJson(Geometry storage) {
        return storage == null ? null : GeoJsonGeometry.toMap(Reprojector.transform(storage,
                CrsRegistry.bySrid(layer.storageSrid()).orElseThrow(), Crs.CRS84));
    }
}
