package org.parkatlas.web;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.util.logging.Level;
import org.parkatlas.ExternalTools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium driven by its chromedriver, as root on a machine with no network: the flags keep it from
 * calling home, and each browser gets a fresh profile.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** A new browser; skips (or fails, when PARKATLAS_REQUIRE_BROWSER=1) where Chromium is not installed. */
    static ChromeDriver start() throws IOException {
        ExternalTools.require(Path.of("/usr/bin/chromedriver"), "PARKATLAS_REQUIRE_BROWSER",
                "apt-get install chromium chromium-driver");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("parkatlas-chromium"));
        // the console is kept, so a test can tell whether the page broke its Content-Security-Policy
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver browser = new ChromeDriver(options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
