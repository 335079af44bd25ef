package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario view in Chromium, as the planner meets it: "sewage plant +6 months" is open, the parcels it
 * delays are coloured by their slip, the list and the totals are the comparison's, the day slider recolours inside
 * the scenario, the list downloads, and — the bureau having decided — the planner applies it and the park as planned
 * becomes the scenario. An analyst reads it but is offered nothing to change; a visitor is not offered the view.
 */
class ScenarioBrowserTest extends BrowserTest {

    private static final String PLANNER = "guihua-browser";
    private static final String ANALYST = "fenxi-browser";
    private static final String PASSWORD = "scenario-browser-1";

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws Exception {
        var dir = Files.createTempDirectory("parkatlas-scenario-browser");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("scenario"));
    }

    @Test
    void aPlannerSeesWhichParcelsTheLatePlantSlipsExportsThemAndAppliesIt() {
        account(PLANNER, "planner");
        String id = plantSixMonthsLate();
        JsonNode compare = api(PLANNER, "/api/scenarios/" + id + "/compare?as_of=2025-03-01");
        int listed = compare.path("parcels").size();
        signIn(PLANNER);
        open("/?scenario=" + id);
        browser.findElement(By.id("scenario-toggle")).click();
        settle();
        assertThat(browser.findElement(By.id("scenario-select")).getAttribute("value")).isEqualTo(id);
        day("2025-03-01");

        assertThat(text("#scenario-count")).isEqualTo("共 " + listed + " 块");
        assertThat(browser.findElements(By.cssSelector("#scenario-parcels .pa-scenario-row"))).hasSize(listed);
        JsonNode park = compare.path("totals").path("park");
        assertThat(figure(2)).startsWith(park.path("slipping").asInt() + " 块");
        assertThat(figure(1)).as("none is fully serviced on that day inside the scenario")
                .startsWith(park.path("scenario_ready").asInt() + " 块");
        // GT-Z1-008 is serviced 181 days later; a parcel the plant does not bound keeps the plain colour
        assertThat(fillOf("GT-Z1-008")).isEqualTo(token("--pa-map-scenario-slip-long"));
        String unchanged = api(PLANNER, "/ogcapi/collections/parcels/items?limit=300").path("features").valueStream()
                .filter(f -> compare.path("parcels").valueStream().noneMatch(r -> r.path("id").asString()
                        .equals(f.path("id").asString()))).findFirst().orElseThrow().path("properties").path("code")
                .asString();
        assertThat(fillOf(unchanged)).isEqualTo(token("--pa-map-scenario-same"));
        assertThat(text("#scenario-projects")).contains("XM-2025-001");
        // the key counts what the map shows
        assertThat(text("#scenario-legend [data-kind='slip-long'] .pa-pipeline-legend-count"))
                .isEqualTo(String.valueOf(compare.path("parcels").valueStream().filter(r -> r.path("days").asInt() > 180)
                        .count()));

        // later, the plant's new day has come: the slider's day, inside the scenario, shows them serviced again
        day("2026-01-01");
        assertThat(figure(1)).isEqualTo(figure(0));

        // the list for the bureau's meeting
        String csv = String.valueOf(((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('scenario-csv').href).then(r => r.text()).then(done, e => done('failed ' + e));"));
        assertThat(csv).contains("地块编号", "GT-Z1-008", "推迟");
        assertThat(browser.findElement(By.id("scenario-pdf")).getAttribute("href")).contains("f=pdf", "as_of=2026-01-01");

        // the bureau decides: apply it
        script("window.confirm = () => true;");
        browser.findElement(By.id("scenario-apply")).click();
        settle();
        assertThat(text("#scenario-status")).contains("已实施");
        assertThat(browser.findElement(By.id("scenario-apply")).isDisplayed()).isFalse();
        assertThat(text("#scenario-count")).isEqualTo("共 0 块");
        assertThat(api(PLANNER, "/ogcapi/collections/facilities/items/facility-01").path("properties")
                .path("completion_date").asString()).isEqualTo("2025-06-30");
    }

    @Test
    void anAnalystReadsAScenarioInEnglishWithNothingToChangeAndAVisitorIsNotOfferedIt() {
        account(PLANNER, "planner");
        account(ANALYST, "analyst");
        plantSixMonthsLate();
        open("/");
        assertThat(browser.findElement(By.id("scenario-toggle")).isDisplayed()).isFalse();

        signIn(ANALYST);
        open("/?lang=en");
        browser.findElement(By.id("scenario-toggle")).click();
        settle();
        assertThat(text("#pa-scenario-heading")).isEqualTo("What-if scenarios");
        assertThat(browser.findElement(By.id("scenario-create")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("scenario-apply")).isDisplayed()).isFalse();
        assertThat(text("#scenario-legend [data-kind='slip-long']")).contains("Later by over six months");
    }

    private String plantSixMonthsLate() {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/api/scenarios")))
                .header("Authorization", basic(PLANNER, PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"污水处理厂推迟6个月\", \"overrides\": "
                        + "[{\"collection\": \"facilities\", \"id\": \"facility-01\", \"properties\": "
                        + "{\"completion_date\": \"2025-06-30\"}}]}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private void account(String user, String role) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/api/accounts")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                        + PASSWORD + "\",\"roles\":[\"" + role + "\"]}")).build());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    private JsonNode api(String user, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, PASSWORD)).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void signIn(String user) {
        browser.get(url("/login.html"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body"))
                .getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(url("/")));
    }

    private void open(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(script(
                "return document.body.classList.contains('pa-signed-in') || document.body.classList.contains('pa-signed-out')")));
    }

    /** Sets the view's day as a person does (the date field), and waits for the comparison. */
    private void day(String iso) {
        script("const d = document.getElementById('scenario-asof'); d.value = '" + iso + "';"
                + "d.dispatchEvent(new Event('change'));");
        settle();
    }

    private void settle() {
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => window.parkatlas.scenarios.settled().then(() => done('ok')), 0);"))
                .isEqualTo("ok");
    }

    private String figure(int index) {
        return String.valueOf(script("const v = document.querySelectorAll('#scenario-figures .pa-pipeline-figure-value')["
                + index + "]; return v ? v.textContent : null;"));
    }

    private String text(String css) {
        return String.valueOf(script("const e = document.querySelector(\"" + css + "\"); return e ? e.textContent : null;"));
    }
}
