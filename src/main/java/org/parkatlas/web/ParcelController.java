package org.parkatlas.web;

import jakarta.servlet.http.HttpServletResponse;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.editing.ParcelOperations;
import org.parkatlas.exchange.GeoJsonGeometry;
import org.parkatlas.exchange.InvalidInputException;
import org.parkatlas.feature.Feature;
import org.parkatlas.parcel.ParcelVersion;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planners' parcel operations over HTTP: a parcel's history, split along a line, merge, restore a version. Bodies and
 * answers are GeoJSON in CRS84 (a split line may come in another CRS with {@code Content-Crs}).
 */
@RestController
class ParcelController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ParcelOperations operations;
    private final Layer parcels;

    ParcelController(ParcelOperations operations, Catalog catalog) {
        this.operations = operations;
        this.parcels = catalog.require("parcels");
    }

    @GetMapping("/api/parcels/{parcelId}/history")
    Map<String, Object> history(@PathVariable String parcelId) {
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ParcelVersion v : operations.history(parcelId)) {
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version", v.version());
            version.put("operation", v.operation().name().toLowerCase());
            version.put("by", v.changedBy());
            version.put("at", v.changedAt().toString());
            version.put("note", v.note());
            version.put("changes", v.changes().stream().map(c -> {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("property", c.property());
                change.put("before", c.before());
                change.put("after", c.after());
                return change;
            }).toList());
            version.put("properties", v.properties());
            version.put("geometryBefore", geoJson(v.geometryBefore()));
            version.put("geometryAfter", geoJson(v.geometryAfter()));
            versions.add(version);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parcel", parcelId);
        body.put("versions", versions);
        return body;
    }

    @PostMapping("/api/parcels/{parcelId}/split")
    Map<String, Object> split(@PathVariable String parcelId, @RequestBody byte[] body,
                              @RequestHeader(value = "Content-Crs", required = false) String contentCrs,
                              @RequestHeader(value = "If-Match", required = false) String ifMatch,
                              Principal user, HttpServletResponse response) {
        JsonNode node = parse(body);
        JsonNode geometry = node.has("geometry") ? node.get("geometry") : node;
        Geometry line = GeoJsonGeometry.read(geometry, node.has("geometry") ? "/geometry" : "");
        if (!(line instanceof LineString)) {
            throw InvalidInputException.unprocessable("/type", "a parcel is split along a LineString, not a "
                    + line.getGeometryType());
        }
        List<Feature> pieces = operations.split(parcelId, (LineString) toStorage(line, contentCrs),
                version(ifMatch), user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        return collection(pieces);
    }

    @PostMapping("/api/parcels/merge")
    Map<String, Object> merge(@RequestBody byte[] body, Principal user, HttpServletResponse response) {
        JsonNode ids = parse(body).path("ids");
        if (!ids.isArray()) {
            throw new InvalidInputException("/ids", "send {\"ids\": [\"parcel-1\", \"parcel-2\", …]}");
        }
        List<String> list = new ArrayList<>();
        ids.forEach(id -> list.add(id.asString()));
        Feature merged = operations.merge(list, user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Location", "/ogcapi/collections/parcels/items/" + merged.id());
        return feature(merged);
    }

    @PostMapping("/api/parcels/{parcelId}/history/{version}/restore")
    Map<String, Object> restore(@PathVariable String parcelId, @PathVariable long version, Principal user,
                                HttpServletResponse response) {
        Feature restored = operations.restore(parcelId, version, user.getName());
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader("Location", "/ogcapi/collections/parcels/items/" + restored.id());
        response.setHeader("ETag", "\"" + restored.version() + "\"");
        return feature(restored);
    }

    private Geometry toStorage(Geometry geometry, String contentCrs) {
        Crs crs = contentCrs == null ? Crs.CRS84 : CrsRegistry.find(contentCrs)
                .orElseThrow(() -> new InvalidInputException("", "Content-Crs " + contentCrs + " is not supported"));
        return Reprojector.transform(crs.toXy(geometry), crs, CrsRegistry.bySrid(parcels.storageSrid()).orElseThrow());
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("", "If-Match " + ifMatch + " is not an ETag this server gave");
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("", "the request body is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidInputException("", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> collection(List<Feature> features) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("features", features.stream().map(this::feature).toList());
        return body;
    }

    private Map<String, Object> feature(Feature feature) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Feature");
        out.put("id", feature.id());
        out.put("geometry", geoJson(feature.geometry()));
        Map<String, Object> properties = new LinkedHashMap<>();
        feature.properties().forEach((k, v) -> properties.put(k, v instanceof java.time.LocalDate d ? d.toString() : v));
        out.put("properties", properties);
        return out;
    }

    private Map<String, Object> geoJson(Geometry storage) {
        return storage == null ? null : GeoJsonGeometry.toMap(Reprojector.transform(storage,
                CrsRegistry.bySrid(parcels.storageSrid()).orElseThrow(), Crs.CRS84));
    }
}
