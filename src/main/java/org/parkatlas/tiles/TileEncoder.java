package org.parkatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.GeomMinSizeFilter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds one Mapbox Vector Tile (spec 2.1) from features already in EPSG:3857: each geometry simplified to the tile's
 * resolution (one unit of its 4096-unit grid), clipped to the tile and a 64-unit buffer (so strokes join across tile
 * edges), and dropped where it would be smaller than one unit; each feature's properties as its tags. Pure: geometries
 * in, bytes out, with {@code mapbox-vector-tile-java} doing the encoding.
 */
final class TileEncoder {

    static final int EXTENT = 4096;
    static final int BUFFER = 64;

    private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);

    private final Envelope tile;
    private final Envelope clip;
    private final GeometryFactory factory = new GeometryFactory();
    private final List<JtsLayer> layers = new ArrayList<>();
    private int features;

    TileEncoder(Envelope tile) {
        this.tile = tile;
        this.clip = new Envelope(tile);
        this.clip.expandBy(tile.getWidth() * BUFFER / EXTENT);
    }

    /** The extent the features of a tile must touch, buffer included, in EPSG:3857. */
    Envelope clip() {
        return new Envelope(clip);
    }

    /** Adds a layer of features: each a geometry in EPSG:3857 and its tags (string, number or boolean values). */
    void layer(String name, List<Map.Entry<Geometry, Map<String, Object>>> members) {
        double unit = tile.getWidth() / EXTENT;
        List<Geometry> cut = new ArrayList<>(members.size());
        for (Map.Entry<Geometry, Map<String, Object>> member : members) {
            Geometry geometry = member.getKey();
            if (!(geometry instanceof Puntal)) {
                geometry = TopologyPreservingSimplifier.simplify(geometry, unit);
            }
            Geometry inTile = JtsAdapter.createTileGeom(geometry, tile, clip, factory, PARAMS,
                    new GeomMinSizeFilter(1, 1));
            if (inTile == null || inTile.isEmpty()) {
                continue;
            }
            // clipping can leave a mixed collection (a polygon and a sliver line): each part keeps the tags
            boolean mixed = inTile.getClass() == org.locationtech.jts.geom.GeometryCollection.class;
            for (int i = 0; i < (mixed ? inTile.getNumGeometries() : 1); i++) {
                Geometry part = mixed ? inTile.getGeometryN(i) : inTile;
                part.setUserData(member.getValue());
                cut.add(part);
            }
        }
        if (!cut.isEmpty()) {
            layers.add(new JtsLayer(name, cut, EXTENT));
            features += cut.size();
        }
    }

    /** How many features the tile holds so far. */
    int features() {
        return features;
    }

    byte[] encode() {
        if (layers.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(layers), PARAMS, new UserDataKeyValueMapConverter());
    }
}
