package org.parkatlas.web;

import org.parkatlas.catalog.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The basemaps the configuration asks for, as the map page draws them: each a tile URL template with its subdomains,
 * credit, the datum its tiles are drawn in and, for the Chinese providers' maps, a layer of place names laid over
 * it. Tianditu serves CGCS2000 in Web Mercator tiles ({@code _w}), which the park's coordinates fit as they are;
 * AMap serves GCJ-02, for which the page shifts what it draws (js/basemaps.js).
 */
final class Basemaps {

    static final String WGS84 = "wgs84";
    static final String GCJ02 = "gcj02";
    static final Set<String> DATUMS = Set.of(WGS84, GCJ02);

    /** One basemap; {@code labels} is a second tile layer of names drawn over it (or null). */
    record Basemap(String id, Label title, String url, String subdomains, String attribution, String datum,
                   int maxZoom, String labels) {
    }

    private Basemaps() {
    }

    static List<Basemap> of(BasemapProperties properties) {
        if (!DATUMS.contains(properties.datum())) {
            throw new IllegalStateException("parkatlas.basemap.datum is \"" + properties.datum() + "\"; use "
                    + WGS84 + " or " + GCJ02);
        }
        List<Basemap> maps = new ArrayList<>();
        if (properties.url() != null) {
            maps.add(new Basemap("custom", Label.of("底图", "Basemap"), properties.url(), "abc",
                    properties.attribution(), properties.datum(), 18, null));
        }
        if (properties.tiandituKey() != null) {
            String credit = "© 天地图 Tianditu · 国家地理信息公共服务平台";
            maps.add(new Basemap("tianditu-vector", Label.of("天地图 矢量", "Tianditu map"),
                    tianditu("vec", properties.tiandituKey()), "01234567", credit, WGS84, 18,
                    tianditu("cva", properties.tiandituKey())));
            maps.add(new Basemap("tianditu-imagery", Label.of("天地图 影像", "Tianditu imagery"),
                    tianditu("img", properties.tiandituKey()), "01234567", credit, WGS84, 18,
                    tianditu("cia", properties.tiandituKey())));
        }
        if (Boolean.TRUE.equals(properties.amap())) {
            String credit = "© 高德地图 AutoNavi";
            maps.add(new Basemap("amap-vector", Label.of("高德 地图", "AMap map"),
                    "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
                    "1234", credit, GCJ02, 18, null));
            maps.add(new Basemap("amap-imagery", Label.of("高德 影像", "AMap imagery"),
                    "https://webst0{s}.is.autonavi.com/appmaptile?style=6&x={x}&y={y}&z={z}", "1234", credit, GCJ02,
                    18, "https://webst0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}"));
        }
        return List.copyOf(maps);
    }

    /** The basemap shown first: the configured one if there is such, none if asked, else the first. */
    static String initial(BasemapProperties properties, List<Basemap> maps) {
        if ("none".equals(properties.initial())) {
            return "none";
        }
        return maps.stream().filter(m -> m.id().equals(properties.initial())).findFirst()
                .or(() -> maps.stream().findFirst()).map(Basemap::id).orElse("none");
    }

    /** Every URL template the page may load tiles from, for the Content-Security-Policy. */
    static List<String> tileUrls(List<Basemap> maps) {
        List<String> urls = new ArrayList<>();
        for (Basemap map : maps) {
            urls.add(map.url());
            if (map.labels() != null) {
                urls.add(map.labels());
            }
        }
        return urls;
    }

    private static String tianditu(String layer, String key) {
        return "https://t{s}.tianditu.gov.cn/" + layer + "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER="
                + layer + "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
    }
}
