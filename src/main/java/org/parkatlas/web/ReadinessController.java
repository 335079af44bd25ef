package org.parkatlas.web;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.catalog.Label;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.geojson.GeoJsonGeometry;
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

    private final org.parkatlas.http.Revalidation revalidation;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    ReadinessController(ReadinessService readiness, ReadinessSummary summary,
                        org.parkatlas.http.Revalidation revalidation,
                        org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.revalidation = revalidation;
        this.readiness = readiness;
        this.summary = summary;
    }

    /** Every parcel's ready date per item, so the map's date slider recolours without asking again. */
    record ItemDates(String standard, List<String> items, Map<String, Label> labels,
                     Map<String, Map<String, LocalDate>> parcels) {
    }

    /** One item of a parcel's checklist: met or not as of the day, why not, what serves it and the way there. */
    record ItemAnswer(String item, Label label, boolean met, LocalDate readyDate, String servingLine,
                      String servingLineName, String servingLineNameEn, String source, String sourceName,
                      String sourceNameEn, Double distanceM, Label reason, Map<String, Object> path,
                      Map<String, Object> sourcePoint) {
    }

    record Checklist(String parcel, String code, LocalDate asOf, String standard, int met, int total, boolean ready,
                     LocalDate readyDate, List<ItemAnswer> items) {
    }

    @GetMapping("/api/readiness/parcels")
    ItemDates parcels(jakarta.servlet.http.HttpServletRequest request,
                      jakarta.servlet.http.HttpServletResponse response) {
        org.parkatlas.feature.ReadContext context = context(request, null);
        if (revalidation.notModified(request, response)) {
            return null; // 304: the browser's copy is this one
        }
        Map<String, Label> labels = new LinkedHashMap<>();
        readiness.items().forEach(item -> labels.put(item.id(), item.label()));
        Map<String, Map<String, LocalDate>> parcels = new LinkedHashMap<>();
        readiness.all(context).forEach((id, parcel) -> {
            Map<String, LocalDate> dates = new LinkedHashMap<>();
            parcel.items().forEach(item -> dates.put(item.item().id(), item.readyDate()));
            parcels.put(id, dates);
        });
        return new ItemDates(readiness.standard(), readiness.items().stream().map(ReadinessItem::id).toList(), labels,
                parcels);
    }

    @GetMapping("/api/parcels/{parcelId}/readiness")
    Checklist parcel(@PathVariable String parcelId, @RequestParam(name = "as_of", required = false) String asOf,
                     jakarta.servlet.http.HttpServletRequest request) {
        LocalDate day = day(asOf);
        ParcelReadiness parcel = readiness.of(parcelId, context(request, day)).orElseThrow(() -> ApiException.notFound(Label.of(
                "没有地块“" + parcelId + "”", "there is no parcel \"" + parcelId + "\"")));
        return new Checklist(parcel.parcelId(), parcel.code(), day, readiness.standard(), parcel.metOn(day),
                parcel.items().size(), parcel.readyOn(day), parcel.readyDate(),
                parcel.items().stream().map(item -> item(item, day)).toList());
    }

    @GetMapping("/api/readiness/summary")
    ReadinessSummary.Summary summary(@RequestParam(name = "as_of", required = false) String asOf,
                                     jakarta.servlet.http.HttpServletRequest request) {
        return summary.of(context(request, day(asOf)));
    }

    /** The read a request asks for: its day, its reader, and the scenario it names ({@code scenario=}), checked. */
    private org.parkatlas.feature.ReadContext context(jakarta.servlet.http.HttpServletRequest request, LocalDate day) {
        org.parkatlas.catalog.Audience audience = org.parkatlas.http.RequestAudience.of(request);
        return new org.parkatlas.feature.ReadContext(day, audience, scenarios.check(request.getParameter(
                org.parkatlas.readiness.ScenarioParameter.NAME), audience));
    }

    private static ItemAnswer item(ItemAssessment item, LocalDate day) {
        NetworkLine line = item.servingLine();
        return new ItemAnswer(item.item().id(), item.item().label(), item.metOn(day), item.readyDate(),
                line == null ? null : line.id(), line == null ? null : line.name(), line == null ? null
                : line.nameEn(), item.source() == null ? null : item.source().id(), item.source() == null ? null
                : item.source().name(), item.source() == null ? null : item.source().nameEn(),
                item.distance() == null ? null : Math.round(item.distance() * 10) / 10.0, item.reason(day),
                path(item.path()), item.source() == null ? null : geoJson(item.source().location()));
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
