package org.parkatlas.tiles;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.CodeList;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Expression;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.DataVersion;
import org.parkatlas.store.FeatureSources;
import org.parkatlas.store.FeatureStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vector tiles of one layer or of several (the whole park as one tileset): a layer with derived attributes (parcels:
 * their readiness) read through the layers' one read path and encoded here, one with none built by the database
 * where it builds tiles (PostGIS); staff-only attributes in staff's tiles only either way. Kept
 * per state of the data: every write anywhere ({@link LayerChanged}) starts a new data version, which is in each
 * tile's ETag, so an edited parcel is in the very next tile asked for (martin's users' most common complaint is
 * tiles stale after an edit). The date is in the key too, since readiness is "as of today".
 */
@Service
public class TileService {

    /** A built tile: its bytes (none when no feature falls in it) and the ETag that names this state of it. */
    public record Tile(byte[] bytes, String etag) {
        public boolean empty() {
            return bytes.length == 0;
        }
    }

    /** Tiles kept in memory; a tile of the sample park is a few kB, of a 100 000-parcel park up to a few hundred. */
    private static final int CACHE_TILES = 2048;

    private final FeatureSources sources;
    private final FeatureStore store;
    private final Clock clock;
    private final DataVersion version;
    private final Map<String, Tile> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tile> eldest) {
            return size() > CACHE_TILES;
        }
    };
    private final Map<String, Optional<Envelope>> bounds = new java.util.concurrent.ConcurrentHashMap<>();

    public TileService(FeatureSources sources, FeatureStore store, DataVersion version, Clock clock) {
        this.sources = sources;
        this.store = store;
        this.version = version;
        this.clock = clock;
    }

    /** Tiles of an earlier state of the data can no longer be asked for (their key names it): let them go. */
    @EventListener
    void on(LayerChanged change) {
        bounds.clear();
        synchronized (cache) {
            cache.clear();
        }
    }

    /**
     * The ETag a tile has now, known before it is built (for {@code If-None-Match}); weak, so that the tile can go
     * gzipped (Tomcat compresses nothing that has a strong one).
     *
     * @param tileset the layers' ids, for the key
     */
    public String etag(String tileset, int z, int y, int x, Audience audience) {
        return "W/\"tile-" + version.current() + "-" + LocalDate.now(clock) + "-" + audience.name().toLowerCase() + "-"
                + Integer.toHexString((tileset + "/" + z + "/" + y + "/" + x).hashCode()) + "\"";
    }

    /** The tile {@code z/y/x} of WebMercatorQuad with one MVT layer per layer given, named by its id. */
    public Tile tile(String tileset, List<Layer> layers, int z, int y, int x, Audience audience) {
        return tile(tileset, layers, z, y, x, audience, null);
    }

    /**
     * The tile with only some properties as tags ({@code null}: every one the reader sees; the id always) — what a
     * map that only draws needs, a fraction of the bytes. {@code tileset} must name the choice (it keys the cache).
     */
    public Tile tile(String tileset, List<Layer> layers, int z, int y, int x, Audience audience,
                     List<String> properties) {
        return tile(tileset, layers, z, y, x, audience, properties, null);
    }

    /**
     * The same inside a what-if scenario (its parcels' readiness as the scenario has it); {@code tileset} must then
     * name the scenario too.
     */
    public Tile tile(String tileset, List<Layer> layers, int z, int y, int x, Audience audience,
                     List<String> properties, String scenario) {
        if (!WebMercatorQuad.exists(z, y, x)) {
            throw new IllegalArgumentException("no tile " + z + "/" + y + "/" + x + " in " + WebMercatorQuad.ID);
        }
        String etag = etag(tileset, z, y, x, audience);
        synchronized (cache) {
            Tile kept = cache.get(etag);
            if (kept != null) {
                return kept;
            }
        }
        Envelope envelope = WebMercatorQuad.envelope(z, y, x);
        TileEncoder encoder = new TileEncoder(envelope);
        ReadContext context = new ReadContext(LocalDate.now(clock), audience, scenario);
        java.io.ByteArrayOutputStream byDatabase = new java.io.ByteArrayOutputStream();
        for (Layer layer : layers) {
            Optional<Geometry> area = area(layer, encoder.clip());
            if (area.isEmpty()) {
                continue; // nothing of this layer here: no query at all
            }
            // a layer with nothing derived is built by the database where it can (PostGIS's ST_AsMVT); a tile's
            // layers are concatenated protobuf messages, so its bytes join the Java-encoded ones as they are
            if (layer.derivedAttributes().isEmpty()) {
                Optional<byte[]> built = store.vectorTile(layer, layer.attributesFor(audience).stream()
                                .map(org.parkatlas.catalog.Attribute::name)
                                .filter(name -> properties == null || properties.contains(name)).toList(),
                        envelope, area.get(),
                        TileEncoder.EXTENT, TileEncoder.BUFFER);
                if (built.isPresent()) {
                    byDatabase.writeBytes(built.get());
                    continue;
                }
            }
            encoder.layer(layer.id(), members(sources.of(layer), area.get(), context, properties));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(encoder.encode());
        bytes.writeBytes(byDatabase.toByteArray());
        Tile built = new Tile(bytes.toByteArray(), etag);
        synchronized (cache) {
            cache.put(etag, built);
        }
        return built;
    }

    /**
     * The part of the tile (with its buffer) a layer can have features in, in the layer's storage CRS; empty when the
     * layer lies elsewhere. Cut to the layer's extent first: a world-sized tile does not fit EPSG:4546.
     */
    private Optional<Geometry> area(Layer layer, Envelope clip) {
        Crs storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        Optional<Envelope> extent = bounds.computeIfAbsent(layer.id(), id -> store.bounds(layer)
                .map(b -> Reprojector.transform(new GeometryFactory().toGeometry(b), storage, Crs.WEB_MERCATOR)
                        .getEnvelopeInternal()));
        if (extent.isEmpty() || !extent.get().intersects(clip)) {
            return Optional.empty();
        }
        Envelope wanted = clip.intersection(extent.get());
        wanted.expandBy(Math.max(1, wanted.getWidth() * 0.01));
        Geometry area = Densifier.densify(new GeometryFactory().toGeometry(wanted), Math.max(wanted.getWidth(),
                wanted.getHeight()) / 16);
        return Optional.of(Reprojector.transform(area, Crs.WEB_MERCATOR, storage));
    }

    /** The features of a layer that meet {@code area}, in EPSG:3857, with their tags. */
    private List<Map.Entry<Geometry, Map<String, Object>>> members(FeatureSource source, Geometry area,
                                                                   ReadContext context, List<String> properties) {
        Layer layer = source.layer();
        Crs storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        List<Map.Entry<Geometry, Map<String, Object>>> members = new ArrayList<>();
        Filter touching = new Filter.Spatial(Filter.SpatialOperator.S_INTERSECTS,
                new Expression.Property(Expression.Property.GEOMETRY), new Expression.GeometryLiteral(area));
        FeatureQuery query = FeatureQuery.filtered(touching);
        if (properties != null) {
            query = new FeatureQuery(query.filter(), properties.stream().filter(n -> layer.attribute(n).isPresent()).toList(),
                    query.sortBy(), query.offset(), query.limit());
        }
        source.stream(query, context, feature -> members.add(new AbstractMap.SimpleEntry<>(
                Reprojector.transform(feature.geometry(), storage, Crs.WEB_MERCATOR), tags(feature))));
        return members;
    }

    /** A feature's id and properties as MVT values: text, numbers and booleans; dates as text, lists as JSON text. */
    private static Map<String, Object> tags(Feature feature) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("id", feature.id());
        feature.properties().forEach((name, value) -> {
            if (value instanceof List<?> codes) {
                String text = CodeList.toText(codes);
                if (text != null) {
                    tags.put(name, text);
                }
            } else if (value instanceof Number || value instanceof Boolean || value instanceof String) {
                tags.put(name, value);
            } else if (value != null) {
                tags.put(name, value.toString());
            }
        });
        return tags;
    }
}
