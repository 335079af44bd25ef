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
}
