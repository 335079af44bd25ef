package org.parkatlas.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A runnable benchmark, not a test: what the map page costs on the wire, measured in headless Chromium against a
 * running service (the README says how) — the first view with an empty cache, then a repeat visit in the same
 * browser — from the Resource Timing API's {@code transferSize} (bytes received, headers included, after gzip; a
 * revalidated file counts its 304's headers). Prints the total and the heaviest requests. Then a first view again in
 * a fresh browser on emulated fast 3G (Chrome DevTools' preset: 562.5 ms latency, 180 000 B/s down, 84 375 B/s up)
 * and how long until the default layers are drawn: the page marks the moment its first view's layers are in
 * ({@code parkatlas-ready}), or the last of its tiles has come, if later.
 */
public final class PageWeightBenchmark {

    private PageWeightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://localhost:8080/";
        ChromeDriver browser = browser();
        try {
            for (String visit : List.of("first view", "repeat visit")) {
                browser.get(url);
                settle(browser);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) browser)
                        .executeScript("return [...performance.getEntriesByType('navigation'), "
                                + "...performance.getEntriesByType('resource')].map(e => ({name: e.name, "
                                + "bytes: e.transferSize, body: e.encodedBodySize}))");
                long total = entries.stream().mapToLong(e -> ((Number) e.get("bytes")).longValue()).sum();
                System.out.printf("%s: %,d bytes on the wire in %d requests%n", visit, total, entries.size());
                entries.stream().sorted((a, b) -> Long.compare(((Number) b.get("bytes")).longValue(),
                        ((Number) a.get("bytes")).longValue())).limit(8).forEach(e -> System.out.printf(
                        "  %,9d  %s%n", ((Number) e.get("bytes")).longValue(), e.get("name")));
            }
        } finally {
            browser.quit();
        }
        ChromeDriver slow = browser();
        try {
            slow.executeCdpCommand("Network.enable", Map.of());
            slow.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 562.5,
                    "downloadThroughput", 180_000, "uploadThroughput", 84_375));
            slow.get(url);
            settle(slow);
            // drawn: the page's mark once its first view's layers are in, or the last tile, if later
            Number drawn = (Number) ((JavascriptExecutor) slow).executeScript("const mark = performance"
                    + ".getEntriesByName('parkatlas-ready')[0]; const tiles = performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/tiles/')).map(e => e.responseEnd);"
                    + " return Math.max(mark ? mark.startTime : Infinity, ...tiles)");
            Number bytes = (Number) ((JavascriptExecutor) slow).executeScript("return [...performance"
                    + ".getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce("
                    + "(n, e) => n + e.transferSize, 0)");
            System.out.printf("first view on fast 3G: default layers drawn in %.1f s (%,d bytes)%n",
                    drawn.doubleValue() / 1000, bytes.longValue());
            @SuppressWarnings("unchecked")
            List<List<Object>> waterfall = (List<List<Object>>) ((JavascriptExecutor) slow).executeScript("return "
                    + "performance.getEntriesByType('resource').sort((a, b) => a.startTime - b.startTime).map(e => "
                    + "[Math.round(e.startTime), Math.round(e.responseEnd), e.name.replace(location.origin, '')])");
            waterfall.forEach(e -> System.out.printf("  %6s – %6s ms  %s%n", e.get(0), e.get(1), e.get(2)));
        } finally {
            slow.quit();
        }
    }

    private static ChromeDriver browser() throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("parkatlas.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("parkatlas-weight"));
        return new ChromeDriver(options);
    }

    /** Until the page is ready, no tile is still coming, and nothing more has been asked for 1.5 s. */
    private static void settle(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.body.classList.contains('pa-ready')")));
        new WebDriverWait(browser, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            Object quiet = ((JavascriptExecutor) d).executeScript("const loading = document.querySelectorAll("
                    + "'.leaflet-tile:not(.leaflet-tile-loaded)').length; const last = Math.max(0, ...performance.getEntriesByType("
                    + "'resource').map(e => e.responseEnd)); return loading === 0 && performance.now() - last > 1500");
            return Boolean.TRUE.equals(quiet);
        });
    }
}
