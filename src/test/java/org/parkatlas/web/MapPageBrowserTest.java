package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The map page in a real headless Chromium: the parcels are drawn, and a click opens a labelled popup. */
class MapPageBrowserTest extends BrowserTest {


    @Test
    void drawsTheParcelsAndOpensAPopupWithLabelsAndAreaInMu() {
        long parcels = getJson("/ogcapi/collections/parcels/items?limit=1").path("numberMatched").asLong();
        openMap("/");
        List<WebElement> drawn = browser.findElements(By.cssSelector("path.pa-parcel"));
        assertThat((long) drawn.size()).as("one path per parcel").isEqualTo(parcels);

        WebElement popup = clickUntilPopup(drawn);
        assertThat(popup.getText()).contains("地块编号", "亩", "m²", "供地状态");
    }

    @Test
    void theLegendGivesEachZoneItsOwnColourAndName() {
        openMap("/?lang=en");
        List<String> zones = new java.util.ArrayList<>();
        getJson("/ogcapi/collections/zones/items").path("features")
                .forEach(f -> zones.add(f.path("properties").path("name_en").asString()));
        // read in one go: the legend is redrawn whenever another layer finishes loading in the background
        @SuppressWarnings("unchecked")
        List<List<String>> rows = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            List<List<String>> found = (List<List<String>>) ((JavascriptExecutor) d).executeScript(
                    "return [...document.querySelectorAll('li[data-legend=zones]')]"
                            + ".map(li => [li.textContent, li.querySelector('rect').getAttribute('fill')])");
            return found.size() == zones.size() ? found : null;
        });
        java.util.Set<String> colours = new java.util.HashSet<>();
        rows.forEach(row -> colours.add(row.get(1)));
        assertThat(colours).as("one swatch per zone, each in its own colour").hasSize(zones.size());
        assertThat(rows).allSatisfy(row -> assertThat(zones.stream().anyMatch(row.get(0)::contains)).isTrue());
    }

    @Test
    void theMapsNamesNeverOverlapAtAnyZoom() {
        openMap("/?lang=en");
        JavascriptExecutor js = browser;
        for (String boxes : List.of("corridors", "axes", "industrial-parks")) {
            js.executeScript("window.parkatlas.map.addLayer(window.parkatlas.layers[arguments[0]])", boxes);
        }
        for (int zoom : new int[]{13, 14, 15, 16}) {
            js.executeScript("window.parkatlas.map.setZoom(arguments[0], {animate: false})", zoom);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")));
            Object overlapping = js.executeScript("const shown = [...document.querySelectorAll('.pa-label')]"
                    + ".filter(l => getComputedStyle(l).visibility !== 'hidden').map(l => l.getBoundingClientRect())"
                    + ".filter(b => b.width > 0);"
                    + "let n = 0; for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) {"
                    + "const a = shown[i], b = shown[j];"
                    + "if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++; }"
                    + "return n;");
            assertThat((Long) overlapping).as("overlapping names at zoom %d", zoom).isZero();
        }
        assertThat((Long) js.executeScript("return document.querySelectorAll('.pa-label-zones:not(.pa-label-hidden)')"
                + ".length")).as("the zones, most important, keep their names").isEqualTo(3L);
    }

    @Test
    void switchesToEnglish() {
        openMap("/");
        browser.findElement(By.id("lang-switch")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "en".equals(
                ((JavascriptExecutor) d).executeScript("return document.documentElement.lang")));
        WebElement popup = clickUntilPopup(browser.findElements(By.cssSelector("path.pa-parcel")));
        assertThat(popup.getText()).contains("Parcel code", "mu");
    }

    @Test
    void everyViewRunsUnderAStrictContentSecurityPolicy() {
        java.net.http.HttpResponse<String> page = get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        openMap("/");
        browser.findElement(By.id("readiness-toggle")).click();
        ((JavascriptExecutor) browser).executeScript("let t; window.parkatlas.layers.parcels.eachLayer(l => {"
                + " if (l.feature.id === 'parcel-0005') t = l; }); t.fire('click', {latlng: t.getBounds().getCenter()});");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(
                ".pa-readiness-item")).isEmpty());
        browser.findElement(By.id("lang-switch")).click();
        browser.get(url("/login.html"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("body"))
                .getAttribute("class").contains("pa-ready"));
        List<String> violations = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                .stream().map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(violations).as("the map, its readiness view and the sign-in page break no CSP rule").isEmpty();
    }

    private void openMap(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return !!(window.parkatlas && window.parkatlas.ready)")));
        Object outcome = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));");
        assertThat(outcome).isEqualTo("ready");
    }

    /** Clicks parcels until one is not covered by something drawn above it (a building, a label) and opens. */
    private WebElement clickUntilPopup(List<WebElement> parcels) {
        for (WebElement parcel : parcels) {
            try {
                parcel.click();
            } catch (ElementClickInterceptedException covered) {
                continue;
            }
            try {
                // the popup opens with an animation and may pan the map: wait until its text is there
                return new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> d
                        .findElements(By.cssSelector(".pa-popup")).stream()
                        .filter(p -> p.isDisplayed() && !p.getText().isBlank()).findFirst().orElse(null));
            } catch (TimeoutException noPopup) {
                // covered by a transparent layer above it: try the next parcel
            }
        }
        throw new AssertionError("no parcel opened a popup on click");
    }
}
