package org.parkatlas.exchange;

import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
import java.util.UUID;

/**
 * Imports a GeoJSON or GeoPackage file into one layer. The whole file is read and checked first; then it is written
 * in one transaction, so a bad feature half-way leaves the layer exactly as it was. Progress is reported while
 * reading, which is where a large file spends its time.
 */
@Component
public class FeatureImporter {

    private static final Logger log = LoggerFactory.getLogger(FeatureImporter.class);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Replace the layer's content, or add to it. */
    public enum Mode { REPLACE, APPEND }

    /** What an import did. */
    public record Result(String collection, String format, Mode mode, long imported, long featuresInCollection) {
    }

    /** Told how far reading has got: features read so far, and what is being read. */
    public interface Progress {
        void update(long featuresRead, String what);
    }

    private final FeatureStore store;
    private final ApplicationEventPublisher events;

    public FeatureImporter(FeatureStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * @param table for a GeoPackage, the feature table to read (null: the one named like the layer, or the only one)
     */
    public Result importFile(Layer layer, Path file, Mode mode, String table, Progress progress) throws IOException {
        boolean geoPackage = isGeoPackage(file);
        String format = geoPackage ? "GeoPackage" : "GeoJSON";
        log.info("Importing {} {} into {} ({})", format, file.getFileName(), layer.id(), mode);
        List<Feature> features;
        if (geoPackage) {
            features = new GeoPackageFeatureReader(layer).read(file, table, n -> progress.update(n, format));
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                features = new GeoJsonFeatureReader(layer, Crs.CRS84).readCollection(in,
                        n -> progress.update(n, format));
            }
        }
        features = withIds(layer, features);
        if (mode == Mode.REPLACE) {
            store.replace(Map.of(layer, features));
        } else {
            store.insert(layer, features);
        }
        events.publishEvent(new LayerChanged(layer.id()));
        long total = store.count(layer, Filter.INCLUDE);
        log.info("Imported {} features into {}; it now holds {}", features.size(), layer.id(), total);
        return new Result(layer.id(), format, mode, features.size(), total);
    }

    private static boolean isGeoPackage(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    /** Features the file gave no id get a new one; an id given twice is an error, not a silent overwrite. */
    private static List<Feature> withIds(Layer layer, List<Feature> features) {
        Map<String, Integer> seen = new HashMap<>();
        List<Feature> result = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            String id = feature.id() != null ? feature.id() : newId(layer);
            Integer earlier = seen.put(id, i);
            if (earlier != null) {
                throw new InvalidInputException("/features/" + i + "/id", "the id \"" + id + "\" is given to feature "
                        + earlier + " and feature " + i);
            }
            result.add(new Feature(id, feature.geometry(), feature.properties(), 0));
        }
        return result;
    }

    /** A new feature id: the layer's singular prefix and a random suffix, unique without asking the database. */
    public static String newId(Layer layer) {
        return layer.id() + "-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
