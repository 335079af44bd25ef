package org.parkatlas.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map's basemaps, all optional; with none the map reads well on its plain background.
 *
 * @param url          an XYZ tile URL template ({z}/{x}/{y}, {s} for a subdomain), e.g. an intranet tile server
 * @param attribution  the credit line that server's provider asks for
 * @param datum        what that server's tiles are drawn in: {@code wgs84} (also CGCS2000, within a metre of it;
 *                     the default) or {@code gcj02} (most Chinese commercial maps)
 * @param tiandituKey  a Tianditu (天地图) browser key: adds its map and its imagery (CGCS2000, no shift)
 * @param amap         adds AMap's (高德) map and imagery, drawn in GCJ-02: the park is shifted on the screen to meet
 *                     them, never in what is stored or served
 * @param initial      the id of the basemap shown first ({@code custom}, {@code tianditu-vector},
 *                     {@code tianditu-imagery}, {@code amap-vector}, {@code amap-imagery} or {@code none}); the first
 *                     configured one by default
 */
@ConfigurationProperties("parkatlas.basemap")
public record BasemapProperties(String url, String attribution, String datum, String tiandituKey, Boolean amap,
                                String initial) {

    public BasemapProperties {
        url = blankToNull(url);
        attribution = attribution == null ? "" : attribution;
        datum = blankToNull(datum) == null ? Basemaps.WGS84 : datum.trim().toLowerCase(java.util.Locale.ROOT);
        tiandituKey = blankToNull(tiandituKey);
        amap = Boolean.TRUE.equals(amap);
        initial = blankToNull(initial);
    }

    /** Every URL template the configured basemaps load tiles from (for the Content-Security-Policy). */
    public java.util.List<String> tileUrls() {
        return Basemaps.tileUrls(Basemaps.of(this));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
