package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness view in a real headless Chromium: the date slider recolours the parcels without reloading, each
 * parcel's count agrees with the server's, the checklist explains every ✗, and an item traces its path on the map.
 */
class ReadinessViewBrowserTest extends BrowserTest {


    @Test
    void theSliderShowsTheParkBecomingReadyAndAgreesWithTheServer() {
        openReadinessView();
        String pageId = (String) script("return window.__pageId = Math.random().toString()");
        moveSlider("2020-01-01");
        Map<String, Long> early = metCounts();
        moveSlider("2032-12-31"); // the last step: the last day of December 2032
        Map<String, Long> late = metCounts();
        assertThat(script("return window.__pageId")).as("no reload").isEqualTo(pageId);
        long readyEarly = early.values().stream().filter(n -> n == 8).count();
        long readyLate = late.values().stream().filter(n -> n == 8).count();
        assertThat(readyLate).as("more parcels ready in 2032 than in 2020").isGreaterThan(readyEarly);
        late.forEach((id, met) -> assertThat(met).as(id).isGreaterThanOrEqualTo(early.get(id)));
        for (String id : List.of("parcel-0005", "parcel-0100", "parcel-0150")) {
            JsonNode server = getJson("/api/parcels/" + id + "/readiness?as_of=2032-12-31");
            assertThat(late.get(id)).as(id).isEqualTo(server.path("met").asLong());
        }
        assertThat(browser.findElement(By.id("asof-label")).getText()).contains("2032");
    }

    @Test
    void theChecklistExplainsEachCrossAndTracesThePath() {
        openReadinessView();
        moveSlider("2026-11-30");
        script("const layers = window.parkatlas.layers.parcels; let target;"
                + "layers.eachLayer(l => { if (l.feature.id === 'parcel-0005') target = l; });"
                + "target.fire('click', {latlng: target.getBounds().getCenter()});");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        List<WebElement> items = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".pa-readiness-item"));
            return found.size() == 8 ? found : null;
        });
        WebElement road = items.stream().filter(i -> "road".equals(i.getAttribute("data-item"))).findFirst()
                .orElseThrow();
        // shown, not only built: an element's text reads empty while the popup is still panning into view
        wait.until(d -> !road.getText().isBlank());
        assertThat(road.getAttribute("class")).contains("unmet");
        assertThat(road.getText()).contains("南外环西延");
        WebElement leveling = items.stream().filter(i -> "leveling".equals(i.getAttribute("data-item")))
                .findFirst().orElseThrow();
        assertThat(leveling.getAttribute("class")).contains("met").doesNotContain("unmet");
        WebElement sewer = items.stream().filter(i -> "sewer".equals(i.getAttribute("data-item"))).findFirst()
                .orElseThrow();
        sewer.click();
        wait.until(d -> !d.findElements(By.cssSelector("path.pa-trace")).isEmpty());
    }

    private void openReadinessView() {
        browser.get(url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
        browser.findElement(By.id("readiness-toggle")).click();
        assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.readiness.ready.then(() => done('ready'), e => done('failed: ' + e));"))
                .isEqualTo("ready");
    }

    /**
     * Moves the real slider control to the month of {@code date} (its steps are the months from 2020-01), firing
     * the events a person dragging it fires.
     */
    private void moveSlider(String date) {
        int step = (Integer.parseInt(date.substring(0, 4)) - 2020) * 12 + Integer.parseInt(date.substring(5, 7)) - 1;
        script("const s = document.getElementById('asof-slider'); s.value = '" + step + "';"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));"
                + "s.dispatchEvent(new Event('change', {bubbles: true}));");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> date.substring(0, 7).equals(
                String.valueOf(script("return window.parkatlas.readiness.asOf()")).substring(0, 7)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> metCounts() {
        return (Map<String, Long>) script("const out = {};"
                + "window.parkatlas.layers.parcels.eachLayer(l => { const el = l.getElement && l.getElement();"
                + "if (el) out[l.feature.id] = Number(el.getAttribute('data-met')); });"
                + "return out;");
    }
}
