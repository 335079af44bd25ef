package org.parkatlas.ogcapi;

import java.util.List;

/** The OGC API vocabulary in one place: paths, media types, link relations and conformance class URIs. */
public final class OgcApi {

    public static final String ROOT = "/ogcapi";

    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String CONTENT_CRS = "Content-Crs";
    public static final String SCHEMA_JSON = "application/schema+json";

    public static final String REL_SELF = "self";
    public static final String REL_ALTERNATE = "alternate";
    public static final String REL_SERVICE_DESC = "service-desc";
    public static final String REL_CONFORMANCE = "conformance";
    public static final String REL_DATA = "data";
    public static final String REL_ITEMS = "items";
    public static final String REL_COLLECTION = "collection";
    public static final String REL_NEXT = "next";
    public static final String REL_PREV = "prev";
    public static final String REL_OGC_CONFORMANCE = "http://www.opengis.net/def/rel/ogc/1.0/conformance";
    public static final String REL_OGC_DATA = "http://www.opengis.net/def/rel/ogc/1.0/data";

    public static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public static final String OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    public static final String GEOJSON_CLASS = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public static final String COMMON_CORE = "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core";
    public static final String COMMON_COLLECTIONS = "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections";

    public static final String CRS_CLASS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";

    private static final String FEATURES_3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private static final String FEATURES_4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
    private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

    /** Exactly the conformance classes ParkAtlas implements, no more. */
    static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    static final String TMS = "http://www.opengis.net/spec/tms/2.0/conf/";

    public static final List<String> CONFORMANCE = List.of(CORE, OAS30, GEOJSON_CLASS, COMMON_CORE,
            COMMON_COLLECTIONS, CRS_CLASS,
            FEATURES_3 + "queryables", FEATURES_3 + "queryables-query-parameters", FEATURES_3 + "filter",
            FEATURES_3 + "features-filter",
            CQL2 + "cql2-text", CQL2 + "cql2-json", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
            CQL2 + "case-insensitive-comparison", CQL2 + "basic-spatial-functions",
            CQL2 + "basic-spatial-functions-plus", CQL2 + "spatial-functions", CQL2 + "temporal-functions",
            CQL2 + "property-property", CQL2 + "arithmetic", CQL2 + "functions", CQL2 + "array-functions",
            FEATURES_4 + "create-replace-delete", FEATURES_4 + "update", FEATURES_4 + "features",
            TILES + "core", TILES + "tileset", TILES + "tilesets-list", TILES + "geodata-tilesets",
            TILES + "dataset-tilesets", TILES + "mvt", TMS + "tilematrixset", TMS + "json-tilematrixset");

    public static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    /** Page size when a client gives none, and the most one page holds. */
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;

    private OgcApi() {
    }
}
