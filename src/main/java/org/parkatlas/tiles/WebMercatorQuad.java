package org.parkatlas.tiles;

import org.locationtech.jts.geom.Envelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OGC's WebMercatorQuad tile matrix set (OGC 17-083r4, Annex D.1): EPSG:3857, 256-pixel tiles, zoom 0 one tile of the
 * whole world, each level splitting every tile in four; rows counted from the top. Pure arithmetic.
 */
public final class WebMercatorQuad {

    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    /** Half the world's width in EPSG:3857 metres. */
    static final double ORIGIN = 20037508.3427892;
    /** The deepest level served: 22 is a tile of about 10 m, finer than any parcel needs. */
    public static final int MAX_ZOOM = 22;
    private static final double PIXEL_AT_ZOOM_0 = 2 * ORIGIN / 256;
    /** The standardized rendering pixel of 0.28 mm, which scale denominators assume. */
    private static final double PIXEL_METRES = 0.00028;

    private WebMercatorQuad() {
    }

    /** Whether {@code z/y/x} names a tile of the set. */
    public static boolean exists(int z, int y, int x) {
        if (z < 0 || z > MAX_ZOOM) {
            return false;
        }
        long n = 1L << z;
        return y >= 0 && x >= 0 && y < n && x < n;
    }

    /** The tile's extent in EPSG:3857 metres. */
    public static Envelope envelope(int z, int y, int x) {
        double width = 2 * ORIGIN / (1L << z);
        double minX = -ORIGIN + x * width;
        double maxY = ORIGIN - y * width;
        return new Envelope(minX, minX + width, maxY - width, maxY);
    }

    /** The tile matrix set's definition in its JSON encoding (OGC 17-083r4 §8). */
    public static Map<String, Object> definition() {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", ID);
        set.put("title", "Google Maps Compatible for the World");
        set.put("uri", URI);
        set.put("crs", CRS);
        set.put("orderedAxes", List.of("E", "N"));
        set.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= MAX_ZOOM; z++) {
            double cell = PIXEL_AT_ZOOM_0 / (1L << z);
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("id", String.valueOf(z));
            matrix.put("scaleDenominator", cell / PIXEL_METRES);
            matrix.put("cellSize", cell);
            matrix.put("cornerOfOrigin", "topLeft");
            matrix.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
            matrix.put("tileWidth", 256);
            matrix.put("tileHeight", 256);
            matrix.put("matrixWidth", 1L << z);
            matrix.put("matrixHeight", 1L << z);
            matrices.add(matrix);
        }
        set.put("tileMatrices", matrices);
        return set;
    }
}
