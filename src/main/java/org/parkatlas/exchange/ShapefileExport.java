package org.parkatlas.exchange;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.CodeList;
import org.parkatlas.crs.CrsDefinitions;
import org.parkatlas.feature.Feature;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a download as a zipped Shapefile: {@code .shp}, {@code .shx}, {@code .dbf}, {@code .prj} (the CRS as
 * WKT) and {@code .cpg} (the code page: UTF-8, or GBK for older Chinese desktop GIS, which also sets the DBF's
 * language driver), plus a legend of the fields' full names and labels. Nothing is lost to the format's limits:
 * a text longer than a dBASE field's 254 bytes, or one with characters GBK cannot hold, is written clipped in the
 * DBF and whole in {@code <layer>.fulltext.json} (id → attribute → text), which ParkAtlas's reader puts back.
 */
final class ShapefileExport {

    static final String FULL_TEXT = ".fulltext.json";
    static final String LEGEND = ".fields.txt";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ShapefileExport() {
    }

    static void write(FileExport export, Charset charset, OutputStream target) throws IOException {
        ShapefileColumns names = new ShapefileColumns(export.layer());
        List<Attribute> attributes = export.attributes();
        List<Object[]> rows = new ArrayList<>(export.features().size());
        List<Geometry> geometries = new ArrayList<>(export.features().size());
        Map<String, Map<String, String>> fullText = new LinkedHashMap<>(); // id → attribute → the whole text
        var encoder = charset.newEncoder();
        int[] widths = new int[attributes.size() + 1];
        for (Feature feature : export.features()) {
            Object[] row = new Object[attributes.size() + 1];
            row[0] = feature.id();
            widths[0] = Math.max(widths[0], Dbf.byteLength(feature.id(), charset));
            for (int i = 0; i < attributes.size(); i++) {
                Attribute attribute = attributes.get(i);
                Object value = cell(feature.property(attribute.name()));
                row[i + 1] = value;
                if (value instanceof String text) {
                    int bytes = Dbf.byteLength(text, charset);
                    if (bytes > Dbf.MAX_TEXT_BYTES || !encoder.canEncode(text)) {
                        fullText.computeIfAbsent(feature.id(), k -> new LinkedHashMap<>()).put(attribute.name(), text);
                    }
                    widths[i + 1] = Math.max(widths[i + 1], Math.min(bytes, Dbf.MAX_TEXT_BYTES));
                } else if (value instanceof Long number) {
                    widths[i + 1] = Math.max(widths[i + 1], Long.toString(number).length());
                }
            }
            rows.add(row);
            geometries.add(export.geometryOf(feature));
        }
        List<Dbf.Field> fields = new ArrayList<>();
        fields.add(new Dbf.Field(ShapefileColumns.ID, 'C', Math.max(1, Math.min(widths[0], Dbf.MAX_TEXT_BYTES)), 0));
        for (int i = 0; i < attributes.size(); i++) {
            fields.add(field(names.shortName(attributes.get(i).name()), attributes.get(i), widths[i + 1]));
        }
        int shapeType = switch (export.layer().geometryKind()) {
            case POINT -> Shp.POINT;
            case LINESTRING -> Shp.POLYLINE;
            case POLYGON -> Shp.POLYGON;
            case NONE -> throw new IllegalStateException("refused before (FeatureFiles)");
        };
        Shp.Files shp = Shp.write(shapeType, geometries);
        String base = export.layer().id();
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            entry(zip, base + ".shp", shp.shp());
            entry(zip, base + ".shx", shp.shx());
            entry(zip, base + ".dbf", Dbf.write(fields, rows, charset));
            entry(zip, base + ".prj", CrsDefinitions.ogcWkt(export.crs().srid()).orElseThrow(() ->
                    new IllegalStateException("no WKT for " + export.crs().uri())).getBytes(StandardCharsets.US_ASCII));
            entry(zip, base + ".cpg", charset.name().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            entry(zip, base + LEGEND, ("\uFEFF" + names.legend(attributes)).getBytes(StandardCharsets.UTF_8));
            if (!fullText.isEmpty()) {
                entry(zip, base + FULL_TEXT, JSON.writeValueAsBytes(fullText));
            }
        }
    }

    private static Object cell(Object value) {
        if (value instanceof List<?> codes) {
            return codes.isEmpty() ? null : CodeList.toText(codes);
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        return value;
    }

    private static Dbf.Field field(String name, Attribute attribute, int width) {
        return switch (attribute.type()) {
            case STRING, CODE_LIST -> new Dbf.Field(name, 'C', Math.max(1, width), 0);
            case INTEGER -> new Dbf.Field(name, 'N', Math.max(1, Math.min(20, width)), 0);
            case NUMBER -> new Dbf.Field(name, 'N', 24, 15);
            case BOOLEAN -> new Dbf.Field(name, 'L', 1, 0);
            case DATE -> new Dbf.Field(name, 'D', 8, 0);
        };
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
