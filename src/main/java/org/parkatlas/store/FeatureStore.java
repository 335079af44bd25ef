package org.parkatlas.store;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Layer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeaturePage;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Filter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The feature store port, in the shape of GeoTools' {@code DataStore}/{@code FeatureStore}: every read and write of
 * park layers goes through it, whichever database is behind. Geometries go in and come out in the layer's storage
 * CRS. Each write method joins the caller's transaction, or is one of its own when there is none; only the one write
 * path ({@code editing.FeatureWriter}) calls them (ArchitectureTest checks it), and readers go through a layer's
 * {@link FeatureSource}.
 */
public interface FeatureStore {

    /**
     * Whether the store runs the filter natively (GeoTools' filter capabilities). Queries take only such filters;
     * a layer's {@link FeatureSource} splits a filter and evaluates the rest itself.
     */
    boolean supports(Filter filter);

    /** The features that match the query, one page of them, in a stable order. */
    FeaturePage query(Layer layer, FeatureQuery query);

    /**
     * Hands the features that match the query to {@code sink} one at a time as they are read from a database
     * cursor, so a large answer never sits in memory whole. Returns how many were handed over.
     */
    long stream(Layer layer, FeatureQuery query, Consumer<Feature> sink);

    Optional<Feature> get(Layer layer, String id);

    long count(Layer layer, Filter filter);

    /** How many features match, and the sum of the numeric stored attribute {@code column} over them. */
    Tally tally(Layer layer, Filter filter, String column);

    record Tally(long count, double sum) {
    }

    /**
     * The features matching a native filter, grouped by stored attributes: per group its key values (null for no
     * value), how many, the sum of {@code area} (0 without one), and for each of {@code numbers} how many have a
     * value and their sum, minimum and maximum — what SQL's GROUP BY gives, in one query.
     */
    List<GroupRow> aggregate(Layer layer, Filter filter, List<String> groupBy, List<String> numbers, String area);

    record GroupRow(List<Object> keys, long count, double area, long[] counts, double[] sums, double[] mins,
                    double[] maxs) {
    }

    /**
     * One layer of a Mapbox Vector Tile built by the database ({@code ST_AsMVT} over {@code ST_AsMVTGeom}), or empty
     * where the database does not build tiles. The features are those whose geometry meets {@code area} (in the
     * layer's storage CRS); {@code tile} is the tile's extent in EPSG:3857; {@code columns} the stored attributes to
     * tag each feature with (besides {@code id}). An empty array when no feature falls in the tile.
     */
    Optional<byte[]> vectorTile(Layer layer, List<String> columns, Envelope tile, Geometry area, int extent,
                                int buffer);

    /** The bounds of all of the layer's geometries, empty when the layer has none. */
    Optional<Envelope> bounds(Layer layer);

    /** Adds one feature with its id; answers it as stored (version 1). A taken id is a {@code DuplicateKeyException}. */
    Feature create(Layer layer, Feature feature);

    /**
     * Replaces a feature's geometry and attributes. With {@code expectedVersion} set, only if the stored feature is
     * still at that version ({@link StaleVersionException} otherwise). Empty when there is no such feature.
     */
    Optional<Feature> update(Layer layer, Feature feature, Long expectedVersion);

    /** Removes a feature, with the same version check; false when there is no such feature. */
    boolean delete(Layer layer, String id, Long expectedVersion);

    /** Adds features with their given ids (and versions, where they have one; 1 otherwise), all or none. */
    void insert(Layer layer, List<Feature> features);

    /**
     * Replaces the whole content of each given layer with its features, all layers in one transaction: a failure
     * half-way leaves every table as it was (used by seeding and imports).
     */
    void replace(Map<Layer, List<Feature>> content);

    /**
     * Takes the park's write lock until the current transaction ends, waiting while another writer holds it: every
     * write takes it first, so writers take turns and the rules each one checks see what the one before wrote. Only
     * inside a transaction.
     */
    void lockForWrite();

    /** What this store's database is, e.g. {@code h2gis} or {@code postgis}. */
    String dialectName();
}
