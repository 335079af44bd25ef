package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map drawn from vector tiles (what a large park gets; {@code ?tiles=always} asks it of the sample): the parcels
 * come as tiles, not GeoJSON, drawn in the same colours; a click is resolved through the API into the parcel's
 * whole popup; the legend counts the whole layer; and an edit shows in the next tiles the page fetches.
 */
class TiledMapBrowserTest extends BrowserTest {

    private static final String PARCEL_PATHS = "document.querySelectorAll('.leaflet-pane[data-collection=parcels] "
            + ".leaflet-tile path.pa-parcel').length";

    @Test
    void parcelsComeAsTilesInTheSameColoursAndAClickOpensTheWholeParcel() {
        JavascriptExecutor js = browser;
        String geoJsonFill = fillOfAvailable("/?lang=en&tiles=never", false);
        String tiledFill = fillOfAvailable("/?lang=en&tiles=always", true);
        JsonNode parcel = uncovered();
        String code = parcel.path("properties").path("code").asString();
        assertThat(tiledFill).as("the same style function draws both").isEqualTo(geoJsonFill);
        assertThat(js.executeScript("return performance.getEntriesByType('resource').filter(e => e.name.includes("
                + "'/collections/parcels/items')).length")).as("no parcel GeoJSON downloaded").isEqualTo(0L);
        assertThat((Long) js.executeScript("return performance.getEntriesByType('resource').filter(e => e.name"
                + ".includes('/collections/parcels/tiles/WebMercatorQuad/')).length")).isPositive();

        // the legend counts the whole layer, not the tiles in view
        long available = getJson("/ogcapi/collections/parcels/items?limit=1&filter=status%3D%27available%27")
                .path("numberMatched").asLong();
        String legendCount = "const row=[...document.querySelectorAll('section[data-legend=parcels] li')].find("
                + "li => li.textContent.includes('Available')); return row ? row.textContent : null";
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> String.valueOf(js.executeScript(
                    legendCount)).equals("Available" + available));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the legend's row: " + js.executeScript(legendCount) + ", the layer: "
                    + available + " available", e);
        }

        click(parcel);
        String popup = "const p=document.querySelector('.leaflet-popup-content'); return p ? p.textContent : null";
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
                Object text = js.executeScript(popup);
                return text != null && text.toString().contains(code) && text.toString().contains(" mu (");
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("clicked " + code + "; the popup: " + js.executeScript(popup), e);
        }
    }

    @Test
    void anEditShowsInTheNextTiles() {
        open("/?lang=en&tiles=always");
        JsonNode parcel = uncovered();
        String id = parcel.path("id").asString();
        assertThat(statusAt(parcel)).isEqualTo("pa-status-available");
        try {
            assertThat(patchStatus(id, "reserved").statusCode()).isEqualTo(200);
            browser.navigate().refresh(); // the browser revalidates its tiles: their ETags have moved on
            waitForTiles();
            assertThat(statusAt(parcel)).isEqualTo("pa-status-reserved");
        } finally {
            patchStatus(id, "available");
        }
    }

    private String fillOfAvailable(String page, boolean tiled) {
        open(page);
        JavascriptExecutor js = browser;
        long fromTiles = (Long) js.executeScript("return " + PARCEL_PATHS);
        if (tiled) {
            assertThat(fromTiles).as("parcels drawn from tiles").isGreaterThan(100);
        } else {
            assertThat(fromTiles).as("parcels drawn as GeoJSON").isZero();
        }
        return (String) js.executeScript("return document.querySelector('.leaflet-pane[data-collection=parcels] "
                + "path.pa-status-available').getAttribute('fill')");
    }

    private void open(String page) {
        browser.get(url(page));
        JavascriptExecutor js = browser;
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return document.body.classList.contains('pa-ready')")));
        if (page.contains("tiles=always")) {
            waitForTiles();
        }
    }

    private void waitForTiles() {
        JavascriptExecutor js = browser;
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> (Long) js.executeScript("return "
                + PARCEL_PATHS) > 100);
    }

    /** An available parcel with nothing drawn over its middle (no building, no facility), on the tiled page. */
    private JsonNode uncovered() {
        for (JsonNode parcel : getJson("/ogcapi/collections/parcels/items?limit=50&filter=status%3D%27available%27")
                .path("features")) {
            List<Long> point = screenPoint(parcel);
            // clear of the map's edges too, where the coordinate readout appears as soon as the pointer moves
            Object top = ((JavascriptExecutor) browser).executeScript("const [x, y] = arguments;"
                    + " if (x < 150 || y < 150 || x > innerWidth - 450 || y > innerHeight - 150) return false;"
                    + " const e=document.elementFromPoint(x, y);"
                    + " return !!(e && e.classList && e.classList.contains('pa-parcel'))", point.get(0), point.get(1));
            if (Boolean.TRUE.equals(top)) {
                return parcel;
            }
        }
        throw new AssertionError("no available parcel with its middle clear on the map");
    }

    /** The status class of the topmost parcel path drawn at the parcel's middle. */
    private String statusAt(JsonNode parcel) {
        List<Long> point = screenPoint(parcel);
        return (String) ((JavascriptExecutor) browser).executeScript("const e=document.elementsFromPoint("
                + "arguments[0], arguments[1]).find(e => e.classList && e.classList.contains('pa-parcel'));"
                + " return e ? [...e.classList].find(c => c.startsWith('pa-status-')) : null", point.get(0),
                point.get(1));
    }

    private void click(JsonNode parcel) {
        List<Long> point = screenPoint(parcel);
        new Actions(browser).moveToLocation(point.get(0).intValue(), point.get(1).intValue())
                .pause(Duration.ofMillis(300)).click().perform();
    }

    @SuppressWarnings("unchecked")
    private List<Long> screenPoint(JsonNode parcel) {
        JsonNode ring = parcel.path("geometry").path("coordinates").get(0);
        double lon = 0;
        double lat = 0;
        int n = ring.size() - 1;
        for (int i = 0; i < n; i++) {
            lon += ring.get(i).get(0).asDouble() / n;
            lat += ring.get(i).get(1).asDouble() / n;
        }
        return (List<Long>) ((JavascriptExecutor) browser).executeScript("const m=window.parkatlas.map;"
                + " const p=m.latLngToContainerPoint(L.latLng(arguments[0], arguments[1]));"
                + " const r=m.getContainer().getBoundingClientRect(); return [Math.round(p.x+r.left),"
                + " Math.round(p.y+r.top)]", lat, lon);
    }

    private HttpResponse<String> patchStatus(String id, String status) {
        return send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/" + id)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"status\":\"" + status
                        + "\"}}")).build());
    }
}
