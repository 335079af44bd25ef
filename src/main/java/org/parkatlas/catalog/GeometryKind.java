package org.parkatlas.catalog;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry a layer holds. A polygon layer accepts polygons (and multipolygons where the layer allows them), and so
 * on: the check happens before anything is written.
 */
public enum GeometryKind {
    POINT("Point"),
    LINESTRING("LineString"),
    POLYGON("Polygon"),
    /** A catalogue of records linked to the map by codes (investment projects, firms): features without geometry. */
    NONE(null);

    private final String geoJsonType;

    GeometryKind(String geoJsonType) {
        this.geoJsonType = geoJsonType;
    }

    public String geoJsonType() {
        return geoJsonType;
    }

    /** Whether a geometry fits this kind; {@code allowMulti} admits the multi-part form too. */
    public boolean accepts(Geometry geometry, boolean allowMulti) {
        return switch (this) {
            case POINT -> geometry instanceof Point || allowMulti && geometry instanceof MultiPoint;
            case LINESTRING -> geometry instanceof LineString || allowMulti && geometry instanceof MultiLineString;
            case POLYGON -> geometry instanceof Polygon || allowMulti && geometry instanceof MultiPolygon;
            case NONE -> geometry == null;
        };
    }
}
