package org.parkatlas.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planner at the map in a real headless Chromium: draws a parcel by clicking, saves it and sees it coloured by
 * readiness; draws one over a neighbour and sees the conflict in red; and two planners editing the same parcel, the
 * second told so instead of overwriting the first.
 */
class EditModeBrowserTest extends ParkAtlasServerTest {

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void stopBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void drawAParcelByClickingSaveItAndSeeItsReadiness() throws Exception {
        ChromeDriver browser = signedIn();
        browser.get(url("/?view=find"));
        waitReady(browser);
        wait(browser).until(d -> d.findElement(By.id("pa-finder")).isDisplayed());
        openEditor(browser, false);
        assertThat(browser.findElement(By.id("pa-finder")).isDisplayed())
                .as("edit mode and the finder share the map's left edge: one at a time").isFalse();
        draw(browser, new double[][]{{111.6015, 36.1761}, {111.60194, 36.1761}, {111.60194, 36.17655},
                {111.6015, 36.17655}});
        waitForArea(browser);
        double mu = Double.parseDouble(browser.findElement(By.id("draw-area")).getAttribute("data-mu"));
        assertThat(mu).as("area in mu while drawing").isBetween(2.5, 4.0);
        fillAndSave(browser, Map.of("code", "GT-NEW-1", "land_use", "100101", "status", "planned",
                "leveling", "not_started"));
        wait(browser).until(d -> "ok".equals(d.findElement(By.id("parcel-message")).getAttribute("data-kind")));
        JsonNode saved = getJson("/ogcapi/collections/parcels/items?code=GT-NEW-1").path("features").get(0);
        String id = saved.path("id").asString();
        assertThat(saved.path("properties").path("area_mu").asDouble()).isBetween(2.5, 4.0);
        try {
            browser.get(url("/?view=readiness"));
            waitReady(browser);
            script(browser, "window.parkatlas.readiness.show(true)");
            async(browser, "window.parkatlas.readiness.ready");
            Object met = script(browser, "let m = null; window.parkatlas.layers.parcels.eachLayer(l => {"
                    + "if (l.feature.id === '" + id + "') m = l.getElement().getAttribute('data-met'); }); return m;");
            long expected = getJson("/api/parcels/" + id + "/readiness").path("met").asLong();
            assertThat(met).as("the new parcel is coloured by its readiness").isEqualTo(String.valueOf(expected));
        } finally {
            send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/" + id)))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).DELETE().build());
        }
    }

    @Test
    void aParcelOverItsNeighbourShowsTheConflictInRed() throws Exception {
        ChromeDriver browser = signedIn();
        openEditor(browser);
        drawOverAndSave(browser, "parcel-0100", "GT-OVERLAP");
        wait(browser).until(d -> !d.findElements(By.cssSelector("path.pa-conflict")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".pa-violation[data-rule='no-overlap']"))).isNotEmpty();
        assertThat(getJson("/ogcapi/collections/parcels/items?code=GT-OVERLAP").path("numberMatched").asInt())
                .as("nothing was saved").isZero();
    }

    @Test
    void twoPlannersEditTheSameParcelAndTheSecondIsToldSo() throws Exception {
        String parcel = "parcel-0040";
        String original = getJson("/ogcapi/collections/parcels/items/" + parcel).path("properties").path("status")
                .asString();
        ChromeDriver first = signedIn();
        ChromeDriver second = signedIn();
        for (ChromeDriver browser : List.of(first, second)) {
            openEditor(browser);
            script(browser, "window.parkatlas.editing.select('" + parcel + "')");
            wait(browser).until(d -> script(d, "return window.parkatlas.editing.etag()") != null);
        }
        try {
            setField(first, "status", original.equals("reserved") ? "available" : "reserved");
            first.findElement(By.id("parcel-save")).click();
            String kind = wait(first).until(d -> {
                String k = d.findElement(By.id("parcel-message")).getAttribute("data-kind");
                return k == null || k.isEmpty() || k.equals("busy") ? null : k;
            });
            assertThat(kind).as(first.findElement(By.id("parcel-message")).getText()).isEqualTo("ok");

            setField(second, "status", "transferred");
            second.findElement(By.id("parcel-save")).click();
            WebElement conflict = wait(second).until(d -> {
                WebElement c = d.findElement(By.id("edit-conflict"));
                return c.isDisplayed() ? c : null;
            });
            assertThat(conflict.getText()).isNotBlank();
            assertThat(getJson("/ogcapi/collections/parcels/items/" + parcel).path("properties").path("status")
                    .asString()).as("the first planner's edit stands").isNotEqualTo("transferred");
        } finally {
            restoreStatus(parcel, original);
        }
    }

    @Test
    void cutAParcelInTwoAlongANewRoadBySnappingAndClicking() throws Exception {
        String parcel = "parcel-0070";
        JsonNode before = getJson("/ogcapi/collections/parcels/items/" + parcel);
        double mu = before.path("properties").path("area_mu").asDouble();
        String code = before.path("properties").path("code").asString();
        ChromeDriver browser = signedIn();
        openEditor(browser);
        script(browser, "window.parkatlas.editing.select('" + parcel + "')");
        wait(browser).until(d -> script(d, "return window.parkatlas.editing.etag()") != null);
        browser.findElement(By.id("split-parcel")).click();
        wait(browser).until(d -> "split".equals(script(d, "return window.parkatlas.editing.mode()")));
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) script(browser, "let b;"
                + "window.parkatlas.layers.parcels.eachLayer(l => { if (l.feature.id === '" + parcel + "') {"
                + "const m = window.parkatlas.map; const bb = l.getBounds();"
                + "const nw = m.latLngToContainerPoint(bb.getNorthWest()); const se = m.latLngToContainerPoint(bb.getSouthEast());"
                + "b = {x: (nw.x + se.x) / 2, top: nw.y, bottom: se.y}; } }); return b;");
        double x = ((Number) box.get("x")).doubleValue();
        WebElement map = browser.findElement(By.id("map"));
        for (double y : new double[]{((Number) box.get("top")).doubleValue() - 12,
                ((Number) box.get("bottom")).doubleValue() + 12}) {
            new Actions(browser).moveToElement(map, (int) Math.round(x - map.getSize().getWidth() / 2.0),
                    (int) Math.round(y - map.getSize().getHeight() / 2.0)).click().perform();
        }
        browser.findElement(By.id("split-finish")).click();
        wait(browser).until(d -> "ok".equals(d.findElement(By.id("parcel-message")).getAttribute("data-kind")));
        JsonNode pieces = getJson("/ogcapi/collections/parcels/items?limit=10000&filter="
                + java.net.URLEncoder.encode("code LIKE '" + code + "-%'", java.nio.charset.StandardCharsets.UTF_8))
                .path("features");
        try {
            assertThat(pieces).hasSize(2);
            double sum = pieces.get(0).path("properties").path("area_mu").asDouble()
                    + pieces.get(1).path("properties").path("area_mu").asDouble();
            assertThat(sum).as("the pieces' areas add up").isCloseTo(mu, org.assertj.core.api.Assertions.within(0.01));
            for (JsonNode piece : pieces) {
                assertThat(piece.path("properties").has("ready")).as("each piece has its readiness").isTrue();
            }
            assertThat(get("/ogcapi/collections/parcels/items/" + parcel).statusCode()).isEqualTo(404);
        } finally {
            for (JsonNode piece : pieces) {
                send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/"
                        + piece.path("id").asString()))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                        .DELETE().build());
            }
            send(HttpRequest.newBuilder(URI.create(url("/api/parcels/" + parcel + "/history/1/restore")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        assertThat(getJson("/ogcapi/collections/parcels/items/" + parcel).path("properties").path("area_mu")
                .asDouble()).as("restored as it was").isCloseTo(mu, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void mergeTwoNeighboursByShiftClickThenRestoreTheEarlierVersionFromTheHistory() throws Exception {
        String first = "parcel-0080";
        JsonNode a = getJson("/ogcapi/collections/parcels/items/" + first);
        org.locationtech.jts.geom.Geometry shape = org.parkatlas.geojson.GeoJsonGeometry.read(a.path("geometry"), "");
        String touching = "S_TOUCHES(geometry, " + new org.locationtech.jts.io.WKTWriter().write(shape) + ")";
        JsonNode neighbours = getJson("/ogcapi/collections/parcels/items?filter=" + java.net.URLEncoder.encode(
                touching, java.nio.charset.StandardCharsets.UTF_8)).path("features");
        assertThat(neighbours.size()).as("parcel-0080 has a neighbour").isPositive();
        String second = neighbours.get(0).path("id").asString();
        double sum = a.path("properties").path("area_mu").asDouble()
                + neighbours.get(0).path("properties").path("area_mu").asDouble();
        ChromeDriver browser = signedIn();
        openEditor(browser);
        try {
            script(browser, "window.parkatlas.editing.select('" + first + "');"
                    + "window.parkatlas.editing.select('" + second + "', true);");
            browser.findElement(By.id("merge-parcels")).click();
            wait(browser).until(d -> "ok".equals(d.findElement(By.id("parcel-message")).getAttribute("data-kind")));
            assertThat(getJson("/ogcapi/collections/parcels/items/" + first).path("properties").path("area_mu")
                    .asDouble()).as("the merged parcel").isCloseTo(sum, org.assertj.core.api.Assertions.within(0.01));
            assertThat(get("/ogcapi/collections/parcels/items/" + second).statusCode()).isEqualTo(404);

            script(browser, "window.parkatlas.editing.select('" + first + "')");
            wait(browser).until(d -> d.findElement(By.id("history-button")).isEnabled());
            browser.findElement(By.id("history-button")).click();
            WebElement original = wait(browser).until(d -> d.findElements(By.cssSelector(
                    ".pa-history-version[data-version='1']")).stream().findFirst().orElse(null));
            original.click();
            wait(browser).until(d -> !d.findElements(By.cssSelector("path.pa-history-after")).isEmpty());
            WebElement restore = wait(browser).until(d -> d.findElements(By.cssSelector(
                    ".pa-restore[data-version='1']")).stream().filter(WebElement::isDisplayed).findFirst()
                    .orElse(null));
            restore.click();
            browser.switchTo().alert().accept();
            wait(browser).until(d -> "ok".equals(d.findElement(By.id("parcel-message")).getAttribute("data-kind")));
            assertThat(getJson("/ogcapi/collections/parcels/items/" + first).path("properties").path("area_mu")
                    .asDouble()).as("back as it was before the merge")
                    .isCloseTo(a.path("properties").path("area_mu").asDouble(),
                            org.assertj.core.api.Assertions.within(1e-6));
        } finally {
            send(HttpRequest.newBuilder(URI.create(url("/api/parcels/" + second + "/history/1/restore")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        assertThat(get("/ogcapi/collections/parcels/items/" + second).statusCode()).isEqualTo(200);
    }

    @Test
    void theEnglishPageReadsInEnglishAndAVisitorLoadsNoEditor() throws Exception {
        ChromeDriver visitor = HeadlessChromium.start();
        browsers.add(visitor);
        visitor.get(url("/"));
        waitReady(visitor);
        Object editor = visitor.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.editing.ready.then(() => done('ready'), e => done('failed: ' + e));");
        assertThat(String.valueOf(editor)).as("no editor for a visitor").startsWith("failed");
        assertThat(String.valueOf(script(visitor, "return performance.getEntriesByType('resource')"
                + ".map(r => r.name).filter(n => n.includes('leaflet-geoman')).join(' ')")))
                .as("a visitor's page downloads nothing of Leaflet-Geoman").isEmpty();

        String parcel = "parcel-0040";
        String original = getJson("/ogcapi/collections/parcels/items/" + parcel).path("properties").path("status")
                .asString();
        ChromeDriver browser = signedIn();
        openEditor(browser);
        try {
            script(browser, "window.parkatlas.editing.select('" + parcel + "')");
            wait(browser).until(d -> script(d, "return window.parkatlas.editing.etag()") != null);
            setField(browser, "status", original.equals("reserved") ? "available" : "reserved");
            browser.findElement(By.id("parcel-save")).click();
            wait(browser).until(d -> "ok".equals(d.findElement(By.id("parcel-message")).getAttribute("data-kind")));
            script(browser, "window.parkatlas.editing.select('" + parcel + "')");
            wait(browser).until(d -> d.findElement(By.id("history-button")).isEnabled());
            browser.findElement(By.id("history-button")).click();
            wait(browser).until(d -> !d.findElements(By.cssSelector(".pa-history-version[data-operation='edit']"))
                    .isEmpty());

            // Switching the language while the history is open asks for it again, in English.
            browser.findElement(By.id("lang-switch")).click();
            wait(browser).until(d -> "en".equals(script(d, "return document.documentElement.lang")));
            WebElement history = browser.findElement(By.id("pa-history"));
            wait(browser).until(d -> history.getText().contains("edited") && !CJK.matcher(history.getText()).find());
            assertThat(history.findElements(By.cssSelector(".pa-history-note"))).as("the notes").isNotEmpty();
            assertThat(history.getText()).doesNotContainPattern(CJK);

            // A refused save: the rule names and the server's messages in English.
            browser.findElement(By.id("parcel-cancel")).click();
            drawOverAndSave(browser, "parcel-0100", "GT-OVERLAP-EN");
            wait(browser).until(d -> !d.findElements(By.cssSelector("path.pa-conflict")).isEmpty());
            WebElement violations = browser.findElement(By.id("parcel-violations"));
            assertThat(violations.getText()).contains("Overlaps another parcel").doesNotContainPattern(CJK);
            assertThat(browser.findElement(By.id("parcel-message")).getText()).isNotBlank()
                    .doesNotContainPattern(CJK);
            browser.findElement(By.id("parcel-cancel")).click();

            // The readiness checklist of a parcel with unmet items: labels, dates, reasons and sources in English.
            String unready = null;
            for (var entry : getJson("/api/readiness/parcels").path("parcels").properties()) {
                for (JsonNode date : entry.getValue()) {
                    if (date.isNull()) {
                        unready = entry.getKey();
                    }
                }
                if (unready != null) {
                    break;
                }
            }
            assertThat(unready).as("a parcel with an unmet item").isNotNull();
            script(browser, "window.parkatlas.editing.enable(false); window.parkatlas.readiness.show(true);");
            async(browser, "window.parkatlas.readiness.ready");
            script(browser, "window.parkatlas.layers.parcels.eachLayer(l => { if (l.feature.id === '" + unready
                    + "') l.openPopup(l.getBounds().getCenter()); });");
            // shown, not only built: an element's text reads empty while the popup is still panning into view
            WebElement checklist = wait(browser).until(d -> d.findElements(By.cssSelector(
                    ".pa-readiness .pa-readiness-item.unmet")).isEmpty() ? null
                    : d.findElement(By.cssSelector(".pa-readiness")).getText().isBlank() ? null
                    : d.findElement(By.cssSelector(".pa-readiness")));
            assertThat(checklist.getText()).contains("items met").doesNotContainPattern(CJK);
        } finally {
            restoreStatus(parcel, original);
        }
    }

    private static final java.util.regex.Pattern CJK = java.util.regex.Pattern.compile("[\\u4e00-\\u9fff]");

    /** The area shown is the server's, measured a moment after the shape last changed. */
    private static void waitForArea(ChromeDriver browser) {
        wait(browser).until(d -> {
            WebElement area = d.findElement(By.id("draw-area"));
            return area.getAttribute("data-mu") != null && !"true".equals(area.getAttribute("aria-busy"));
        });
    }

    private ChromeDriver signedIn() throws Exception {
        ChromeDriver browser = HeadlessChromium.start();
        browsers.add(browser);
        browser.get(url("/login.html"));
        wait(browser).until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait(browser).until(d -> d.getCurrentUrl().equals(url("/")));
        return browser;
    }

    private void openEditor(ChromeDriver browser) {
        openEditor(browser, true);
    }

    private void openEditor(ChromeDriver browser, boolean load) {
        if (load) {
            browser.get(url("/"));
            waitReady(browser);
        }
        async(browser, "window.parkatlas.editing.ready");
        wait(browser).until(d -> d.findElement(By.id("edit-toggle")).isDisplayed());
        browser.findElement(By.id("edit-toggle")).click();
        wait(browser).until(d -> Boolean.TRUE.equals(script(d, "return window.parkatlas.editing.enabled()")));
    }

    /** Puts a parcel's status back as it was before the test, whatever version it has reached. */
    private void restoreStatus(String parcel, String status) {
        String etag = get("/ogcapi/collections/parcels/items/" + parcel).headers().firstValue("ETag").orElseThrow();
        send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/" + parcel)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("If-Match", etag)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"status\":\"" + status
                        + "\"}}")).build());
    }

    /** Draws a square in the middle of a neighbour (half its width and height) and tries to save it. */
    private void drawOverAndSave(ChromeDriver browser, String neighbourId, String code) {
        JsonNode neighbour = getJson("/ogcapi/collections/parcels/items/" + neighbourId).path("geometry")
                .path("coordinates").get(0);
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        neighbour.forEach(c -> {
            box[0] = Math.min(box[0], c.get(0).asDouble());
            box[1] = Math.min(box[1], c.get(1).asDouble());
            box[2] = Math.max(box[2], c.get(0).asDouble());
            box[3] = Math.max(box[3], c.get(1).asDouble());
        });
        double dx = (box[2] - box[0]) / 4;
        double dy = (box[3] - box[1]) / 4;
        draw(browser, new double[][]{{box[0] + dx, box[1] + dy}, {box[2] - dx, box[1] + dy},
                {box[2] - dx, box[3] - dy}, {box[0] + dx, box[3] - dy}});
        fillAndSave(browser, Map.of("code", code, "land_use", "100101", "status", "planned",
                "leveling", "not_started"));
    }

    /** Clicks the corners on the map (lon, lat), then the first again to close the polygon. */
    private void draw(ChromeDriver browser, double[][] corners) {
        double lon = (corners[0][0] + corners[2][0]) / 2;
        double lat = (corners[0][1] + corners[2][1]) / 2;
        script(browser, "window.parkatlas.map.setView([" + lat + ", " + lon + "], 18, {animate: false})");
        browser.findElement(By.id("draw-parcel")).click();
        wait(browser).until(d -> "draw".equals(script(d, "return window.parkatlas.editing.mode()")));
        WebElement map = browser.findElement(By.id("map"));
        for (int i = 0; i <= corners.length; i++) {
            double[] corner = corners[i % corners.length];
            @SuppressWarnings("unchecked")
            Map<String, Object> point = (Map<String, Object>) script(browser, "const p = window.parkatlas.map"
                    + ".latLngToContainerPoint([" + corner[1] + ", " + corner[0] + "]); return {x: p.x, y: p.y};");
            int x = (int) Math.round(((Number) point.get("x")).doubleValue() - map.getSize().getWidth() / 2.0);
            int y = (int) Math.round(((Number) point.get("y")).doubleValue() - map.getSize().getHeight() / 2.0);
            new Actions(browser).moveToElement(map, x, y).click().perform();
        }
        wait(browser).until(d -> d.findElement(By.id("parcel-form")).isDisplayed());
    }

    private void fillAndSave(ChromeDriver browser, Map<String, String> values) {
        values.forEach((name, value) -> setField(browser, name, value));
        browser.findElement(By.id("parcel-save")).click();
    }

    private void setField(ChromeDriver browser, String name, String value) {
        script(browser, "const f = document.querySelector('#parcel-form [name=\"" + name + "\"]');"
                + "f.value = " + jsString(value) + ";"
                + "f.dispatchEvent(new Event('input', {bubbles: true}));"
                + "f.dispatchEvent(new Event('change', {bubbles: true}));");
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private void waitReady(ChromeDriver browser) {
        wait(browser).until(d -> Boolean.TRUE.equals(script(d, "return !!(window.parkatlas && window.parkatlas.ready)")));
        async(browser, "window.parkatlas.ready");
    }

    private static void async(ChromeDriver browser, String promise) {
        Object outcome = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + promise + ".then(() => done('ready'), e => done('failed: ' + e));");
        assertThat(outcome).as(promise).isEqualTo("ready");
    }

    private static WebDriverWait wait(org.openqa.selenium.WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static Object script(org.openqa.selenium.WebDriver browser, String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

}
