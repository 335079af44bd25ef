package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** /ogcapi read in a real browser: pages with the links, collections, a feature table and its map, not raw JSON. */
class OgcApiPagesBrowserTest extends BrowserTest {

    @Test
    void theApiReadsAsPagesAndTheirLinksLeadOn() {
        open("/ogcapi?lang=en");
        assertThat(browser.findElement(By.id("browse-title")).getText()).contains("OGC API");
        browser.findElement(By.linkText("The park's layers")).click();
        waitReady();
        assertThat(browser.findElements(By.cssSelector(".pa-browse-table tbody tr"))).hasSize(13);
        browser.findElement(By.linkText("Parcels (standard land)")).click();
        waitReady();
        assertThat(browser.findElement(By.id("browse-title")).getText()).isEqualTo("Parcels (standard land)");
        open("/ogcapi/collections/parcels/items?limit=7&f=html&lang=en");
        assertThat(browser.findElements(By.cssSelector(".pa-browse-table tbody tr"))).hasSize(7);
        assertThat(browser.findElement(By.cssSelector(".pa-sheet-note")).getText()).contains("7 on this page, 204 in all");
        assertThat(script("return document.querySelectorAll('#browse-map path.leaflet-interactive').length"))
                .as("the page's features drawn on its map").isEqualTo(7L);
        browser.findElement(By.linkText("parcel-0001")).click();
        waitReady();
        assertThat(browser.findElement(By.id("browse-title")).getText()).isEqualTo("Feature parcel-0001");
        assertThat(browser.findElement(By.id("browse-body")).getText()).contains("GT-Z1-001", "area_mu");
    }

    private void open(String path) {
        browser.get(url(path));
        waitReady();
    }

    private void waitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(script(
                "return document.readyState === 'complete' && document.body.classList.contains('pa-ready')")));
    }
}
