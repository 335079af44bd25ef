package org.parkatlas.exchange;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsDefinitions;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.feature.Feature;
import org.parkatlas.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a zipped Shapefile into a layer. The text encoding is the {@code .cpg}'s when there is one, else the code
 * page the DBF's language driver names, else GBK — what Chinese shapefiles without either were almost always
 * written in (and a superset of ASCII). The CRS comes from the {@code .prj}; without one nothing is guessed.
 * Fields are matched to attributes by their dBASE names ({@link ShapefileColumns}) or full names; the fields desktop
 * GIS adds on its own ({@code OBJECTID}, {@code Shape_Leng}, {@code Shape_Area}) are skipped, any other unknown one
 * is an error rather than a column silently dropped. A {@code .fulltext.json} beside it restores texts that were
 * clipped to fit.
 */
final class ShapefileFeatureReader {

    /** Fields ArcGIS, QGIS and MapGIS add to every table, which hold nothing of the park's. */
    private static final Set<String> BOOKKEEPING = Set.of("objectid", "fid", "shape_leng", "shape_area", "shape_len",
            "shape_length");
    /** No single file of a zip is read beyond this, whatever its header claims. */
    private static final long MAX_ENTRY_BYTES = 256L << 20;

    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final Layer layer;

    ShapefileFeatureReader(Layer layer) {
        this.layer = layer;
    }

    /** True when the file is a zip archive (the only way a shapefile travels in one request body). */
    static boolean isZip(byte[] start) {
        return start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
    }

    /**
     * @param table the shapefile in the zip to read (its name without {@code .shp}), or null for the one named like
     *              the layer, or the only one
     */
    List<Feature> read(Path file, String table, LongConsumer progress) throws IOException {
        try (ZipFile zip = open(file)) {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    entries.put(entry.getName().toLowerCase(Locale.ROOT), entry);
                }
            }
            String base = chooseShapefile(entries, table);
            String name = base.contains("/") ? base.substring(base.lastIndexOf('/') + 1) : base;
            byte[] shp = bytes(zip, entries.get(base + ".shp"));
            ZipEntry dbfEntry = entries.get(base + ".dbf");
            if (dbfEntry == null) {
                throw new InvalidInputException("/" + name + ".dbf", Label.of("压缩包中缺少 " + name
                        + ".dbf（属性表）", "the zip has no " + name + ".dbf (the attribute table)"));
            }
            ZipEntry prjEntry = entries.get(base + ".prj");
            if (prjEntry == null) {
                throw new InvalidInputException("/" + name + ".prj", Label.of("压缩包中缺少 " + name
                        + ".prj：坐标系不明，无法导入；请附上 .prj（支持 " + supported() + "）", "the zip has no " + name
                        + ".prj: without its coordinate system the file cannot be placed; add the .prj (supported: "
                        + supported() + ")"));
            }
            String prj = new String(bytes(zip, prjEntry), StandardCharsets.ISO_8859_1);
            Crs crs = CrsDefinitions.recognise(prj).orElseThrow(() -> new InvalidInputException("/" + name + ".prj",
                    Label.of(name + ".prj 的坐标系不受支持；支持 " + supported(), "the coordinate system in " + name
                            + ".prj is not supported; use one of " + supported())));
            byte[] dbfBytes = bytes(zip, dbfEntry);
            ZipEntry cpg = entries.get(base + ".cpg");
            Charset charset = charset(cpg == null ? null : new String(bytes(zip, cpg), StandardCharsets.ISO_8859_1),
                    dbfBytes, name);

            List<Geometry> geometries;
            Dbf.Table dbf;
            try {
                geometries = Shp.read(shp, new GeometryFactory());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("/" + name + ".shp", Label.of(name + ".shp 无法读取：" + e.getMessage(),
                        name + ".shp cannot be read: " + e.getMessage()));
            }
            try {
                dbf = Dbf.read(dbfBytes, charset);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("/" + name + ".dbf", Label.of(name + ".dbf 无法读取：" + e.getMessage(),
                        name + ".dbf cannot be read: " + e.getMessage()));
            }
            if (dbf.rows().size() != geometries.size()) {
                throw new InvalidInputException("/" + name + ".dbf", Label.of(name + ".shp 有 " + geometries.size()
                        + " 个图形而 " + name + ".dbf 有 " + dbf.rows().size() + " 行，二者须一一对应",
                        name + ".shp has " + geometries.size() + " shapes but " + name + ".dbf has "
                                + dbf.rows().size() + " rows; they must match one to one"));
            }
            ZipEntry full = entries.get(base + ShapefileExport.FULL_TEXT);
            Map<String, Map<String, String>> fullText = full == null ? Map.of() : fullText(bytes(zip, full), name);
            return assemble(name, crs, geometries, dbf, fullText, progress);
        }
    }

    private List<Feature> assemble(String name, Crs crs, List<Geometry> geometries, Dbf.Table dbf,
                                   Map<String, Map<String, String>> fullText, LongConsumer progress) {
        ShapefileColumns columns = new ShapefileColumns(layer);
        List<String> attributeOf = new ArrayList<>();
        for (Dbf.Field field : dbf.fields()) {
            String attribute = columns.nameOf(field.name()).orElse(null);
            if (attribute == null && !BOOKKEEPING.contains(field.name().toLowerCase(Locale.ROOT))) {
                throw InvalidInputException.unprocessable("/" + name + ".dbf/" + field.name(), Label.of("字段“"
                        + field.name() + "”不是图层 " + layer.id() + " 的属性；请改名或删除该字段（字段与属性的对照见导出包中的 "
                        + layer.id() + ShapefileExport.LEGEND + "）", "the field \"" + field.name()
                        + "\" is not an attribute of " + layer.id() + "; rename or remove it (an export's "
                        + layer.id() + ShapefileExport.LEGEND + " lists which field is which)"));
            }
            attributeOf.add(attribute);
        }
        FeatureAssembler assembler = FeatureAssembler.forXyCoordinates(layer, crs, Set.of(ShapefileColumns.ID));
        List<Feature> features = new ArrayList<>(geometries.size());
        for (int r = 0; r < geometries.size(); r++) {
            Object[] row = dbf.rows().get(r);
            Map<String, Object> values = new LinkedHashMap<>();
            String id = null;
            for (int f = 0; f < row.length; f++) {
                String attribute = attributeOf.get(f);
                if (attribute == null) {
                    continue;
                }
                if (attribute.equals(ShapefileColumns.ID)) {
                    id = row[f] == null ? null : row[f].toString();
                } else {
                    values.put(attribute, row[f]);
                }
            }
            Map<String, String> whole = id == null ? null : fullText.get(id);
            if (whole != null) {
                values.putAll(whole);
            }
            features.add(assembler.assemble("/" + name + "/" + r, id, geometries.get(r), values));
            if (features.size() % 1000 == 0) {
                progress.accept(features.size());
            }
        }
        progress.accept(features.size());
        return features;
    }

    private String chooseShapefile(Map<String, ZipEntry> entries, String table) {
        List<String> bases = entries.keySet().stream().filter(n -> n.endsWith(".shp"))
                .map(n -> n.substring(0, n.length() - 4)).toList();
        List<String> names = bases.stream().map(b -> b.contains("/") ? b.substring(b.lastIndexOf('/') + 1) : b)
                .toList();
        if (bases.isEmpty()) {
            throw new InvalidInputException("", Label.of("压缩包中没有 .shp 文件", "the zip holds no .shp file"));
        }
        if (table != null) {
            int at = names.indexOf(table.toLowerCase(Locale.ROOT));
            if (at < 0) {
                throw new InvalidInputException("/" + table, Label.of("压缩包中没有“" + table + ".shp”；现有："
                        + String.join("、", names), "the zip has no \"" + table + ".shp\"; it has "
                        + String.join(", ", names)));
            }
            return bases.get(at);
        }
        for (String wanted : List.of(layer.id(), layer.tableName())) {
            int at = names.indexOf(wanted);
            if (at >= 0) {
                return bases.get(at);
            }
        }
        if (bases.size() == 1) {
            return bases.get(0);
        }
        throw new InvalidInputException("", Label.of("压缩包中有多个 Shapefile（" + String.join("、", names)
                + "）：请用 table 参数指定一个", "the zip holds several shapefiles (" + String.join(", ", names)
                + "): name one with the table parameter"));
    }

    /** The .cpg's code page (its name or Windows number), else the language driver's, else GBK. */
    static Charset charset(String cpg, byte[] dbf, String name) {
        if (cpg != null && !cpg.isBlank()) {
            String code = cpg.trim().toUpperCase(Locale.ROOT).replace("ANSI ", "").replace("CP", "");
            String charsetName = switch (code) {
                case "65001", "UTF8", "UTF-8" -> "UTF-8";
                case "936", "GBK", "GB2312", "GB18030" -> code.equals("GB18030") ? "GB18030" : "GBK";
                case "950", "BIG5" -> "Big5";
                case "1252" -> "windows-1252";
                case "437" -> "IBM437";
                default -> cpg.trim();
            };
            try {
                return Charset.forName(charsetName);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new InvalidInputException("/" + name + ".cpg", Label.of(name + ".cpg 中的编码“" + cpg.trim()
                        + "”无法识别；请写 UTF-8 或 GBK", "the encoding \"" + cpg.trim() + "\" in " + name
                        + ".cpg is not known; write UTF-8 or GBK"));
            }
        }
        Charset driver = dbf.length > 29 ? Dbf.languageDriverCharset(Byte.toUnsignedInt(dbf[29])) : null;
        return driver != null ? driver : Charset.forName("GBK");
    }

    private static Map<String, Map<String, String>> fullText(byte[] json, String name) {
        try {
            return JSON.readValue(json, new tools.jackson.core.type.TypeReference<Map<String, Map<String, String>>>() {
            });
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidInputException("/" + name + ShapefileExport.FULL_TEXT, Label.of(name
                    + ShapefileExport.FULL_TEXT + " 不是 {编号: {属性: 全文}} 形式的 JSON", name + ShapefileExport.FULL_TEXT
                    + " is not JSON of the form {id: {attribute: text}}"));
        }
    }

    private static ZipFile open(Path file) {
        for (Charset names : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            ZipFile zip = null;
            try {
                zip = new ZipFile(file.toFile(), names);
                zip.stream().count(); // names undecodable in this charset fail here
                return zip;
            } catch (IllegalArgumentException e) {
                closeQuietly(zip); // file names in the other encoding: try it
            } catch (IOException e) {
                closeQuietly(zip);
                break;
            }
        }
        throw new InvalidInputException("", Label.of("该文件不是可以打开的 zip 压缩包", "the file is not a zip archive that can be opened"));
    }

    private static void closeQuietly(ZipFile zip) {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException e) {
                // nothing was read from it
            }
        }
    }

    private static byte[] bytes(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
            if (in.read() >= 0) {
                throw new InvalidInputException("/" + entry.getName(), Label.of(entry.getName() + " 解压后超过 256 MiB",
                        entry.getName() + " is larger than 256 MiB unzipped"));
            }
            return bytes;
        } catch (ZipException e) {
            throw new InvalidInputException("/" + entry.getName(), Label.of("压缩包中的 " + entry.getName() + " 已损坏",
                    entry.getName() + " in the zip is damaged"));
        }
    }

    private static String supported() {
        return String.join(", ", CrsRegistry.supported().stream().map(Crs::label).distinct().toList());
    }
}
