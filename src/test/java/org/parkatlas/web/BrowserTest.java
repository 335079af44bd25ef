package org.parkatlas.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parkatlas.ParkAtlasServerTest;

/** A test of the running service through one real headless Chromium, started fresh for each test. */
abstract class BrowserTest extends ParkAtlasServerTest {

    protected ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The fill colour the map gives the parcel of this code, upper-case (as tokens are compared). */
    protected String fillOf(String code) {
        return String.valueOf(script("let fill = null; window.parkatlas.layers.parcels.eachLayer(l => {"
                + "if (l.feature.properties.code === '" + code + "') fill = l.options.fillColor; }); return fill;"))
                .toUpperCase();
    }

    /** A colour token of css/tokens.css as the page has it, upper-case. */
    protected String token(String name) {
        return String.valueOf(script("return getComputedStyle(document.documentElement).getPropertyValue('" + name
                + "').trim()")).toUpperCase();
    }

    protected Object script(String js) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(js);
    }
}
