package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.catalog.Label;
import org.parkatlas.editing.FeatureWriter;
import org.parkatlas.editing.WriteBatch;
import org.parkatlas.editing.WriteOperation;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a GeoJSON, GeoPackage, zipped Shapefile, FlatGeobuf, DXF or CSV file into one layer. The whole file is read first, then written through the one
 * write path in one transaction: the layer's rules check it as a whole (a parcel file as a coverage: overlaps between
 * its own parcels and with those that stay), every broken feature is reported with its JSON Pointer, and a bad
 * feature anywhere leaves the layer exactly as it was. Imported parcels get history entries. Progress is reported
 * while reading, which is where a large file spends its time.
 */
@Component
class FeatureImporter {

    private static final Logger log = LoggerFactory.getLogger(FeatureImporter.class);
    /** A drawing is read whole, as text: a park's CAD plan is a few MiB, and this keeps a huge one from the heap. */
    private static final long MAX_DXF_BYTES = 128L << 20;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Replace the layer's content, or add to it. */
    public enum Mode { REPLACE, APPEND }

    /** What an import did. */
    public record Result(String collection, String format, Mode mode, long imported, long featuresInCollection) {
    }

    /** Told how far reading has got (features read so far, and what is being read), and when writing begins. */
    public interface Progress {
        void update(long featuresRead, String what);

        /** The whole file is read and checked; its features now go to the store in one transaction. */
        default void writing(long features) {
        }
    }

    private final FeatureStore store;
    private final FeatureWriter writer;

    public FeatureImporter(FeatureStore store, FeatureWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** What an import may say besides the file: which table of a GeoPackage or zip, how a DXF maps to attributes. */
    public record Options(String table, DxfFeatureReader.Mapping dxf, Crs crs, boolean csv) {
        public static final Options NONE = new Options(null, DxfFeatureReader.Mapping.NONE, null, false);

        public Options(String table, DxfFeatureReader.Mapping dxf) {
            this(table, dxf, null, false);
        }
    }

    /**
     * @param table for a GeoPackage, the feature table to read (null: the one named like the layer, or the only one)
     */
    public Result importFile(Layer layer, Path file, Mode mode, String table, String actor, Progress progress)
            throws IOException {
        return importFile(layer, file, mode, new Options(table, DxfFeatureReader.Mapping.NONE), actor, progress);
    }

    /**
     * Reads the file in the format its first bytes say — GeoPackage (SQLite), zipped Shapefile, FlatGeobuf, ASCII
     * DXF, else GeoJSON — or as CSV when the options say so (a CSV has no signature), then writes it through the one
     * write path.
     */
    public Result importFile(Layer layer, Path file, Mode mode, Options options, String actor, Progress progress)
            throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(64);
        }
        String format = options.csv() ? "CSV" : formatOf(start);
        if (!layer.spatial() && !format.equals("CSV") && !format.equals("GeoJSON")) {
            throw new InvalidInputException("", Label.of(layer.id() + " 是没有几何的名录图层：请以 GeoJSON（geometry 为 null）"
                    + "或 CSV 导入，而不是 " + format, layer.id() + " is a catalogue without geometries: import it as "
                    + "GeoJSON (geometry null) or CSV, not " + format));
        }
        log.info("Importing {} {} into {} ({})", format, file.getFileName(), layer.id(), mode);
        java.util.function.LongConsumer read = n -> progress.update(n, format);
        List<Feature> features = switch (format) {
            case "GeoPackage" -> new GeoPackageFeatureReader(layer).read(file, options.table(), read);
            case "Shapefile" -> new ShapefileFeatureReader(layer).read(file, options.table(), read);
            case "FlatGeobuf" -> new FlatGeobufFeatureReader(layer).read(file, read);
            case "CSV" -> new CsvFeatureReader(layer, options.crs() == null ? Crs.CRS84 : options.crs()).read(file,
                    read);
            case "DXF" -> {
                if (Files.size(file) > MAX_DXF_BYTES) {
                    throw new InvalidInputException("", Label.of("DXF 文件超过 128 MiB：请只导出所需的图层再导入",
                            "the DXF is larger than 128 MiB: export only the layers needed and import that"));
                }
                yield new DxfFeatureReader(layer, options.dxf()).read(Files.readAllBytes(file), read);
            }
            default -> {
                try (InputStream in = Files.newInputStream(file)) {
                    yield new GeoJsonFeatureReader(layer, Crs.CRS84).readCollection(in, read);
                }
            }
        };
        List<Feature> identified = withIds(layer, features);
        progress.writing(identified.size());
        writer.write(actor, batch -> {
            batch.load(layer, identified, mode == Mode.REPLACE, WriteOperation.IMPORT, Label.of(
                    "由 " + format + " 文件导入", "imported from a " + format + " file"));
            return null;
        });
        features = identified;
        long total = store.count(layer, Filter.INCLUDE);
        log.info("Imported {} features into {}; it now holds {}", features.size(), layer.id(), total);
        return new Result(layer.id(), format, mode, features.size(), total);
    }

    private static String formatOf(byte[] start) {
        if (start.length >= SQLITE_MAGIC.length && Arrays.equals(Arrays.copyOf(start, SQLITE_MAGIC.length),
                SQLITE_MAGIC)) {
            return "GeoPackage";
        }
        if (ShapefileFeatureReader.isZip(start)) {
            return "Shapefile";
        }
        if (FlatGeobufFeatureReader.isFlatGeobuf(start)) {
            return "FlatGeobuf";
        }
        return DxfFeatureReader.isDxf(start) ? "DXF" : "GeoJSON";
    }

    /** Features the file gave no id get a new one; an id given twice is an error, not a silent overwrite. */
    private static List<Feature> withIds(Layer layer, List<Feature> features) {
        Map<String, Integer> seen = new HashMap<>();
        List<Feature> result = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            String id = feature.id() != null ? feature.id() : WriteBatch.newId(layer);
            Integer earlier = seen.put(id, i);
            if (earlier != null) {
                throw new InvalidInputException("/features/" + i + "/id", Label.of("编号“" + id + "”同时给了第 "
                        + earlier + " 个和第 " + i + " 个要素", "the id \"" + id + "\" is given to feature " + earlier
                        + " and feature " + i));
            }
            result.add(new Feature(id, feature.geometry(), feature.properties(), 0));
        }
        return result;
    }
}
