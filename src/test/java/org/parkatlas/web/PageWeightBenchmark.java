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
 * revalidated file counts its 304's headers). Prints the total and the heaviest requests.
 */
public final class PageWeightBenchmark {

    private PageWeightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://localhost:8080/";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("parkatlas.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("parkatlas-weight"));
        ChromeDriver browser = new ChromeDriver(options);
        try {
            for (String visit : List.of("first view", "repeat visit")) {
                browser.get(url);
                new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return !!(window.parkatlas && window.parkatlas.ready)")));
                ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "window.parkatlas.ready.then(() => setTimeout(done, 1500), () => done());");
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
    }
}
