package org.parkatlas.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The basemaps a configuration gives the map, with the datum each is drawn in. */
class BasemapsTest {

    @Test
    void tiandituAndAmapComeWithTheirDatumsAndTheirPlaceNames() {
        BasemapProperties properties = new BasemapProperties(null, null, null, "k3y&x", true, "amap-vector");
        List<Basemaps.Basemap> maps = Basemaps.of(properties);
        assertThat(maps).extracting(Basemaps.Basemap::id).containsExactly("tianditu-vector", "tianditu-imagery",
                "amap-vector", "amap-imagery");
        assertThat(maps).extracting(Basemaps.Basemap::datum).containsExactly("wgs84", "wgs84", "gcj02", "gcj02");
        Basemaps.Basemap tianditu = maps.get(0);
        assertThat(tianditu.url()).contains("vec_w/wmts", "TILEMATRIXSET=w", "tk=k3y%26x")
                .as("the key is one parameter, whatever it holds").doesNotContain("k3y&x");
        assertThat(tianditu.labels()).contains("cva_w/wmts");
        assertThat(Basemaps.initial(properties, maps)).isEqualTo("amap-vector");
        assertThat(properties.tileUrls()).as("4 maps, 3 with names laid over").hasSize(7);
    }

    @Test
    void aCustomServerIsShownFirstUnlessNoneIsAsked() {
        BasemapProperties custom = new BasemapProperties("https://{s}.tiles.example/{z}/{x}/{y}.png", "© Example",
                "GCJ02", null, null, null);
        List<Basemaps.Basemap> maps = Basemaps.of(custom);
        assertThat(maps).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("custom");
            assertThat(m.datum()).isEqualTo("gcj02");
        });
        assertThat(Basemaps.initial(custom, maps)).isEqualTo("custom");
        BasemapProperties none = new BasemapProperties("https://tiles.example/{z}/{x}/{y}.png", null, null, null,
                null, "none");
        assertThat(Basemaps.initial(none, Basemaps.of(none))).isEqualTo("none");
        assertThat(Basemaps.of(new BasemapProperties(null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void anUnknownDatumIsRefusedAtStart() {
        assertThatThrownBy(() -> Basemaps.of(new BasemapProperties("https://t.example/{z}/{x}/{y}.png", null, "bd09",
                null, null, null))).hasMessageContaining("parkatlas.basemap.datum").hasMessageContaining("gcj02");
    }
}
