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

    private static final String WGS84_GEOGCS = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
            + "298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AUTHORITY[\"EPSG\",\"4326\"]]";

    private static final Map<Integer, String> WKT = Map.of(
            4326, WGS84_GEOGCS,
            3857, "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + WGS84_GEOGCS + ",PROJECTION[\"Mercator_1SP\"],"
                    + "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],"
                    + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                    + "EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 "
                    + "+units=m +nadgrids=@null +wktext +no_defs\"],AUTHORITY[\"EPSG\",\"3857\"]]",
            4490, CGCS2000_GEOGCS,
            4546, "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 111E\"," + CGCS2000_GEOGCS + ","
                    + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                    + "PARAMETER[\"central_meridian\",111],PARAMETER[\"scale_factor\",1],"
                    + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
                    + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                    + "AUTHORITY[\"EPSG\",\"4546\"]]");

    private static final Map<Integer, String> NAMES = Map.of(
            4326, "WGS 84",
            3857, "WGS 84 / Pseudo-Mercator",
            4490, "China Geodetic Coordinate System 2000",
            4546, "CGCS2000 / 3-degree Gauss-Kruger CM 111E");

    private CrsDefinitions() {
    }

    /** The definition of an EPSG code; 0 (CRS84, longitude first) is WGS 84 as files with x/y order write it. */
    public static Optional<String> ogcWkt(int srid) {
        return Optional.ofNullable(WKT.get(srid == 0 ? 4326 : srid));
    }

    public static String name(int srid) {
        return NAMES.getOrDefault(srid, "EPSG:" + srid);
    }

    /**
     * The supported CRS a WKT definition (a Shapefile's {@code .prj}, OGC or ESRI flavour) describes: by its
     * outermost EPSG authority when it has one, else by the names ESRI and GDAL write for these systems. A GK zone
     * is only taken for 4546 when its central meridian is 111° and its false easting 500 km (no zone number
     * prefix), since the other CGCS2000 zones are different coordinates under a similar name.
     */
    public static Optional<Crs> recognise(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return Optional.empty();
        }
        String text = wkt.replaceAll("\\s+", " ").trim();
        java.util.regex.Matcher authority = java.util.regex.Pattern
                .compile("AUTHORITY\\[\"EPSG\", ?\"(\\d+)\"\\]\\]\\s*$|ID\\[\"EPSG\", ?(\\d+)\\]\\]\\s*$")
                .matcher(text);
        if (authority.find()) {
            int srid = Integer.parseInt(authority.group(1) != null ? authority.group(1) : authority.group(2));
            return srid == 4326 ? Optional.of(Crs.CRS84) : CrsRegistry.bySrid(srid);
        }
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        boolean cgcs2000 = upper.contains("CGCS2000") || upper.contains("CHINA_2000") || upper.contains("CHINA 2000")
                || upper.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000") || upper.contains("CHINA GEODETIC");
        boolean wgs84 = upper.contains("WGS_1984") || upper.contains("WGS 84") || upper.contains("WGS84");
        if (upper.startsWith("PROJCS") || upper.startsWith("PROJCRS")) {
            if (upper.contains("MERCATOR_AUXILIARY_SPHERE") || upper.contains("PSEUDO-MERCATOR")
                    || upper.contains("POPULAR VISUALISATION")) {
                return Optional.of(Crs.WEB_MERCATOR);
            }
            if (cgcs2000 && parameter(upper, "CENTRAL_MERIDIAN") == 111 && parameter(upper, "FALSE_EASTING") == 500000) {
                return Optional.of(Crs.CGCS2000_GK_CM_111E);
            }
            return Optional.empty();
        }
        if (upper.startsWith("GEOGCS") || upper.startsWith("GEOGCRS")) {
            return cgcs2000 ? Optional.of(Crs.CGCS2000) : wgs84 ? Optional.of(Crs.CRS84) : Optional.empty();
        }
        return Optional.empty();
    }

    private static double parameter(String upperWkt, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PARAMETER\\[\"" + name + "\", ?(-?[0-9.eE+-]+)")
                .matcher(upperWkt);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
