package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A layer that is off is counted, not downloaded: the utility network's 1 033 lines come only when someone shows
 * them, and its row says how many there are all the same.
 */
class HiddenLayersBrowserTest extends BrowserTest {

    @Test
    void aHiddenLayerIsCountedAndFetchedWhenShown() {
        browser.get(url("/?lang=en"));
        JavascriptExecutor js = browser;
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        long lines = getJson("/ogcapi/collections/utility-lines/items?limit=1").path("numberMatched").asLong();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> String.valueOf(lines).equals(
                d.findElement(By.id("pa-layer-meta-utility-lines")).getText()));
        String fetched = "return performance.getEntriesByType('resource').filter(e => e.name.includes("
                + "'/collections/utility-lines/items') && !e.name.includes('limit=1&')).length";
        assertThat(js.executeScript(fetched)).as("not downloaded while off").isEqualTo(0L);
        assertThat(js.executeScript("return window.parkatlas.layers['utility-lines'].getLayers().length"))
                .isEqualTo(0L);

        browser.findElement(By.id("pa-layer-utility-lines")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Long.valueOf(lines).equals(js.executeScript(
                "return window.parkatlas.layers['utility-lines'].getLayers().length")));
        assertThat((Long) js.executeScript(fetched)).as("downloaded once shown").isPositive();
    }
}
