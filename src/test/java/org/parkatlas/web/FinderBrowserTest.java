package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investor's journey through the finder in a real Chromium, on the English page: five interactions from a cold
 * page to the parcels asked for, the list's count the API's own, the map and the list in step, and the address a
 * link that restores the same search and selection for a colleague.
 */
class FinderBrowserTest extends BrowserTest {

    @Test
    void anInvestorFindsTheLandInFiveInteractionsAndSharesTheLink() throws Exception {
        open("/?lang=en");
        // 1: open the finder
        browser.findElement(By.id("finder-toggle")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.id("finder-park")).isEmpty());
        // 2: the new-energy park
        new Select(browser.findElement(By.id("finder-park"))).selectByVisibleText("New Energy Park");
        // 3: 50–100 mu, in one choice
        new Select(browser.findElement(By.id("finder-area"))).selectByValue("50-100");
        // 4: standard land only
        browser.findElement(By.cssSelector("input[name=standard_land]")).click();
        // 5: fully serviced by a date the list offers (the second: the next mid-year or year end but one)
        Select readyBy = new Select(browser.findElement(By.id("finder-ready-by")));
        readyBy.selectByIndex(2);
        String date = readyBy.getFirstSelectedOption().getAttribute("value");

        JsonNode api = getJson("/api/finder?industrial_park=IP3&min_mu=50&max_mu=100&standard_land=true&ready_by="
                + date + "&limit=1000");
        assertThat(api.path("count").asInt()).as("the sample park has such land").isPositive();
        idle();
        List<WebElement> rows = wait.withMessage(() -> "the list: \"" + browser.findElement(By.id("pa-finder-summary"))
                .getText() + "\" at " + browser.getCurrentUrl() + ", the API: " + api.path("count")).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".pa-finder-row"));
            String summary = d.findElement(By.id("pa-finder-summary")).getText();
            return summary.startsWith(api.path("count").asInt() + " parcels") && found.size() == api.path("count")
                    .asInt() ? found : null;
        });
        assertThat(browser.findElement(By.id("pa-finder-summary")).getText())
                .contains(String.valueOf(api.path("total_mu").asDouble()).replaceAll("\\.0$", ""));
        List<String> listed = new ArrayList<>();
        rows.forEach(r -> listed.add(r.getAttribute("data-id")));
        List<String> expected = new ArrayList<>();
        api.path("parcels").forEach(p -> expected.add(p.path("id").asString()));
        assertThat(listed).as("in the API's order: largest first").isEqualTo(expected);
        assertThat(outlined()).as("every match outlined on the map").isEqualTo(api.path("count").asLong());

        // the list and the map in step: hovering a row emphasises its parcel; a click frames it and opens it
        WebElement second = rows.get(1).findElement(By.cssSelector(".pa-finder-open"));
        String id = listed.get(1);
        double resting = weightOf(id);
        new Actions(browser).moveToElement(second).perform();
        wait.until(d -> weightOf(id) > resting);
        second.click();
        wait.until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("sel=" + id);
        assertThat(rows.get(1).getAttribute("class")).contains("pa-finder-row-selected");
        String code = api.path("parcels").get(1).path("code").asString();
        // shown, not only built: the text reads empty while the popup is still panning into view
        wait.until(d -> d.findElement(By.cssSelector(".leaflet-popup-content")).getText().contains(code));
        assertThat(rows.get(1).findElement(By.cssSelector(".pa-finder-sheet")).getAttribute("href"))
                .endsWith("/parcels/" + code + "?lang=en");

        // a colleague opens the link cold and sees the same search, the same parcel picked
        String link = browser.getCurrentUrl();
        assertThat(link).contains("view=find", "industrial_park=IP3", "min_mu=50", "max_mu=100",
                "standard_land=true", "ready_by=" + date, "lang=en");
        browser.quit();
        browser = HeadlessChromium.start();
        browser.get(link);
        WebDriverWait again = new WebDriverWait(browser, Duration.ofSeconds(30));
        again.until(d -> d.findElements(By.cssSelector(".pa-finder-row")).size() == api.path("count").asInt());
        assertThat(new Select(browser.findElement(By.id("finder-park"))).getFirstSelectedOption().getText())
                .isEqualTo("New Energy Park");
        assertThat(browser.findElement(By.cssSelector("input[name=standard_land]")).isSelected()).isTrue();
        again.until(d -> !d.findElements(By.cssSelector(".pa-finder-row-selected")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".pa-finder-row-selected")).getAttribute("data-id"))
                .isEqualTo(id);
        again.until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
        assertThat(browser.findElement(By.id("finder-toggle-text")).getText()).isEqualTo("Find land");
    }

    @Test
    void theFinderSpeaksChineseFirstAndFollowsTheLanguageSwitch() {
        open("/?view=find&status=any&needs=gas");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        JsonNode api = getJson("/api/finder?status=any&needs=gas&limit=1000");
        wait.until(d -> d.findElement(By.id("pa-finder-summary")).getText().startsWith("共 " + api.path("count").asInt()));
        assertThat(browser.findElement(By.id("pa-finder-heading")).getText()).startsWith("找地");
        assertThat(browser.findElement(By.cssSelector(".pa-finder-more")).getAttribute("open"))
                .as("a criterion under 'more' opens it").isNotNull();
        browser.findElement(By.id("lang-switch")).click();
        wait.until(d -> d.findElement(By.id("pa-finder-summary")).getText().startsWith(api.path("count").asInt()
                + " parcels"));
        assertThat(browser.findElement(By.cssSelector(".pa-finder-needs")).getText()).contains("Gas");
    }

    @Test
    void twoParcelsFromTheListAreComparedSideBySideInALinkOfTheirOwn() {
        open("/?view=find&lang=en&industrial_park=IP3&min_mu=50&max_mu=100&standard_land=true&ready_by=2027-06-30");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        idle();
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".pa-finder-row"));
            return found.size() >= 3 ? found : null;
        });
        String first = rows.get(0).getAttribute("data-id");
        String third = rows.get(2).getAttribute("data-id");
        rows.get(0).findElement(By.cssSelector(".pa-finder-compare input")).click();
        rows.get(2).findElement(By.cssSelector(".pa-finder-compare input")).click();
        WebElement go = browser.findElement(By.cssSelector(".pa-finder-compare-go"));
        assertThat(go.getText()).isEqualTo("Compare the 2 chosen");
        go.click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("pa-ready"));
        assertThat(browser.getCurrentUrl()).contains("/compare?ids=" + first + "," + third, "lang=en");
        JsonNode a = getJson("/api/parcels/" + first + "/sheet");
        JsonNode b = getJson("/api/parcels/" + third + "/sheet");
        List<String> heads = new ArrayList<>();
        browser.findElements(By.cssSelector("#compare-head th")).forEach(th -> heads.add(th.getText()));
        assertThat(heads).containsExactly("", a.path("code").asString(), b.path("code").asString());
        WebElement area = browser.findElements(By.cssSelector("#compare-body tr")).get(0);
        assertThat(area.getAttribute("class")).as("their areas differ").contains("pa-differs");
        List<WebElement> cells = area.findElements(By.tagName("td"));
        int larger = a.path("area").path("mu").asDouble() > b.path("area").path("mu").asDouble() ? 0 : 1;
        assertThat(cells.get(larger).getAttribute("class")).as("the larger marked best").contains("pa-best");
        assertThat(cells.get(1 - larger).getAttribute("class")).doesNotContain("pa-best");
        assertThat(browser.findElements(By.cssSelector("#compare-body tr")).size()).as("every figure")
                .isGreaterThan(15);
    }

    /** Waits until every change has had its search answered and shown. */
    private void idle() {
        assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.finder.idle().then(() => done('idle'), e => done('failed: ' + e));"))
                .isEqualTo("idle");
    }

    private void open(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
    }

    private long outlined() {
        return (Long) browser.executeScript("return document.querySelectorAll('.leaflet-pa-pane-finder-pane path')"
                + ".length");
    }

    private double weightOf(String id) {
        Object weight = browser.executeScript("let w = 0; window.parkatlas.layers.parcels.eachLayer(l => {"
                + "if (String(l.feature.id) === arguments[0]) w = l.options.weight; }); return w;", id);
        return ((Number) weight).doubleValue();
    }
}
