package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's two questions in the browser, in two interactions each from the map: "parcels within 500 m of the
 * sewage plant" and "available mu per zone", each equal to the API's answer worked out apart; a wrong condition
 * shows where it is wrong.
 */
class AnalystBrowserTest extends BrowserTest {

    @Test
    void parcelsWithinFiveHundredMetresOfTheSewagePlant() {
        open();
        browser.findElement(By.id("analyst-toggle")).click();                                  // 1
        settle();
        assertThat(browser.findElement(By.id("analyst-saved-box")).isDisplayed()).as("none to keep for the public")
                .isFalse();
        new Select(browser.findElement(By.id("analyst-near"))).selectByVisibleText("Ganting Sewage Treatment Plant"); // 2
        settle();
        JsonNode plant = null;
        for (JsonNode f : getJson("/ogcapi/collections/facilities/items?limit=100").path("features")) {
            if (f.path("properties").path("kind").asString().equals("sewage_plant")) {
                plant = f;
            }
        }
        JsonNode c = plant.path("geometry").path("coordinates");
        JsonNode api = getJson("/ogcapi/collections/parcels/items?limit=1000&filter=" + URLEncoder.encode(
                "S_DWITHIN(geometry, POINT(" + c.get(0).asDouble() + " " + c.get(1).asDouble() + "), 500)",
                StandardCharsets.UTF_8));
        List<String> shown = browser.findElements(By.cssSelector("#analyst-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(shown).hasSize(api.path("numberMatched").asInt()).isNotEmpty();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(api.path("features").valueStream()
                .map(f -> f.path("id").asString()).toList());
        assertThat(browser.findElement(By.id("analyst-summary")).getText())
                .startsWith(api.path("numberMatched").asInt() + " features");
        assertThat(browser.findElement(By.id("analyst-csv")).getAttribute("href")).contains("/api/export/parcels.csv",
                "S_DWITHIN");
        // each download holds exactly what the table shows: CSV rows, Shapefile records, DXF parcels
        String csv = new String(download("analyst-csv"), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(shown.size() + 1);
        java.nio.ByteBuffer dbf = java.nio.ByteBuffer.wrap(unzipped(download("analyst-shp"), "parcels.dbf"))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(dbf.getInt(4)).as("records in the Shapefile").isEqualTo(shown.size());
        String dxf = new String(download("analyst-dxf"), java.nio.charset.Charset.forName("GBK"));
        assertThat(dxf.split("\"properties\"", -1)).as("parcels in the DXF").hasSize(shown.size() + 1);
        assertThat(script("return document.querySelectorAll('.leaflet-pa-pane-analyst-pane path, "
                + ".leaflet-pane.leaflet-pa-pane-analyst-pane path').length")).isEqualTo((long) shown.size());
    }

    @Test
    void availableMuPerZone() {
        open();
        browser.findElement(By.id("analyst-toggle")).click();                                  // 1
        settle();
        new Select(browser.findElement(By.id("analyst-status-pick"))).selectByVisibleText("Available"); // 2
        settle();
        Map<String, Double> expected = new TreeMap<>();
        for (JsonNode f : getJson("/ogcapi/collections/parcels/items?limit=1000").path("features")) {
            JsonNode p = f.path("properties");
            if (p.path("status").asString().equals("available")) {
                expected.merge(p.path("zone").asString(), p.path("area_mu").asDouble(), Double::sum);
            }
        }
        Map<String, String> names = Map.of("Z1", "West Eco-manufacturing Zone", "Z2",
                "Central New Materials and New Energy Zone", "Z3", "East Digital Economy and Logistics Zone");
        List<WebElement> rows = browser.findElements(By.cssSelector("#analyst-stats tbody tr"));
        assertThat(rows).hasSize(expected.size());
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            String zone = names.entrySet().stream().filter(e -> e.getValue().equals(cells.get(0).getText()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(Double.parseDouble(cells.get(2).getText().replace(",", "")))
                    .isCloseTo(expected.get(zone), org.assertj.core.data.Offset.offset(0.01));
        }
        // and as a chart: a bar per zone, as tall as its available mu
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.Chart && Chart.getChart(document.getElementById('analyst-chart')))")));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) script(
                "return Chart.getChart(document.getElementById('analyst-chart')).data.labels");
        @SuppressWarnings("unchecked")
        List<Number> bars = (List<Number>) script(
                "return Chart.getChart(document.getElementById('analyst-chart')).data.datasets[0].data");
        assertThat(labels).hasSize(expected.size());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String zone = names.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            assertThat(bars.get(i).doubleValue()).as(label).isCloseTo(expected.get(zone),
                    org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(browser.findElement(By.id("analyst-chart")).getSize().getHeight()).isGreaterThan(100);
        assertThat(browser.findElement(By.id("analyst-chart")).getAttribute("aria-label"))
                .contains("West Eco-manufacturing Zone");

        // then by land use as well: a row per zone and land use that has available land, stacked in the chart
        new Select(browser.findElement(By.id("analyst-group2"))).selectByValue("land_use");
        settle();
        java.util.Set<String> pairs = new java.util.HashSet<>();
        java.util.Set<String> uses = new java.util.HashSet<>();
        for (JsonNode f : getJson("/ogcapi/collections/parcels/items?limit=1000").path("features")) {
            JsonNode p = f.path("properties");
            if (p.path("status").asString().equals("available")) {
                pairs.add(p.path("zone").asString() + "/" + p.path("land_use").asString());
                uses.add(p.path("land_use").asString());
            }
        }
        assertThat(browser.findElements(By.cssSelector("#analyst-stats tbody tr"))).hasSize(pairs.size());
        assertThat(browser.findElements(By.cssSelector("#analyst-stats thead th")).get(1).getText())
                .isEqualTo("Land-use code");
        assertThat(script("return Chart.getChart(document.getElementById('analyst-chart')).data.datasets.length"))
                .isEqualTo((long) uses.size());
    }

    @Test
    void theTableSortsByAColumnAndPages() {
        open();
        browser.findElement(By.id("analyst-toggle")).click();
        settle();
        browser.findElement(By.xpath("//div[@id='analyst-table']//th/button[starts-with(., 'Area (mu)')]")).click();
        settle();
        browser.findElement(By.xpath("//div[@id='analyst-table']//th/button[starts-with(., 'Area (mu)')]")).click();
        settle();
        JsonNode largest = getJson("/ogcapi/collections/parcels/items?limit=50&sortby=-area_mu");
        List<String> shown = browser.findElements(By.cssSelector("#analyst-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(shown).containsExactlyElementsOf(largest.path("features").valueStream()
                .map(f -> f.path("id").asString()).toList());
        assertThat(browser.findElement(By.cssSelector(".pa-analyst-range")).getText()).isEqualTo("1–50 of 204");
        browser.findElement(By.xpath("//div[@id='analyst-pager']/button[.='Next']")).click();
        settle();
        assertThat(browser.findElement(By.cssSelector(".pa-analyst-range")).getText()).isEqualTo("51–100 of 204");
        JsonNode second = getJson("/ogcapi/collections/parcels/items?limit=50&offset=50&sortby=-area_mu");
        assertThat(browser.findElement(By.cssSelector("#analyst-table tbody tr")).getAttribute("data-id"))
                .isEqualTo(second.path("features").get(0).path("id").asString());
    }

    @Test
    void aSignedInAnalystSavesAQueryAndAsksItAgain() {
        browser.get(url("/login.html"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body"))
                .getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(url("/")));
        open();
        browser.findElement(By.id("analyst-toggle")).click();
        settle();
        assertThat(browser.findElement(By.id("analyst-saved-box")).isDisplayed()).isTrue();
        new Select(browser.findElement(By.id("analyst-near"))).selectByVisibleText("Ganting Sewage Treatment Plant");
        settle();
        int near = browser.findElements(By.cssSelector("#analyst-table tbody tr")).size();
        String name = "near the plant " + System.nanoTime();
        browser.findElement(By.id("analyst-save-name")).sendKeys(name);
        browser.findElement(By.id("analyst-save")).click();
        settle();
        new Select(browser.findElement(By.id("analyst-near"))).selectByVisibleText("(anywhere)");
        settle();
        assertThat(browser.findElements(By.cssSelector("#analyst-table tbody tr")).size()).isGreaterThan(near);
        new Select(browser.findElement(By.id("analyst-saved"))).selectByVisibleText(name);
        settle();
        assertThat(browser.findElement(By.id("analyst-filter")).getAttribute("value")).startsWith("S_DWITHIN(");
        assertThat(browser.findElements(By.cssSelector("#analyst-table tbody tr"))).hasSize(near);
    }

    @Test
    void aWrongConditionSaysWhereItIsWrong() {
        open();
        browser.findElement(By.id("analyst-toggle")).click();
        settle();
        browser.findElement(By.id("analyst-filter")).sendKeys("area_mu > AND status = 'x'");
        settle();
        WebElement error = browser.findElement(By.id("analyst-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("area_mu > AND status = 'x'").contains("^");
        assertThat(browser.findElements(By.cssSelector("#analyst-table tbody tr"))).isEmpty();
    }

    /** Conditions picked from the layer's own attributes: the zone by name, the ready date from a date box. */
    @Test
    void aQueryBuiltFromPickListsAndADate() {
        open();
        browser.findElement(By.id("analyst-toggle")).click();
        settle();
        browser.findElement(By.id("analyst-add-condition")).click();
        settle();
        WebElement zone = browser.findElements(By.cssSelector(".pa-analyst-condition")).get(0);
        new Select(zone.findElement(By.cssSelector(".pa-analyst-condition-property"))).selectByVisibleText("Zone");
        settle();
        new Select(zone.findElement(By.cssSelector(".pa-analyst-condition-input")))
                .selectByVisibleText("Central New Materials and New Energy Zone (Z2)");
        settle();
        browser.findElement(By.id("analyst-add-condition")).click();
        settle();
        WebElement date = browser.findElements(By.cssSelector(".pa-analyst-condition")).get(1);
        new Select(date.findElement(By.cssSelector(".pa-analyst-condition-property"))).selectByVisibleText("Ready date");
        settle();
        new Select(date.findElement(By.cssSelector(".pa-analyst-condition-operator"))).selectByVisibleText("at most");
        WebElement picker = date.findElement(By.cssSelector("input.pa-analyst-condition-input"));
        assertThat(picker.getAttribute("type")).as("the browser's date picker").isEqualTo("date");
        picker.sendKeys("06302027"); // typed as the en-US picker takes it
        settle();
        JsonNode api = getJson("/ogcapi/collections/parcels/items?limit=50&filter=" + URLEncoder.encode(
                "zone = 'Z2' AND ready_date <= DATE('2027-06-30')", StandardCharsets.UTF_8));
        List<String> shown = browser.findElements(By.cssSelector("#analyst-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(shown).as("the first page").isNotEmpty().containsExactlyElementsOf(api.path("features")
                .valueStream().map(f -> f.path("id").asString()).toList());
        assertThat(browser.findElement(By.id("analyst-summary")).getText())
                .startsWith(api.path("numberMatched").asInt() + " features");
        assertThat(api.path("numberMatched").asInt()).isLessThan(getJson(
                "/ogcapi/collections/parcels/items?limit=1&filter=zone%20%3D%20'Z2'").path("numberMatched").asInt());
        date.findElement(By.cssSelector(".pa-analyst-condition-remove")).click();
        settle();
        assertThat(browser.findElements(By.cssSelector(".pa-analyst-condition"))).hasSize(1);

        // a list of codes: the parcels of Z2 whose seismic safety assessment is done
        browser.findElement(By.id("analyst-add-condition")).click();
        settle();
        WebElement done = browser.findElements(By.cssSelector(".pa-analyst-condition")).get(1);
        new Select(done.findElement(By.cssSelector(".pa-analyst-condition-property")))
                .selectByVisibleText("Regional assessments done");
        settle();
        new Select(done.findElement(By.cssSelector(".pa-analyst-condition-input")))
                .selectByVisibleText("Seismic safety assessment (seismic)");
        settle();
        JsonNode seismic = getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + URLEncoder.encode(
                "zone = 'Z2' AND A_CONTAINS(regional_assessments, ('seismic'))", StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("analyst-summary")).getText())
                .startsWith(seismic.path("numberMatched").asInt() + " features");
        assertThat(seismic.path("numberMatched").asInt()).isPositive();
    }

    /** A range drawn on the map, then the parcel clicked on it, as the reference of the spatial condition. */
    @Test
    void aRangeDrawnOnTheMapAndASelectedParcel() {
        open();
        browser.findElement(By.id("analyst-toggle")).click();
        settle();
        new Select(browser.findElement(By.id("analyst-relation"))).selectByVisibleText("Inside");
        settle();
        assertThat(browser.findElement(By.id("analyst-metres")).isDisplayed()).isFalse();
        browser.findElement(By.id("analyst-draw")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas.map.pm && window.parkatlas.map.pm.globalDrawModeEnabled())")));
        // four corners around the map's centre, then the first again to close the ring
        WebElement map = browser.findElement(By.id("map"));
        int[][] corners = {{-120, -90}, {120, -90}, {120, 90}, {-120, 90}, {-120, -90}};
        for (int[] corner : corners) {
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(map, corner[0], corner[1]).click()
                    .perform();
        }
        settle();
        assertThat(new Select(browser.findElement(By.id("analyst-near"))).getFirstSelectedOption().getText())
                .isEqualTo("The range drawn");
        String drawn = (String) script("const g = window.parkatlas.analyst.drawn; return g && g.type");
        assertThat(drawn).isEqualTo("Polygon");
        String filter = (String) script("return window.parkatlas.analyst.filter()");
        assertThat(filter).startsWith("S_WITHIN(geometry, POLYGON((");
        JsonNode inside = getJson("/ogcapi/collections/parcels/items?limit=1000&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        List<String> shown = browser.findElements(By.cssSelector("#analyst-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(shown).isNotEmpty().containsExactlyInAnyOrderElementsOf(inside.path("features").valueStream()
                .map(f -> f.path("id").asString()).toList());

        // a parcel clicked on the map: those that touch or overlap it
        String parcel = shown.get(0);
        script("let t; window.parkatlas.layers.parcels.eachLayer(l => { if (l.feature.id === '" + parcel + "') t = l; });"
                + "t.fire('click', {latlng: t.getBounds().getCenter()});");
        new Select(browser.findElement(By.id("analyst-relation"))).selectByVisibleText("Intersects");
        String code = getJson("/ogcapi/collections/parcels/items/" + parcel).path("properties").path("code").asString();
        new Select(browser.findElement(By.id("analyst-near"))).selectByVisibleText("Selected: " + code);
        settle();
        JsonNode geometry = getJson("/ogcapi/collections/parcels/items/" + parcel).path("geometry");
        List<String> touching = browser.findElements(By.cssSelector("#analyst-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
        assertThat(touching).contains(parcel).hasSizeGreaterThan(1); // its neighbours share an edge
        String around = (String) script("return window.parkatlas.analyst.filter()");
        assertThat(around).startsWith("S_INTERSECTS(geometry, POLYGON((");
        assertThat(geometry.path("type").asString()).isEqualTo("Polygon");
        JsonNode api = getJson("/ogcapi/collections/parcels/items?limit=1000&filter="
                + URLEncoder.encode(around, StandardCharsets.UTF_8));
        assertThat(touching).containsExactlyInAnyOrderElementsOf(api.path("features").valueStream()
                .map(f -> f.path("id").asString()).toList());
    }

    private void open() {
        browser.get(url("/?lang=en"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
    }

    private void settle() {
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => window.parkatlas.analyst.settled().then(() => done('ok'), e => done('failed: ' + e)), 0);"))
                .isEqualTo("ok");
    }

    /** What a download link of the panel gives, fetched as the browser would. */
    private byte[] download(String link) {
        String href = browser.findElement(By.id(link)).getAttribute("href");
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(href).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(href, e);
        }
    }

    private static byte[] unzipped(byte[] zip, String name) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(name + " is not in the zip");
    }
}
