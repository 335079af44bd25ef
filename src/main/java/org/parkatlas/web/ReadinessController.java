package org.parkatlas.web;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.exchange.GeoJsonGeometry;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.AsOf;
import org.parkatlas.readiness.ItemAssessment;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessItem;
import org.parkatlas.readiness.ReadinessService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness for the map and for investors: every parcel's item dates (so the map's date slider recolours without a
 * round trip), one parcel's checklist with the reasons and the traced path to each source, and the totals per zone
 * and industrial park ({@link ReadinessSummary}).
 */
@RestController
class ReadinessController {

    private final ReadinessService readiness;
    private final ReadinessSummary summary;

    ReadinessController(ReadinessService readiness, ReadinessSummary summary) {
        this.readiness = readiness;
        this.summary = summary;
    }

    @GetMapping("/api/readiness/parcels")
    Map<String, Object> parcels() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("standard", readiness.standard());
        body.put("items", readiness.items().stream().map(ReadinessItem::id).toList());
        Map<String, Object> labels = new LinkedHashMap<>();
        readiness.items().forEach(item -> labels.put(item.id(), item.label()));
        body.put("labels", labels);
        Map<String, Object> parcels = new LinkedHashMap<>();
        readiness.all().forEach((id, parcel) -> {
            Map<String, Object> dates = new LinkedHashMap<>();
            parcel.items().forEach(item -> dates.put(item.item().id(), item.readyDate()));
            parcels.put(id, dates);
        });
        body.put("parcels", parcels);
        return body;
    }

    @GetMapping("/api/parcels/{parcelId}/readiness")
    Map<String, Object> parcel(@PathVariable String parcelId, @RequestParam(name = "as_of", required = false)
            String asOf) {
        LocalDate day = day(asOf);
        ParcelReadiness parcel = readiness.of(parcelId).orElseThrow(() -> ApiException.notFound(
                "there is no parcel \"" + parcelId + "\""));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parcel", parcel.parcelId());
        body.put("code", parcel.code());
        body.put("asOf", day);
        body.put("standard", readiness.standard());
        body.put("met", parcel.metOn(day));
        body.put("total", parcel.items().size());
        body.put("ready", parcel.readyOn(day));
        body.put("readyDate", parcel.readyDate());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemAssessment item : parcel.items()) {
            items.add(item(item, day));
        }
        body.put("items", items);
        return body;
    }

    @GetMapping("/api/readiness/summary")
    Map<String, Object> summary(@RequestParam(name = "as_of", required = false) String asOf) {
        return summary.of(day(asOf));
    }

    private static Map<String, Object> item(ItemAssessment item, LocalDate day) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", item.item().id());
        out.put("label", item.item().label());
        out.put("met", item.metOn(day));
        out.put("readyDate", item.readyDate());
        out.put("servingLine", item.servingLine() == null ? null : item.servingLine().id());
        out.put("servingLineName", item.servingLine() == null ? null : item.servingLine().name());
        out.put("servingLineNameEn", item.servingLine() == null ? null : item.servingLine().nameEn());
        out.put("source", item.source() == null ? null : item.source().id());
        out.put("sourceName", item.source() == null ? null : item.source().name());
        out.put("sourceNameEn", item.source() == null ? null : item.source().nameEn());
        out.put("distanceM", item.distance() == null ? null : Math.round(item.distance() * 10) / 10.0);
        out.put("reason", item.reason(day));
        out.put("path", path(item.path()));
        out.put("sourcePoint", item.source() == null ? null : geoJson(item.source().location()));
        return out;
    }

    /** The traced lines from the parcel to the source, as one GeoJSON MultiLineString in CRS84. */
    private static Map<String, Object> path(List<NetworkLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        LineString[] parts = lines.stream().map(NetworkLine::geometry).toArray(LineString[]::new);
        return geoJson(new GeometryFactory().createMultiLineString(parts));
    }

    private static Map<String, Object> geoJson(Geometry storage) {
        return GeoJsonGeometry.toMap(Reprojector.transform(storage, Crs.CGCS2000_GK_CM_111E, Crs.CRS84));
    }

    static LocalDate day(String asOf) {
        return AsOf.parse(asOf);
    }
}
