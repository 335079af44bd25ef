package org.parkatlas.exchange;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.feature.Feature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a download as an ASCII DXF for the planning bureau's CAD work: AutoCAD R12 entities (read by every CAD
 * package and by GDAL's DXF driver), coordinates in EPSG:4546 metres ({@code $INSUNITS} 6), text in the Chinese
 * code page ({@code $DWGCODEPAGE} ANSI_936, i.e. GBK; a character outside it written as {@code \U+XXXX}).
 *
 * <p>The collection is one DXF layer of closed polylines (a ring each: outer boundaries and holes), open
 * polylines or points, and its labels (the code, else the name) are a second layer {@code <id>-labels} of centred
 * TEXT. Each shape carries its id and attributes as XDATA of the registered application {@code PARKATLAS}, as
 * ASCII JSON in 1000-group chunks: CAD ignores it and keeps it through edits, and ParkAtlas's DXF import reads it
 * back, so a drawing that went out and came back keeps every parcel's identity.
 *
 * <p>No maintained Java DXF library resolves from Maven Central (checked 2026-12: Kabeja and jsevy's jdxf are
 * not on Central; {@code com.xhiteam.dxf:dxf} has a single 1.0.0 release; {@code com.breiler.jcsg:jcsg-dxf} exports
 * 3D CSG solids; {@code net.databinder.spde:processing-dxf} dates from 2009), so this writer and
 * {@link DxfFeatureReader} handle the ASCII entities themselves.
 */
final class DxfExport {

    static final String APPLICATION = "PARKATLAS";
    /** Characters of JSON per XDATA string: far under the 255 bytes a 1000 group holds. */
    static final int CHUNK = 200;

    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final Writer out;
    private final CharsetEncoder gbk;

    private DxfExport(Writer out, Charset charset) {
        this.out = out;
        this.gbk = charset.newEncoder();
    }

    /** The export's features must be in EPSG:4546 ({@link FileExport#crs()}). */
    static void write(FileExport export, OutputStream target) throws IOException {
        Charset charset = Charset.forName("GBK");
        Writer writer = new OutputStreamWriter(target, charset);
        new DxfExport(writer, charset).document(export);
        writer.flush();
    }

    private void document(FileExport export) throws IOException {
        String layer = export.layer().id();
        String labels = layer + "-labels";
        Envelope extent = new Envelope();
        for (Feature feature : export.features()) {
            extent.expandToInclude(export.geometryOf(feature).getEnvelopeInternal());
        }
        if (extent.isNull()) {
            extent.expandToInclude(0, 0);
        }
        section("HEADER");
        variable("$ACADVER", 1, "AC1009");
        variable("$DWGCODEPAGE", 3, "ANSI_936");
        pair(9, "$INSUNITS");
        pair(70, "6");
        pair(9, "$EXTMIN");
        point(extent.getMinX(), extent.getMinY());
        pair(9, "$EXTMAX");
        point(extent.getMaxX(), extent.getMaxY());
        endSection();

        section("TABLES");
        pair(0, "TABLE");
        pair(2, "LTYPE");
        pair(70, "1");
        pair(0, "LTYPE");
        pair(2, "CONTINUOUS");
        pair(70, "0");
        pair(3, "Solid line");
        pair(72, "65");
        pair(73, "0");
        pair(40, "0.0");
        pair(0, "ENDTAB");
        pair(0, "TABLE");
        pair(2, "LAYER");
        pair(70, "2");
        layerEntry(layer, colour(export.layer().id()));
        layerEntry(labels, 7);
        pair(0, "ENDTAB");
        pair(0, "TABLE");
        pair(2, "APPID");
        pair(70, "1");
        pair(0, "APPID");
        pair(2, APPLICATION);
        pair(70, "0");
        pair(0, "ENDTAB");
        endSection();

        section("ENTITIES");
        for (Feature feature : export.features()) {
            Geometry geometry = export.geometryOf(feature);
            String xdata = xdata(feature, export.attributes());
            shapes(layer, geometry, xdata, feature.id());
            String label = label(feature);
            if (label != null) {
                text(labels, geometry, label);
            }
        }
        endSection();
        pair(0, "EOF");
    }

    private void shapes(String layer, Geometry geometry, String xdata, String id) throws IOException {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                polyline(layer, polygon.getExteriorRing().getCoordinates(), true, xdata);
                String hole = holeData(id);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    polyline(layer, polygon.getInteriorRingN(h).getCoordinates(), true, hole);
                }
            } else if (part instanceof LineString line) {
                polyline(layer, line.getCoordinates(), false, xdata);
            } else if (part instanceof Point p) {
                pair(0, "POINT");
                pair(8, layer);
                point(p.getX(), p.getY());
                xdata(xdata);
            }
            xdata = ASCII_JSON.writeValueAsString(Map.of("id", id, "part", true)); // a multi-part feature's others
        }
    }

    private void polyline(String layer, Coordinate[] points, boolean closed, String xdata) throws IOException {
        pair(0, "POLYLINE");
        pair(8, layer);
        pair(66, "1");
        pair(10, "0.0");
        pair(20, "0.0");
        pair(30, "0.0");
        pair(70, closed ? "1" : "0");
        xdata(xdata);
        int count = closed && points.length > 1 && points[0].equals2D(points[points.length - 1]) ? points.length - 1
                : points.length; // a closed polyline does not repeat its first vertex
        for (int i = 0; i < count; i++) {
            pair(0, "VERTEX");
            pair(8, layer);
            point(points[i].x, points[i].y);
        }
        pair(0, "SEQEND");
        pair(8, layer);
    }

    private void text(String layer, Geometry geometry, String label) throws IOException {
        Point at = geometry.getInteriorPoint();
        Envelope box = geometry.getEnvelopeInternal();
        double size = Math.max(box.getWidth(), box.getHeight());
        double height = Math.max(2, Math.min(20, size / 15));
        pair(0, "TEXT");
        pair(8, layer);
        point(at.getX(), at.getY());
        pair(40, number(height));
        pair(1, escaped(label));
        pair(72, "1"); // centred …
        pair(73, "2"); // … on its middle
        pair(11, number(at.getX()));
        pair(21, number(at.getY()));
        pair(31, "0.0");
    }

    /** The id and attributes as JSON, ASCII only (non-ASCII as \\u escapes) so no code page can spoil it. */
    private static String xdata(Feature feature, List<Attribute> attributes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", feature.id());
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            Object value = feature.property(attribute.name());
            if (value != null) {
                properties.put(attribute.name(), value instanceof java.time.LocalDate d ? d.toString() : value);
            }
        }
        data.put("properties", properties);
        return ASCII_JSON.writeValueAsString(data);
    }

    private static String holeData(String id) {
        return ASCII_JSON.writeValueAsString(Map.of("id", id, "hole", true));
    }

    private void xdata(String json) throws IOException {
        pair(1001, APPLICATION);
        for (int i = 0; i < json.length(); i += CHUNK) {
            pair(1000, json.substring(i, Math.min(json.length(), i + CHUNK)));
        }
    }

    private static String label(Feature feature) {
        for (String name : List.of("code", "name")) {
            Object value = feature.property(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }

    /** A text in the drawing's code page; what GBK cannot hold as AutoCAD's \U+XXXX; no line breaks. */
    private String escaped(String text) {
        StringBuilder result = new StringBuilder();
        text.codePoints().forEach(c -> {
            String ch = new String(Character.toChars(c));
            if (c == '\n' || c == '\r') {
                result.append(' ');
            } else if (c < 0x10000 && gbk.canEncode(ch) && c != '\\') {
                result.append(ch);
            } else if (c == '\\') {
                result.append("\\\\");
            } else {
                for (char unit : Character.toChars(c)) {
                    result.append(String.format(Locale.ROOT, "\\U+%04X", (int) unit));
                }
            }
        });
        return result.toString();
    }

    /** ACI colours: zones and parks in broad hues, parcels cyan, roads red, lines by layer. */
    private static int colour(String layer) {
        return switch (layer) {
            case "parcels" -> 4;
            case "roads" -> 1;
            case "utility-lines" -> 3;
            case "zones", "industrial-parks" -> 5;
            case "factory-buildings" -> 6;
            default -> 2;
        };
    }

    private void layerEntry(String name, int colour) throws IOException {
        pair(0, "LAYER");
        pair(2, name);
        pair(70, "0");
        pair(62, String.valueOf(colour));
        pair(6, "CONTINUOUS");
    }

    private void section(String name) throws IOException {
        pair(0, "SECTION");
        pair(2, name);
    }

    private void endSection() throws IOException {
        pair(0, "ENDSEC");
    }

    private void variable(String name, int code, String value) throws IOException {
        pair(9, name);
        pair(code, value);
    }

    private void point(double x, double y) throws IOException {
        pair(10, number(x));
        pair(20, number(y));
        pair(30, "0.0");
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", ".0") : text;
    }

    private void pair(int code, String value) throws IOException {
        out.write(String.format(Locale.ROOT, "%3d", code));
        out.write("\r\n");
        out.write(value);
        out.write("\r\n");
    }
}
