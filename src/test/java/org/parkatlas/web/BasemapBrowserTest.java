package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map with AMap configured (GCJ-02; its tiles do not load here, which does not matter: what is checked is where
 * the park is drawn), and the context around the park. On the GCJ-02 basemap the park is drawn shifted by the same
 * offset the tiles carry, and every position read back from the map is unshifted to within a centimetre.
 */
@TestPropertySource(properties = {"parkatlas.basemap.amap=true", "parkatlas.basemap.initial=none"})
class BasemapBrowserTest extends BrowserTest {

    @Test
    void onAGcj02BasemapTheParkIsShiftedForDisplayOnly() throws Exception {
        open("/?lang=en");
        Select choice = new Select(browser.findElement(By.id("pa-basemap-select")));
        assertThat(choice.getOptions()).extracting(o -> o.getText()).containsExactly("None (plain)", "AMap map",
                "AMap imagery");
        assertThat(script("return window.parkatlas.map.options.crs.code")).isEqualTo("EPSG:3857");

        choice.selectByVisibleText("AMap map");
        assertThat(script("return window.parkatlas.map.options.crs.code")).isEqualTo("EPSG:3857+GCJ02");
        assertThat(script("return document.querySelectorAll('img.leaflet-tile, .pa-basemap').length > 0")).isEqualTo(true);
        JsonNode measured = JSON.readTree(String.valueOf(((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "import('/js/basemaps.js').then(({ toGcj02 }) => {"
                + "const m = window.parkatlas.map, crs = m.options.crs, z = 16;"
                + "const p = L.latLng(36.17, 111.62);"
                // where the GCJ CRS draws p, against where plain Web Mercator draws p's GCJ-02 position
                + "const drawn = crs.latLngToPoint(p, z), g = toGcj02(p.lat, p.lng);"
                + "const expected = L.CRS.EPSG3857.latLngToPoint(L.latLng(g.lat, g.lng), z);"
                + "let worst = 0;"
                + "for (let i = 0; i <= 20; i++) for (let j = 0; j <= 20; j++) {"
                + "  const q = L.latLng(36.15 + i * 0.002, 111.59 + j * 0.003);"
                + "  worst = Math.max(worst, crs.pointToLatLng(crs.latLngToPoint(q, z), z).distanceTo(q)); }"
                + "const gl = L.latLng(g.lat, g.lng);"
                + "const parcel = window.parkatlas.layers.parcels.getLayers()[0];"
                + "const stored = parcel.feature.geometry.coordinates[0][0];"
                + "done(JSON.stringify({offsetPx: drawn.distanceTo(expected), shiftM: p.distanceTo(gl), worst,"
                + "  stored: stored, drawn: parcel.getLatLngs()[0][0]}));"
                + "}).catch(e => done(JSON.stringify({error: String(e)})));")));
        assertThat(measured.path("error").isMissingNode()).as(measured.toString()).isTrue();
        assertThat(measured.path("offsetPx").asDouble()).as("drawn where the tiles put it").isLessThan(0.01);
        assertThat(measured.path("shiftM").asDouble()).as("GCJ-02 is hundreds of metres off here").isBetween(300.0,
                800.0);
        assertThat(measured.path("worst").asDouble()).as("read back to within a centimetre").isLessThan(0.01);
        assertThat(measured.path("drawn").path("lng").asDouble()).as("the features keep their true coordinates")
                .isEqualTo(measured.path("stored").get(0).asDouble());

        choice.selectByVisibleText("None (plain)");
        assertThat(script("return window.parkatlas.map.options.crs.code")).isEqualTo("EPSG:3857");
    }

    @Test
    void theContextAroundTheParkIsNamedInThePagesLanguage() {
        open("/?lang=en");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(script(
                "return document.querySelectorAll('.pa-label-context').length >= 6")));
        assertThat(String.valueOf(script("return [...document.querySelectorAll('.pa-label-context')]"
                + ".map(e => e.textContent).join('|')"))).contains("Fen River", "Ganting Town",
                "Linfen Yaodu Airport", "G108 National Road", "Ganting expressway exit");
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                .contains("Surroundings illustrative");
        assertThat(script("return window.parkatlas.map.getPane('pa-pane-context').style.pointerEvents"))
                .as("never in the way of a click on the park").isEqualTo("none");
    }

    private void open(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
    }
}
