package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server data reaches the page only as text: markup stored in every free-text attribute of a feature of every layer
 * is shown as the characters it is — in labels, tooltips, popups, the readiness summary and checklist, the edit form
 * and the history — in both languages, and never becomes an element. Runs on a store of its own, which it defaces.
 */
class MarkupStaysTextBrowserTest extends BrowserTest {

    private static final String MARKUP = "<img src=\"x\" class=\"pa-injected\" onerror=\"window.__injected=1\">";

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("parkatlas-markup");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("markup"));
    }

    @Test
    void markupInEveryTextAttributeOfEveryLayerStaysText() {
        String parcel = deface();
        browser.get(url("/"));
        waitFor("window.parkatlas.ready");
        for (WebElement box : browser.findElements(By.cssSelector("#pa-layer-list input[type=checkbox]"))) {
            if (!box.isSelected()) {
                box.click();
            }
        }
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return Object.values(window.parkatlas.layers).every(l => l.getLayers().length > 0)")));
        for (String lang : List.of("zh", "en")) {
            if (!lang.equals(script("return window.parkatlas.getLang()"))) {
                browser.findElement(By.id("lang-switch")).click();
            }
            visitEveryLayersFirstFeature();
            checkNoElementWasInjected("the map in " + lang);
        }
        assertThat(String.valueOf(script("return document.body.innerText"))).as("shown as the text it is")
                .contains("<img src=\"x\"");

        script("window.parkatlas.readiness.show(true)");
        waitFor("window.parkatlas.readiness.ready");
        script("let t; window.parkatlas.layers.parcels.eachLayer(l => { if (l.feature.id === '" + parcel + "') t = l; });"
                + "t.fire('click', {latlng: t.getBounds().getCenter()});");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(
                ".pa-readiness-item")).isEmpty());
        // a click draws the trace (the source's name as a label) and may redraw the checklist, so each item is
        // found afresh rather than held across clicks
        int traceable = browser.findElements(By.cssSelector(".pa-readiness-item.pa-traceable")).size();
        for (int i = 0; i < traceable; i++) {
            int at = i;
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        List<WebElement> items = d.findElements(By.cssSelector(".pa-readiness-item.pa-traceable"));
                        if (at < items.size()) {
                            items.get(at).click();
                        }
                        return true;
                    });
        }
        checkNoElementWasInjected("the readiness view");

        // the finder lists the parcel (its code is markup) and offers the zones and parks by name (markup too)
        script("window.parkatlas.readiness.show(false); window.parkatlas.finder.show(true)");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("finder-status")).isEmpty());
        script("const s = document.getElementById('finder-status'); s.value = 'any';"
                + "s.dispatchEvent(new Event('change', {bubbles: true}));");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(
                ".pa-finder-row[data-id='" + parcel + "']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".pa-finder-row[data-id='" + parcel + "']")).getText())
                .contains("<img");
        checkNoElementWasInjected("the finder");

        signIn();
        browser.get(url("/"));
        waitFor("window.parkatlas.ready");
        waitFor("window.parkatlas.editing.ready");
        browser.findElement(By.id("edit-toggle")).click();
        script("window.parkatlas.editing.select('" + parcel + "')");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> script(
                "return window.parkatlas.editing.etag()") != null);
        browser.findElement(By.id("history-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(
                ".pa-history-version")).isEmpty());
        browser.findElements(By.cssSelector(".pa-history-version")).get(0).click();
        checkNoElementWasInjected("the edit form and the history");
    }

    /** Puts the markup into every free-text attribute of the first feature of every layer; answers the parcel's id. */
    private String deface() {
        String parcel = null;
        for (JsonNode collection : getJson("/api/map/config").path("collections")) {
            String id = collection.path("id").asString();
            List<String> texts = new ArrayList<>();
            for (JsonNode attribute : collection.path("attributes")) {
                if (attribute.path("type").asString().equals("string") && !attribute.path("computed").asBoolean()
                        && !attribute.has("values")) {
                    texts.add(attribute.path("name").asString());
                }
            }
            JsonNode feature = getJson("/ogcapi/collections/" + id + "/items?limit=1").path("features").get(0);
            StringBuilder patch = new StringBuilder("{\"properties\":{");
            for (int i = 0; i < texts.size(); i++) {
                patch.append(i == 0 ? "" : ",").append('"').append(texts.get(i)).append("\":")
                        .append(JSON.writeValueAsString(MARKUP + " " + texts.get(i)));
            }
            patch.append("}}");
            HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/" + id
                            + "/items/" + feature.path("id").asString())))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(patch.toString())).build());
            assertThat(patched.statusCode()).as(id + ": " + patched.body()).isEqualTo(200);
            if (id.equals("parcels")) {
                parcel = feature.path("id").asString();
            }
        }
        return parcel;
    }

    /** Hovers (tooltip) and clicks (popup) the first feature of every layer. */
    private void visitEveryLayersFirstFeature() {
        script("for (const layer of Object.values(window.parkatlas.layers)) {"
                + "  const first = layer.getLayers()[0]; if (!first) continue;"
                + "  const at = first.getBounds ? first.getBounds().getCenter() : first.getLatLng();"
                + "  first.fire('mouseover', {latlng: at}); first.openTooltip && first.openTooltip(at);"
                + "  first.openPopup && first.openPopup(at);"
                + "}");
    }

    private void checkNoElementWasInjected(String where) {
        assertThat(script("return document.querySelectorAll('.pa-injected, img[src=\"x\"]').length"))
                .as("no element made from server data in " + where).isEqualTo(0L);
        assertThat(script("return window.__injected === undefined")).as("no script ran in " + where)
                .isEqualTo(true);
    }

    private void signIn() {
        browser.get(url("/login.html"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body"))
                .getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(url("/")));
    }

    private void waitFor(String promise) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && " + promise.replace("window.", "window.") + ")")));
        Object outcome = browser.executeAsyncScript("const done = arguments[arguments.length - 1];" + promise
                + ".then(() => done('ok'), e => done('failed: ' + e));");
        assertThat(outcome).as(promise).isEqualTo("ok");
    }
}
