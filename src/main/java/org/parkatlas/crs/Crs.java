package org.parkatlas.crs;

import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A coordinate reference system ParkAtlas can serve, with the axis order that the OGC (and the EPSG register) gives it.
 * Coordinates inside ParkAtlas are always x = easting/longitude, y = northing/latitude; {@link #swapsAxes()} says when
 * they must be swapped on the way in or out (EPSG:4490 is lat/lon, EPSG:4546 northing/easting).
 *
 * @param uri       the OGC URI, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/4546}
 * @param srid      the EPSG code, or 0 for CRS84
 * @param proj4Name the name Proj4J knows the CRS by
 */
public record Crs(String uri, int srid, String proj4Name, boolean swapsAxes, boolean geographic) {

    public static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";

    public static final Crs CRS84 = new Crs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 0, "EPSG:4326", false, true);
    public static final Crs WGS84 = new Crs(EPSG_URI + "4326", 4326, "EPSG:4326", true, true);
    public static final Crs CGCS2000 = new Crs(EPSG_URI + "4490", 4490, "EPSG:4490", true, true);
    public static final Crs CGCS2000_GK_CM_111E = new Crs(EPSG_URI + "4546", 4546, "EPSG:4546", true, false);
    public static final Crs WEB_MERCATOR = new Crs(EPSG_URI + "3857", 3857, "EPSG:3857", false, false);

    /**
     * {@code geometry} with x = easting/longitude: a copy with x and y swapped when this CRS writes its
     * coordinates latitude or northing first, the geometry itself otherwise.
     */
    public Geometry toXy(Geometry geometry) {
        if (!swapsAxes) {
            return geometry;
        }
        Geometry swapped = geometry.copy();
        swapped.apply((CoordinateFilter) c -> {
            double x = c.x;
            c.x = c.y;
            c.y = x;
        });
        swapped.geometryChanged();
        return swapped;
    }

    public String label() {
        return srid == 0 ? "CRS84" : "EPSG:" + srid;
    }
}
