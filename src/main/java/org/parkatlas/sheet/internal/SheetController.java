package org.parkatlas.sheet.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.locationtech.jts.geom.Envelope;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.LandArea;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.readiness.ReadinessService;
import org.parkatlas.readiness.ReadinessTier;
import org.parkatlas.sheet.Indicator;
import org.parkatlas.sheet.InvestmentBureau;
import org.parkatlas.sheet.ParcelSheet;
import org.parkatlas.sheet.Sheets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parcel sheet's two doors: the page at {@code /parcels/{code}} (the permalink; the page reads its data from
 * the API) and {@code GET /api/parcels/{id}/sheet?as_of=}, where the id may be the parcel's code too.
 */
@Controller
class SheetController {

    private final Sheets sheets;
    private final Layer parcels;
    private final Layer buildings;
    private final ReadinessService readiness;
    private final InvestmentBureau bureau;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    SheetController(Sheets sheets, Catalog catalog, ReadinessService readiness, InvestmentBureau bureau,
                    org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.sheets = sheets;
        this.parcels = catalog.require(ParkLayer.PARCELS);
        this.buildings = catalog.require(ParkLayer.FACTORY_BUILDINGS);
        this.readiness = readiness;
        this.bureau = bureau;
    }

    /** The permalink: the same page for every parcel, which reads the code from its own address. */
    @GetMapping("/parcels/{code}")
    String page(@PathVariable String code) {
        return "forward:/parcel.html";
    }

    /** Two to four parcels side by side ({@code ?ids=a,b,c}); the page reads each one's sheet. */
    @GetMapping("/compare")
    String compare() {
        return "forward:/compare.html";
    }

    @GetMapping("/api/parcels/{id}/sheet")
    @ResponseBody
    Map<String, Object> sheet(@PathVariable String id, HttpServletRequest request) {
        LocalDate asOf = AsOf.parse(request.getParameter("as_of"));
        org.parkatlas.catalog.Audience audience = RequestAudience.of(request);
        ReadContext context = new ReadContext(asOf, audience, scenarios.check(request.getParameter(
                org.parkatlas.readiness.ScenarioParameter.NAME), audience));
        ParcelSheet sheet = sheets.of(id, context).orElseThrow(() ->
                ApiException.notFound(Label.of("没有编号或代码为“" + id + "”的地块", "there is no parcel with the id or "
                        + "code \"" + id + "\"")));
        Feature p = sheet.parcel();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("code", p.property("code"));
        out.put("as_of", sheet.asOf().toString());
        if (context.scenario() != null) {
            out.put("scenario", context.scenario());
        }
        out.put("permalink", "/parcels/" + p.property("code"));
        Crs storage = CrsRegistry.bySrid(parcels.storageSrid()).orElseThrow();
        out.put("geometry", GeoJsonGeometry.toMap(Reprojector.transform(p.geometry(), storage, Crs.CRS84)));
        Envelope box = Reprojector.transform(p.geometry().getEnvelopeInternal(), storage, Crs.CRS84);
        out.put("bbox", List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()));
        double m2 = p.property("area_m2") instanceof Number n ? n.doubleValue() : 0;
        out.put("area", Map.of("m2", Math.round(m2 * 100) / 100.0, "mu", Math.round(m2 / LandArea.SQUARE_METRES_PER_MU * 100) / 100.0,
                "ha", Math.round(m2 / 100) / 100.0));
        out.put("land_use", choice(parcels, "land_use", p));
        out.put("status", choice(parcels, "status", p));
        out.put("standard_land", Boolean.TRUE.equals(p.property("standard_land")));
        out.put("zone", place(sheet.zone()));
        out.put("industrial_park", place(sheet.industrialPark()));
        out.put("reference_price_wan_per_mu", p.property("reference_price_wan_per_mu"));
        int tier = p.property("readiness_tier") instanceof Number n ? n.intValue() : 0;
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("standard", readiness.standard());
        ready.put("tier", tier);
        ready.put("tier_label", tier > 0 ? ReadinessTier.labels(readiness.standard()).get(tier - 1) : null);
        ready.put("tiers", ReadinessTier.labels(readiness.standard()));
        ready.put("ready", Boolean.TRUE.equals(p.property("ready")));
        ready.put("ready_date", string(p.property("ready_date")));
        ready.put("met", p.property("readiness_met"));
        ready.put("total", p.property("readiness_total"));
        out.put("readiness", ready);
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.STANDARD_LAND) {
            Attribute attribute = parcels.attribute(indicator.attribute()).orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", attribute.name());
            row.put("label", attribute.label());
            row.put("unit", attribute.unit());
            row.put("value", p.property(attribute.name()));
            row.put("bound", indicator.bound());
            row.put("meaning", indicator.meaning());
            indicators.add(row);
        }
        out.put("indicators", indicators);
        out.put("regional_assessments", assessments(p));
        List<Map<String, Object>> onIt = new ArrayList<>();
        for (Feature b : sheet.buildings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", b.id());
            row.put("code", b.property("code"));
            row.put("name", b.property("name"));
            row.put("status", choice(buildings, "status", b));
            row.put("floors", b.property("floors"));
            row.put("building_area_m2", b.property("building_area_m2"));
            row.put("completion_date", string(b.property("completion_date")));
            onIt.add(row);
        }
        out.put("buildings", onIt);
        List<Map<String, Object>> nearest = new ArrayList<>();
        for (var n : sheet.nearest()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", n.target());
            row.put("label", parcels.attribute(n.target() + "_distance_m").map(Attribute::label).orElse(null));
            Object name = n.work().property("name");
            Object nameEn = n.work().properties().getOrDefault("name_en", name);
            row.put("name", name == null ? null : Label.of(name.toString(), String.valueOf(nameEn)));
            row.put("distance_m", n.metres());
            nearest.add(row);
        }
        out.put("nearest", nearest);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", bureau.name());
        contact.put("phone", blankToNull(bureau.phone()));
        contact.put("email", blankToNull(bureau.email()));
        contact.put("address", bureau.address());
        out.put("contact", contact);
        Map<String, Object> properties = new LinkedHashMap<>();
        p.properties().forEach((k, v) -> properties.put(k, v instanceof LocalDate d ? d.toString() : v));
        out.put("properties", properties);
        return out;
    }

    /** Every assessment the catalogue knows, in its order, with whether it has been done for this parcel. */
    private List<Map<String, Object>> assessments(Feature parcel) {
        List<?> done = parcel.property("regional_assessments") instanceof List<?> list ? list : List.of();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var value : parcels.attribute("regional_assessments").orElseThrow().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", value.value());
            row.put("label", value.label());
            row.put("done", done.contains(value.value()));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> choice(Layer layer, String name, Feature feature) {
        Object value = feature.property(name);
        Attribute attribute = layer.attribute(name).orElseThrow();
        Label label = value == null ? null : attribute.values().stream().filter(v -> v.value().equals(value.toString()))
                .findFirst().map(v -> v.label()).orElse(Label.of(value.toString(), value.toString()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        out.put("label", label);
        return out;
    }

    private static Map<String, Object> place(Feature place) {
        if (place == null) {
            return null;
        }
        Object name = place.property("name");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", place.property("code"));
        out.put("name", Label.of(String.valueOf(name), String.valueOf(place.properties().getOrDefault("name_en",
                name))));
        return out;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
