package org.parkatlas.crs;

import java.util.Map;
import java.util.Optional;

/**
 * OGC WKT (WKT1) definitions of the CRSs ParkAtlas writes into files such as GeoPackages, so that QGIS and GDAL
 * recognise them without an EPSG database.
 */
public final class CrsDefinitions {

    private static final String CGCS2000_GEOGCS = "GEOGCS[\"China Geodetic Coordinate System 2000\","
            + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
            + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]]";

    private static final Map<Integer, String> WKT = Map.of(
            4490, CGCS2000_GEOGCS,
            4546, "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 111E\"," + CGCS2000_GEOGCS + ","
                    + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                    + "PARAMETER[\"central_meridian\",111],PARAMETER[\"scale_factor\",1],"
                    + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
                    + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                    + "AUTHORITY[\"EPSG\",\"4546\"]]");

    private static final Map<Integer, String> NAMES = Map.of(
            4490, "China Geodetic Coordinate System 2000",
            4546, "CGCS2000 / 3-degree Gauss-Kruger CM 111E");

    private CrsDefinitions() {
    }

    public static Optional<String> ogcWkt(int srid) {
        return Optional.ofNullable(WKT.get(srid));
    }

    public static String name(int srid) {
        return NAMES.getOrDefault(srid, "EPSG:" + srid);
    }
}
