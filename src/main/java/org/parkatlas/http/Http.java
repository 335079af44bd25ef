package org.parkatlas.http;

/**
 * The one vocabulary of the HTTP edge that is not OGC's own (that is {@code ogcapi.OgcApi}): parameter and header
 * names every adapter reads the same way.
 */
public final class Http {

    /** The language of messages: {@code zh-CN} (default) or {@code en}. */
    public static final String LANG = "lang";
    /** The day a derived attribute is answered for, {@code YYYY-MM-DD}; today when absent. */
    public static final String AS_OF = "as_of";
    public static final String IF_MATCH = "If-Match";
    public static final String CONTENT_CRS = "Content-Crs";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The media types a GeoJSON body may be declared as; any other is refused with 415 rather than guessed at. */
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String GEOPACKAGE = "application/geopackage+sqlite3";
    public static final String OCTET_STREAM = "application/octet-stream";

    private Http() {
    }
}
