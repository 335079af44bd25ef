package org.parkatlas.exchange;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.GeometryKind;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.problem.InvalidInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads a CSV table into a layer, as ParkAtlas writes one and as a spreadsheet saves it: RFC 4180 (quoted cells, doubled
 * quotes, line breaks inside quotes), UTF-8 with or without a BOM (a file that is not UTF-8 is refused — Excel's
 * "CSV UTF-8" is what to save as), a header row naming the columns by attribute name or by its Chinese or English
 * label, the geometry as WKT in a {@code geometry} column or, for points, as {@code lon}/{@code lat} ({@code x}/{@code
 * y}). Cells are text and are read by the attribute's type: numbers, 是/否 or true/false, dates as 2027-06-30 or
 * 2027/6/30, lists of codes joined with ";". The {@code '} ParkAtlas puts before a cell a spreadsheet would run as a
 * formula is taken off again. Errors name the row (the file's line, the header being row 1) and the column.
 */
final class CsvFeatureReader {

    private final Layer layer;
    private final Crs crs;

    CsvFeatureReader(Layer layer, Crs crs) {
        this.layer = layer;
        this.crs = crs;
    }

    List<Feature> read(Path file, LongConsumer progress) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(
                            Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("", Label.of("CSV 文件不是 UTF-8 编码：请在 Excel 或 WPS 中另存为“CSV UTF-8”",
                    "the CSV is not UTF-8: save it from Excel or WPS as \"CSV UTF-8\""));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(new java.io.StringReader(text));
        if (rows.isEmpty()) {
            throw new InvalidInputException("", Label.of("CSV 文件没有表头行", "the CSV has no header row"));
        }
        List<String> header = rows.get(0);
        Columns columns = columns(header);
        FeatureAssembler assembler = FeatureAssembler.forXyCoordinates(layer, crs, Set.of());
        List<Feature> features = new ArrayList<>(rows.size());
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue; // a blank line, as spreadsheets leave at the end
            }
            String pointer = "/rows/" + (r + 1);
            if (row.size() != header.size()) {
                throw new InvalidInputException(pointer, Label.of("第 " + (r + 1) + " 行有 " + row.size() + " 个单元格，"
                        + "表头有 " + header.size() + " 列", "row " + (r + 1) + " has " + row.size() + " cells; the "
                        + "header has " + header.size() + " columns"));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<Integer, Attribute> column : columns.attributes().entrySet()) {
                String cell = unguarded(row.get(column.getKey()));
                Attribute attribute = column.getValue();
                values.put(attribute.name(), cell.isEmpty() ? null : value(attribute, cell, pointer + "/"
                        + attribute.name()));
            }
            String id = columns.id() == null ? null : blankToNull(row.get(columns.id()));
            features.add(assembler.assemble(pointer, id, geometry(columns, row, pointer), values));
            if (features.size() % 1000 == 0) {
                progress.accept(features.size());
            }
        }
        progress.accept(features.size());
        return features;
    }

    /** Which column is what: the id, the geometry (WKT, or x and y) and each attribute. */
    private record Columns(Integer id, Integer wkt, Integer x, Integer y, Map<Integer, Attribute> attributes) {
    }

    private Columns columns(List<String> header) {
        Integer id = null;
        Integer wkt = null;
        Integer x = null;
        Integer y = null;
        Map<Integer, Attribute> attributes = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            String key = name.toLowerCase(Locale.ROOT);
            switch (key) {
                case "id" -> id = c;
                case "geometry", "wkt", "geom" -> wkt = c;
                case "lon", "longitude", "x", "经度" -> x = c;
                case "lat", "latitude", "y", "纬度" -> y = c;
                default -> {
                    Attribute attribute = byNameOrLabel(name);
                    if (attribute == null) {
                        throw InvalidInputException.unprocessable("/rows/1/" + name, Label.of("列“" + name + "”不是图层 "
                                + layer.id() + " 的属性；列名用属性名或其中文、英文名称", "the column \"" + name
                                + "\" is not an attribute of " + layer.id() + "; name columns by attribute name or "
                                + "by its Chinese or English label"));
                    }
                    if (!layer.isDerived(attribute.name())) {
                        attributes.put(c, attribute); // derived columns of an export are worked out again
                    }
                }
            }
        }
        if (!layer.spatial()) {
            if (wkt != null || x != null || y != null) {
                throw new InvalidInputException("/rows/1", Label.of(layer.id() + " 是没有几何的名录图层：CSV 不应有 "
                        + "geometry 或 lon/lat 列", layer.id() + " is a catalogue without geometries: the CSV has no "
                        + "geometry or lon/lat column"));
            }
            return new Columns(id, null, null, null, attributes);
        }
        if (wkt == null && (x == null || y == null)) {
            throw new InvalidInputException("/rows/1", Label.of("CSV 需要 geometry 列（WKT），或点要素的 lon 与 lat 列",
                    "the CSV needs a geometry column (WKT), or lon and lat columns for points"));
        }
        if (wkt == null && layer.geometryKind() != GeometryKind.POINT) {
            throw new InvalidInputException("/rows/1", Label.of(layer.id() + " 的要素是" + (layer.geometryKind()
                    == GeometryKind.POLYGON ? "面" : "线") + "：需要 WKT 的 geometry 列，lon/lat 只能表示点",
                    layer.id() + " holds " + layer.geometryKind().geoJsonType() + "s: it needs a WKT geometry "
                            + "column; lon/lat give only a point"));
        }
        return new Columns(id, wkt, x, y, attributes);
    }

    private Attribute byNameOrLabel(String name) {
        List<Attribute> all = new ArrayList<>(layer.attributes());
        all.addAll(layer.derivedAttributes());
        for (Attribute attribute : all) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        for (Attribute attribute : all) {
            if (attribute.label().zh().equals(name) || attribute.label().en().equalsIgnoreCase(name)) {
                return attribute;
            }
        }
        return null;
    }

    private Geometry geometry(Columns columns, List<String> row, String pointer) {
        if (!layer.spatial()) {
            return null;
        }
        if (columns.wkt() != null) {
            String wkt = row.get(columns.wkt()).strip();
            if (wkt.isEmpty()) {
                return null; // the assembler says a feature needs one
            }
            try {
                return new WKTReader().read(wkt);
            } catch (ParseException | IllegalArgumentException e) {
                throw new InvalidInputException(pointer + "/geometry", Label.of("第 " + pointer.substring(6)
                        + " 行的 geometry 不是可读的 WKT", "the geometry in row " + pointer.substring(6)
                        + " is not WKT that can be read"));
            }
        }
        double x = coordinate(row.get(columns.x()), pointer + "/lon");
        double y = coordinate(row.get(columns.y()), pointer + "/lat");
        return new GeometryFactory().createPoint(new Coordinate(x, y));
    }

    private static double coordinate(String cell, String pointer) {
        try {
            double value = Double.parseDouble(cell.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(pointer, Label.of("“" + clip(cell) + "”不是坐标数值", "\"" + clip(cell)
                + "\" is not a coordinate"));
    }

    /** A cell's text as the value of its attribute's type; the assembler checks ranges and allowed values. */
    private static Object value(Attribute attribute, String cell, String pointer) {
        String text = cell.strip();
        switch (attribute.type()) {
            case INTEGER, NUMBER -> {
                try {
                    double number = Double.parseDouble(text);
                    if (attribute.type() == org.parkatlas.catalog.AttributeType.INTEGER && number == Math.rint(number)
                            && Math.abs(number) < 1e15) {
                        return (long) number;
                    }
                    return number;
                } catch (NumberFormatException e) {
                    throw InvalidInputException.unprocessable(pointer, Label.of("“" + attribute.name() + "”须为数值，"
                            + "而不是“" + clip(text) + "”", "\"" + attribute.name() + "\" must be a number, not \""
                            + clip(text) + "\""));
                }
            }
            case BOOLEAN -> {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "是", "yes", "y", "t" -> Boolean.TRUE;
                    case "false", "0", "否", "no", "n", "f" -> Boolean.FALSE;
                    default -> throw InvalidInputException.unprocessable(pointer, Label.of("“" + attribute.name()
                            + "”须为 是/否（true/false），而不是“" + clip(text) + "”", "\"" + attribute.name()
                            + "\" must be true or false (是/否), not \"" + clip(text) + "\""));
                };
            }
            case DATE -> {
                // Excel's own way of writing a date, 2027/6/30, as ISO
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})")
                        .matcher(text);
                return m.matches() ? String.format(Locale.ROOT, "%s-%02d-%02d", m.group(1),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))) : text;
            }
            default -> {
                return cell;
            }
        }
    }

    /** Takes off the quote ParkAtlas's CSV puts before a cell a spreadsheet would otherwise run as a formula. */
    private static String unguarded(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** RFC 4180: rows of cells; a quoted cell may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            in.reset();
                        }
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append((char) c);
            }
        }
        if (any || !cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
