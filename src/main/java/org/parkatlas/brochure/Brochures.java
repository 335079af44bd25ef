package org.parkatlas.brochure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.readiness.ItemAssessment;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessService;
import org.parkatlas.readiness.ReadinessTier;
import org.parkatlas.sheet.Indicator;
import org.parkatlas.sheet.InvestmentBureau;
import org.parkatlas.sheet.ParcelSheet;
import org.parkatlas.sheet.Sheets;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Service;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the PDF brochure of one parcel, or of two to four side by side: XHTML built from the parcels' sheets (every
 * value escaped as text), laid out on A4 by openhtmltopdf, with two drawn objects — the map ({@code pa/map}, vector
 * paths from the geometries) and the QR code to the permalink ({@code pa/qr}, one square per module).
 */
@Service
public class Brochures {

    private static final String FONT_FAMILY = "LXGW WenKai";
    private static final double CONTEXT_METRES = 260;

    private final Sheets sheets;
    private final ReadinessService readiness;
    private final FeatureSources sources;
    private final Catalog catalog;
    private final InvestmentBureau bureau;
    private final Path font;

    Brochures(Sheets sheets, ReadinessService readiness, FeatureSources sources, Catalog catalog,
              InvestmentBureau bureau) {
        this.sheets = sheets;
        this.readiness = readiness;
        this.sources = sources;
        this.catalog = catalog;
        this.bureau = bureau;
        this.font = fontFile();
    }

    /** A section of a {@link #report}: a heading, a line under it, and a table (the first row is its header). */
    public record ReportTable(String heading, String note, List<List<String>> rows) {
    }

    /**
     * A report for the bureau's meeting (a scenario's parcels that slip): a title, a subtitle, tables, on A4 landscape
     * in the brochures' font, every value as text.
     */
    public byte[] report(String title, String subtitle, List<ReportTable> tables, String footer) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html><html><head><meta charset='utf-8'/><title>").append(Xml.text(title))
                .append("</title><style>@page { size: A4 landscape; margin: 12mm; }")
                .append("body { font-family: '").append(FONT_FAMILY).append("'; font-size: 8.5pt; color: #1F2933; }")
                .append("h1 { font-size: 16pt; margin: 0 0 1mm; } h2 { font-size: 11pt; margin: 4mm 0 1mm; }")
                .append(".sub, .note, .foot { color: #5F6B76; } .foot { margin-top: 4mm; font-size: 7.5pt; }")
                .append("table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }")
                .append("th { text-align: left; color: #5F6B76; font-weight: normal; border-bottom: 0.6pt solid #5F6B76; }")
                .append("td, th { padding: 0.8mm 1.2mm; vertical-align: top; } td { border-bottom: 0.3pt solid #DDE1E5; }")
                .append("td:first-child { white-space: nowrap; }")
                .append("</style></head><body><h1>").append(Xml.text(title)).append("</h1><p class='sub'>")
                .append(Xml.text(subtitle)).append("</p>");
        for (ReportTable table : tables) {
            h.append("<h2>").append(Xml.text(table.heading())).append("</h2>");
            if (table.note() != null) {
                h.append("<p class='note'>").append(Xml.text(table.note())).append("</p>");
            }
            h.append("<table>");
            for (int i = 0; i < table.rows().size(); i++) {
                String cell = i == 0 ? "th" : "td";
                h.append(i == 0 ? "<thead><tr>" : "<tr>");
                for (String value : table.rows().get(i)) {
                    h.append('<').append(cell).append('>').append(Xml.text(value)).append("</").append(cell).append('>');
                }
                h.append(i == 0 ? "</tr></thead><tbody>" : "</tr>");
            }
            h.append(table.rows().size() > 0 ? "</tbody>" : "").append("</table>");
        }
        h.append("<p class='foot'>").append(Xml.text(footer)).append("</p></body></html>");
        return pdf(h.toString(), null, null);
    }

    /** XHTML laid out as PDF in the brochures' font, with the drawn objects given (none when null). */
    private byte[] pdf(String html, String baseUrl, DefaultObjectDrawerFactory drawers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            if (drawers != null) {
                builder.useObjectDrawerFactory(drawers);
            }
            builder.withHtmlContent(html, baseUrl);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** The brochure of the parcel with this id or code; empty when there is none. */
    public Optional<byte[]> parcel(String idOrCode, Language language, String baseUrl, ReadContext context) {
        return sheets.of(idOrCode, context).map(sheet -> render(List.of(sheet), language, baseUrl));
    }

    /** One brochure comparing the parcels; empty when one of them does not exist. */
    public Optional<byte[]> comparison(List<String> idsOrCodes, Language language, String baseUrl,
                                       ReadContext context) {
        List<ParcelSheet> found = new ArrayList<>();
        for (String id : idsOrCodes) {
            Optional<ParcelSheet> sheet = sheets.of(id, context);
            if (sheet.isEmpty()) {
                return Optional.empty();
            }
            found.add(sheet.get());
        }
        return Optional.of(render(found, language, baseUrl));
    }

    private byte[] render(List<ParcelSheet> parcels, Language language, String baseUrl) {
        Words w = new Words(language);
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        Map<String, MapDrawing> maps = new LinkedHashMap<>();
        for (ParcelSheet sheet : parcels) {
            maps.put(sheet.parcel().id(), map(sheet, parcels.size() == 1 ? 1.0 : 0.7));
        }
        drawers.registerDrawer("pa/map", (element, x, y, width, height, device, ctx, dots) -> {
            MapDrawing drawing = maps.get(element.getAttribute("data-parcel"));
            if (drawing != null) {
                device.drawWithGraphics((float) x, (float) y, (float) width / dots, (float) height / dots,
                        g -> drawing.draw(g, width / dots, height / dots));
            }
            return null;
        });
        drawers.registerDrawer("pa/qr", (element, x, y, width, height, device, ctx, dots) -> {
            BitMatrix matrix = qr(element.getAttribute("data-text"));
            device.drawWithGraphics((float) x, (float) y, (float) width / dots, (float) height / dots, g -> {
                double cell = Math.min(width, height) / dots / matrix.getWidth();
                g.setColor(Color.WHITE);
                g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, cell * matrix.getWidth(), cell * matrix.getHeight()));
                g.setColor(Color.BLACK);
                for (int i = 0; i < matrix.getWidth(); i++) {
                    for (int j = 0; j < matrix.getHeight(); j++) {
                        if (matrix.get(i, j)) {
                            g.fill(new java.awt.geom.Rectangle2D.Double(i * cell, j * cell, cell + 0.02, cell + 0.02));
                        }
                    }
                }
            });
            return null;
        });
        String html = parcels.size() == 1 ? single(parcels.get(0), w, baseUrl) : comparison(parcels, w, baseUrl);
        return pdf(html, baseUrl + "/", drawers);
    }

    // -----------------------------------------------------------------------------------------------------------

    private String single(ParcelSheet sheet, Words w, String baseUrl) {
        Feature p = sheet.parcel();
        String code = String.valueOf(p.property("code"));
        String permalink = baseUrl + "/parcels/" + code + "?lang=" + w.language.tag();
        StringBuilder h = head(w, w.t("地块推介", "Parcel brochure"));
        h.append("<h1>").append(Xml.text(w.t("地块 ", "Parcel ") + code)).append("</h1>");
        h.append("<p class='sub'>").append(Xml.text(subtitle(sheet, w))).append("</p>");
        h.append("<table class='layout'><tr><td class='map'><object type='pa/map' data-parcel='")
                .append(Xml.text(p.id())).append("' style='width:98mm;height:86mm'></object></td><td>");
        figures(h, sheet, w);
        h.append("<table class='qr'><tr><td><object type='pa/qr' data-text='").append(Xml.text(permalink))
                .append("' style='width:24mm;height:24mm'></object></td><td class='small'>")
                .append(Xml.text(w.t("扫码查看在线详情：", "Scan for the live sheet: "))).append("<br/>")
                .append(Xml.text(permalink)).append("</td></tr></table>");
        h.append("</td></tr></table>");
        indicators(h, sheet, w);
        assessments(h, sheet, w);
        checklist(h, sheet, w);
        nearest(h, sheet, w);
        footer(h, w, sheet.asOf());
        return h.append("</body></html>").toString();
    }

    private String comparison(List<ParcelSheet> parcels, Words w, String baseUrl) {
        StringBuilder h = head(w, w.t("地块对比", "Parcel comparison"));
        h.append("<h1>").append(Xml.text(w.t("地块对比", "Comparing parcels"))).append("</h1>");
        h.append("<table class='compare'><tr><th></th>");
        for (ParcelSheet s : parcels) {
            h.append("<th>").append(Xml.text(s.parcel().property("code"))).append("</th>");
        }
        h.append("</tr><tr><td></td>");
        double width = 150.0 / parcels.size();
        for (ParcelSheet s : parcels) {
            h.append("<td><object type='pa/map' data-parcel='").append(Xml.text(s.parcel().id()))
                    .append("' style='width:").append(String.format(Locale.ROOT, "%.0f", width - 4))
                    .append("mm;height:38mm'></object></td>");
        }
        h.append("</tr>");
        Layer layer = catalog.require(ParkLayer.PARCELS);
        row(h, w.t("面积", "Area"), parcels, s -> area(s.parcel(), w));
        row(h, w.t("产业园", "Industrial park"), parcels, s -> name(s.industrialPark(), w));
        row(h, w.t("功能分区", "Zone"), parcels, s -> name(s.zone(), w));
        row(h, w.label(layer.attribute("land_use").orElseThrow().label()), parcels,
                s -> value(layer, "land_use", s.parcel(), w));
        row(h, w.label(layer.attribute("status").orElseThrow().label()), parcels,
                s -> value(layer, "status", s.parcel(), w));
        row(h, w.t("参考地价", "Reference land price"), parcels, s -> price(s.parcel(), w));
        row(h, w.t("用地成熟度", "Readiness tier"), parcels, s -> tier(s.parcel(), w));
        row(h, w.t("具备开工条件", "Ready to build"), parcels, s -> readyDate(s.parcel(), w));
        row(h, w.t("已完成区域评估", "Regional assessments done"), parcels, s -> assessmentCount(s.parcel(), w));
        for (Indicator indicator : Indicator.STANDARD_LAND) {
            Attribute attribute = layer.attribute(indicator.attribute()).orElseThrow();
            row(h, w.label(attribute.label()), parcels, s -> bound(indicator, attribute, s.parcel(), w));
        }
        h.append("</table>");
        for (ParcelSheet s : parcels) {
            String code = String.valueOf(s.parcel().property("code"));
            h.append("<p class='small'>").append(Xml.text(code)).append(": ")
                    .append(Xml.text(baseUrl + "/parcels/" + code + "?lang=" + w.language.tag())).append("</p>");
        }
        footer(h, w, parcels.get(0).asOf());
        return h.append("</body></html>").toString();
    }

    private StringBuilder head(Words w, String kind) {
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html><html lang='").append(w.language.tag()).append("'><head><meta charset='utf-8'/>")
                .append("<title>").append(Xml.text(kind)).append("</title><style>")
                .append("@page { size: A4; margin: 14mm 14mm 16mm 14mm; }")
                .append("body { font-family: '").append(FONT_FAMILY).append("'; font-size: 9.5pt; color: #1F2933; }")
                .append("h1 { font-size: 18pt; margin: 2mm 0 1mm; } h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm;")
                .append(" color: #1D2B3A; border-bottom: 0.4pt solid #DDE1E5; }")
                .append(".park { font-size: 10pt; color: #5F6B76; } .sub { color: #5F6B76; margin: 0 0 2mm; }")
                .append("table { border-collapse: collapse; width: 100%; } td, th { vertical-align: top;")
                .append(" text-align: left; padding: 1mm 1.5mm; } .facts td, .facts th, .list td, .list th, .compare td,")
                .append(" .compare th { border-bottom: 0.3pt solid #DDE1E5; } .facts th, .list th { color: #5F6B76;")
                .append(" font-weight: normal; } .layout td.map { width: 100mm; padding: 0; }")
                .append(".small { font-size: 7.5pt; color: #5F6B76; } .met { color: #00664A; } .unmet { color: #A4161A; }")
                .append(".tier { background: #1D2B3A; color: #FFFFFF; padding: 0.5mm 2mm; }")
                .append(".foot { margin-top: 4mm; font-size: 7.5pt; color: #5F6B76; }")
                .append("</style></head><body>");
        Feature boundary = sources.of(ParkLayer.PARK_BOUNDARY).query(FeatureQuery.all().page(0, 1),
                ReadContext.today()).features().stream().findFirst().orElse(null);
        String zh = boundary == null ? "" : String.valueOf(boundary.property("name"));
        String en = boundary == null ? "" : String.valueOf(boundary.properties().getOrDefault("name_en", zh));
        h.append("<p class='park'>").append(Xml.text(zh)).append(" · ").append(Xml.text(en)).append(" — ")
                .append(Xml.text(kind)).append("</p>");
        return h;
    }

    private void figures(StringBuilder h, ParcelSheet sheet, Words w) {
        Layer layer = catalog.require(ParkLayer.PARCELS);
        Feature p = sheet.parcel();
        h.append("<table class='facts'>");
        fact(h, w.t("用地面积", "Area"), area(p, w));
        fact(h, w.label(layer.attribute("land_use").orElseThrow().label()), value(layer, "land_use", p, w));
        fact(h, w.t("产业园", "Industrial park"), name(sheet.industrialPark(), w));
        fact(h, w.t("功能分区", "Zone"), name(sheet.zone(), w));
        fact(h, w.label(layer.attribute("status").orElseThrow().label()), value(layer, "status", p, w));
        fact(h, w.t("标准地", "Standard land"), Boolean.TRUE.equals(p.property("standard_land")) ? w.t("是", "Yes")
                : w.t("否", "No"));
        fact(h, w.t("参考地价", "Reference land price"), price(p, w));
        h.append("<tr><th>").append(Xml.text(w.t("用地成熟度", "Readiness tier"))).append("</th><td><span class='tier'>")
                .append(Xml.text(tier(p, w))).append("</span></td></tr>");
        fact(h, w.t("具备开工条件", "Ready to build"), readyDate(p, w));
        fact(h, w.t("标准化厂房", "Factory buildings"), sheet.buildings().isEmpty() ? w.t("无", "none")
                : String.join(w.t("、", ", "), sheet.buildings().stream().map(b -> String.valueOf(b.property("code")))
                .toList()));
        h.append("</table>");
    }

    private void indicators(StringBuilder h, ParcelSheet sheet, Words w) {
        Layer layer = catalog.require(ParkLayer.PARCELS);
        h.append("<h2>").append(Xml.text(w.t("标准地控制指标（“3+X”，受让方承诺达到）",
                "Standard-land indicators (\"3+X\", pledged by the buyer)"))).append("</h2><table class='list'>");
        for (Indicator indicator : Indicator.STANDARD_LAND) {
            Attribute attribute = layer.attribute(indicator.attribute()).orElseThrow();
            h.append("<tr><th>").append(Xml.text(w.label(attribute.label()))).append("</th><td>")
                    .append(Xml.text(bound(indicator, attribute, sheet.parcel(), w))).append("</td><td class='small'>")
                    .append(Xml.text(w.label(indicator.meaning()))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void assessments(StringBuilder h, ParcelSheet sheet, Words w) {
        Attribute attribute = catalog.require(ParkLayer.PARCELS).attribute("regional_assessments").orElseThrow();
        List<?> done = sheet.parcel().property("regional_assessments") instanceof List<?> list ? list : List.of();
        List<String> names = attribute.values().stream().filter(v -> done.contains(v.value()))
                .map(v -> w.label(v.label())).toList();
        h.append("<h2>").append(Xml.text(w.t("已完成的区域评估（受让方无需再做）",
                "Regional assessments done (the buyer need not commission them)"))).append("</h2><p>")
                .append(Xml.text(names.isEmpty() ? w.t("尚无区域评估", "No regional assessment yet")
                        : String.join(w.t("、", "; "), names))).append("</p>");
    }

    private String assessmentCount(Feature parcel, Words w) {
        int all = catalog.require(ParkLayer.PARCELS).attribute("regional_assessments").orElseThrow().values().size();
        int done = parcel.property("regional_assessments") instanceof List<?> list ? list.size() : 0;
        return w.t(done + " / " + all + " 项", done + " of " + all);
    }

    private void checklist(StringBuilder h, ParcelSheet sheet, Words w) {
        Optional<ParcelReadiness> found = readiness.of(sheet.parcel().id());
        String standard = "nine".equals(readiness.standard()) ? w.t("九通一平", "Nine connections and leveling")
                : w.t("七通一平", "Seven connections and leveling");
        h.append("<h2>").append(Xml.text(standard)).append("</h2><table class='list'>");
        LocalDate day = sheet.asOf();
        for (ItemAssessment item : found.map(ParcelReadiness::items).orElse(List.of())) {
            boolean met = item.metOn(day);
            String when = item.readyDate() == null ? w.t("尚无计划日期", "not scheduled yet")
                    : (met ? w.t("自 ", "since ") : w.t("预计 ", "expected ")) + item.readyDate();
            String detail = met ? source(item, w) : item.reason(day) == null ? "" : w.label(item.reason(day));
            h.append("<tr><th>").append(Xml.text(w.label(item.item().label()))).append("</th><td class='")
                    .append(met ? "met" : "unmet").append("'>").append(Xml.text(met ? w.t("已具备", "met")
                            : w.t("未具备", "not yet"))).append("</td><td>").append(Xml.text(when))
                    .append("</td><td class='small'>").append(Xml.text(detail)).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void nearest(StringBuilder h, ParcelSheet sheet, Words w) {
        Layer layer = catalog.require(ParkLayer.PARCELS);
        h.append("<h2>").append(Xml.text(w.t("最近的出入口与设施", "Nearest gateway and facilities")))
                .append("</h2><table class='list'>");
        for (var n : sheet.nearest()) {
            String label = layer.attribute(n.target() + "_distance_m").map(a -> w.label(a.label())).orElse(n.target());
            h.append("<tr><th>").append(Xml.text(label)).append("</th><td>").append(Xml.text(name(n.work(), w)))
                    .append("</td><td>").append(Xml.text(String.format(Locale.ROOT, "%,.0f m", n.metres())))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private void footer(StringBuilder h, Words w, LocalDate asOf) {
        List<String> contact = new ArrayList<>();
        if (bureau.name() != null) {
            contact.add(w.label(bureau.name()));
        }
        for (String s : new String[]{bureau.phone(), bureau.email()}) {
            if (s != null && !s.isBlank()) {
                contact.add(s);
            }
        }
        if (bureau.address() != null) {
            contact.add(w.label(bureau.address()));
        }
        h.append("<p class='foot'>");
        if (!contact.isEmpty()) {
            h.append(Xml.text(w.t("招商联系：", "Investment contact: ") + String.join(" · ", contact))).append("<br/>");
        }
        h.append(Xml.text(w.t("数据截至 ", "Data as of ") + asOf + w.t("；本推介由 ParkAtlas 于 ", "; made by ParkAtlas on ")
                + LocalDate.now() + w.t(" 依据园区数据生成。", " from the park's own data."))).append("</p>");
    }

    // -----------------------------------------------------------------------------------------------------------

    private MapDrawing map(ParcelSheet sheet, double zoom) {
        Geometry parcel = sheet.parcel().geometry();
        Envelope extent = new Envelope(parcel.getEnvelopeInternal());
        extent.expandBy(CONTEXT_METRES * zoom);
        // the box's aspect ratio follows the drawing's (98 × 86 mm), so nothing is cut off at the edges
        double ratio = 98.0 / 86.0;
        if (extent.getWidth() / extent.getHeight() < ratio) {
            extent.expandBy((extent.getHeight() * ratio - extent.getWidth()) / 2, 0);
        } else {
            extent.expandBy(0, (extent.getWidth() / ratio - extent.getHeight()) / 2);
        }
        Filter near = Filter.intersects(new org.locationtech.jts.geom.GeometryFactory().toGeometry(extent));
        List<MapDrawing.Shape> shapes = new ArrayList<>();
        for (Feature f : read(ParkLayer.PARCELS, near)) {
            shapes.add(new MapDrawing.Shape(f.geometry(), parcelFill(String.valueOf(f.property("status"))),
                    new Color(0x4D, 0x4D, 0x4D), 0.4f));
        }
        for (Feature f : read(ParkLayer.FACTORY_BUILDINGS, near)) {
            shapes.add(new MapDrawing.Shape(f.geometry(), new Color(0x2F, 0x4F, 0x4F), null, 0));
        }
        for (Feature f : read(ParkLayer.UTILITY_LINES, near)) {
            shapes.add(new MapDrawing.Shape(f.geometry(), null, utility(String.valueOf(f.property("utility"))), 0.6f));
        }
        for (Feature f : read(ParkLayer.ROADS, near)) {
            double width = f.property("red_line_width_m") instanceof Number n ? n.doubleValue() : 20;
            shapes.add(new MapDrawing.Shape(f.geometry(), null, new Color(0x3A, 0x3A, 0x3A),
                    (float) Math.max(1.2, Math.min(4, width / 12))));
        }
        for (Feature f : read(ParkLayer.FACILITIES, near)) {
            shapes.add(new MapDrawing.Shape(f.geometry(), new Color(0x1D, 0x2B, 0x3A), Color.WHITE, 0.8f));
        }
        return new MapDrawing(extent, shapes, parcel);
    }

    private List<Feature> read(ParkLayer layer, Filter filter) {
        return sources.of(layer).query(FeatureQuery.filtered(filter), ReadContext.today()).features();
    }

    private static Color parcelFill(String status) {
        return switch (status) {
            case "available" -> new Color(0x80, 0xCE, 0xB9);
            case "reserved" -> new Color(0xF2, 0xCF, 0x80);
            case "transferred" -> new Color(0x80, 0xB8, 0xD8);
            case "in_use" -> new Color(0xC5, 0xC5, 0xC5);
            default -> new Color(0xF4, 0xF3, 0xEC);
        };
    }

    private static Color utility(String utility) {
        return switch (utility) {
            case "water" -> new Color(0x00, 0x72, 0xB2);
            case "sewer" -> new Color(0x8C, 0x51, 0x0A);
            case "storm" -> new Color(0x56, 0xB4, 0xE9);
            case "power" -> new Color(0xD5, 0x5E, 0x00);
            case "gas" -> new Color(0xE6, 0x9F, 0x00);
            case "heat" -> new Color(0xCC, 0x79, 0xA7);
            default -> new Color(0x00, 0x9E, 0x73);
        };
    }

    private static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalStateException("the permalink does not fit a QR code", e);
        }
    }

    private String subtitle(ParcelSheet sheet, Words w) {
        Layer layer = catalog.require(ParkLayer.PARCELS);
        List<String> parts = new ArrayList<>();
        parts.add(name(sheet.industrialPark(), w));
        parts.add(name(sheet.zone(), w));
        parts.add(value(layer, "status", sheet.parcel(), w));
        if (Boolean.TRUE.equals(sheet.parcel().property("standard_land"))) {
            parts.add(w.t("标准地", "standard land"));
        }
        return String.join(" · ", parts.stream().filter(s -> !s.isBlank() && !s.equals("—")).toList());
    }

    private static String area(Feature p, Words w) {
        double m2 = p.property("area_m2") instanceof Number n ? n.doubleValue() : 0;
        double mu = m2 / org.parkatlas.feature.LandArea.SQUARE_METRES_PER_MU;
        return String.format(Locale.ROOT, w.t("%,.2f 亩（%,.0f 平方米，%.2f 公顷）", "%,.2f mu (%,.0f m², %.2f ha)"),
                mu, m2, m2 / 10_000);
    }

    private static String price(Feature p, Words w) {
        return p.property("reference_price_wan_per_mu") instanceof Number n
                ? String.format(Locale.ROOT, w.t("%s 万元/亩", "%s ×10k CNY/mu"), trim(n.doubleValue()))
                : w.t("请咨询招商部门", "ask the investment bureau");
    }

    private String tier(Feature p, Words w) {
        int tier = p.property("readiness_tier") instanceof Number n ? n.intValue() : 0;
        List<Label> labels = ReadinessTier.labels(readiness.standard());
        return tier == 0 ? "—" : tier + "/" + labels.size() + " " + w.label(labels.get(tier - 1));
    }

    private static String readyDate(Feature p, Words w) {
        if (Boolean.TRUE.equals(p.property("ready"))) {
            return w.t("现已具备", "now");
        }
        Object date = p.property("ready_date");
        return date == null ? w.t("尚无计划日期", "not scheduled yet") : w.t("预计 ", "expected ") + date;
    }

    private static String bound(Indicator indicator, Attribute attribute, Feature p, Words w) {
        Object value = p.property(attribute.name());
        if (!(value instanceof Number n)) {
            return "—";
        }
        String unit = attribute.unit() == null ? "" : " " + (w.language == Language.EN ? english(attribute.unit())
                : attribute.unit());
        return ("min".equals(indicator.bound()) ? "≥ " : "≤ ") + trim(n.doubleValue()) + unit;
    }

    private static String english(String unit) {
        return switch (unit) {
            case "万元/亩" -> "×10k CNY/mu";
            case "万元/亩·年" -> "×10k CNY/mu/yr";
            case "吨标煤/万元" -> "tce/10k CNY";
            default -> unit;
        };
    }

    private static String value(Layer layer, String name, Feature p, Words w) {
        Object value = p.property(name);
        if (value == null) {
            return "—";
        }
        Attribute attribute = layer.attribute(name).orElseThrow();
        String label = attribute.values().stream().filter(v -> v.value().equals(value.toString())).findFirst()
                .map(v -> w.label(v.label())).orElse(value.toString());
        return name.equals("land_use") ? value + " " + label : label;
    }

    private static String name(Feature place, Words w) {
        if (place == null) {
            return "—";
        }
        Object zh = place.property("name");
        return w.language == Language.EN ? String.valueOf(place.properties().getOrDefault("name_en", zh))
                : String.valueOf(zh);
    }

    private static String source(ItemAssessment item, Words w) {
        List<String> parts = new ArrayList<>();
        if (item.servingLine() != null) {
            parts.add(w.language == Language.EN && item.servingLine().nameEn() != null ? item.servingLine().nameEn()
                    : item.servingLine().name());
        }
        if (item.source() != null) {
            String s = w.language == Language.EN && item.source().nameEn() != null ? item.source().nameEn()
                    : item.source().name();
            if (!parts.contains(s)) {
                parts.add(s);
            }
        }
        return String.join(" ← ", parts);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void fact(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(Xml.text(label)).append("</th><td>").append(Xml.text(value)).append("</td></tr>");
    }

    private interface Cell {
        String of(ParcelSheet sheet);
    }

    private static void row(StringBuilder h, String label, List<ParcelSheet> parcels, Cell cell) {
        h.append("<tr><th>").append(Xml.text(label)).append("</th>");
        for (ParcelSheet s : parcels) {
            h.append("<td>").append(Xml.text(cell.of(s))).append("</td>");
        }
        h.append("</tr>");
    }

    /** The brochure's own words in its language. */
    private record Words(Language language) {
        String t(String zh, String en) {
            return language == Language.EN ? en : zh;
        }

        String label(Label label) {
            return label == null ? "" : label.in(language);
        }
    }

    /** The font, copied once from the jar to a file PDFBox can read as often as it likes. */
    private static Path fontFile() {
        try (InputStream in = Brochures.class.getResourceAsStream("/fonts/LXGWWenKai-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the brochure font is missing from the build");
            }
            Path file = Files.createTempFile("parkatlas-font", ".ttf");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the brochure font cannot be read", e);
        }
    }
}
