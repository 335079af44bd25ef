package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Measuring on the map in EPSG:4546 as the server measures: a parcel's outline measured in the browser has the area
 * the server computed for it; the tool reads in m, m² and mu; the pointer's position reads in both CRSs.
 */
class MeasuringBrowserTest extends BrowserTest {

    @Test
    void aParcelMeasuredInTheBrowserHasTheServersArea() {
        open();
        JsonNode parcel = getJson("/ogcapi/collections/parcels/items/parcel-0001");
        String ring = parcel.path("geometry").path("coordinates").get(0).toString();
        double measured = ((Number) script("const ring = " + ring + ";"
                + "return window.parkatlas.measuring.measure(ring.slice(0, -1).map(c => L.latLng(c[1], c[0])))"
                + ".squareMetres")).doubleValue();
        assertThat(measured).isCloseTo(parcel.path("properties").path("area_m2").asDouble(), within(0.5));
    }

    @Test
    void theToolReadsDistanceAndAreaInMetresAndMu() {
        open();
        browser.findElement(By.cssSelector(".pa-measure-button")).click();
        script("const m = window.parkatlas.map; const c = m.getCenter();"
                + "for (const [dy, dx] of [[0, 0], [0, 0.002], [0.002, 0.002]]) m.fire('click', {latlng: L.latLng(c.lat + dy, c.lng + dx)});");
        String reading = browser.findElement(By.cssSelector(".pa-measure-result")).getText();
        assertThat(reading).contains(" m", "m²", "mu");
        browser.findElement(By.cssSelector(".pa-measure-button")).click();
        script("window.parkatlas.map.fire('mousemove', {latlng: L.latLng(36.17, 111.62), containerPoint: L.point(1, 1),"
                + " layerPoint: L.point(1, 1), originalEvent: new MouseEvent('mousemove')})");
        String where = browser.findElement(By.cssSelector(".pa-coordinates")).getText();
        // the geodata README's check value: 36.17°N 111.62°E is E 555 782, N 4 004 584 (±1 m)
        assertThat(where).contains("36.170000°N", "111.620000°E", "EPSG:4546", "E 555,78", "N 4,004,58");
    }

    private void open() {
        browser.get(url("/?lang=en"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
    }
}
