package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline view in Chromium: an investment officer opens 招商, reads the pools and the zone's figures, sees the
 * parcels coloured by the pool of their project, moves a signed project on to 开工库 from its row, and the start
 * rate and the parcel's colour change with it; a visitor sees the signed pools only and no way to move anything.
 */
class PipelineBrowserTest extends BrowserTest {

    private static final String OFFICER = "zhaoshang-browser";
    private static final String PASSWORD = "pipeline-browser-1";

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws Exception {
        var dir = Files.createTempDirectory("parkatlas-pipeline-browser");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("pipeline"));
    }

    @Test
    void anInvestmentOfficerMovesASignedProjectOnAndTheStartRateAndTheMapFollow() {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url("/api/accounts")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + OFFICER + "\",\"password\":\""
                        + PASSWORD + "\",\"roles\":[\"investment\"]}")).build());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        browser.get(url("/login.html"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body"))
                .getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(OFFICER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(url("/")));
        open("/");
        browser.findElement(By.id("pipeline-toggle")).click();
        settle();

        String startRate = figure(2);
        assertThat(startRate).isEqualTo("60%"); // 6 of the sample's 10 signed projects have started
        assertThat(poolRows("signed")).hasSize(4);
        assertThat(fillOf("GT-Z1-008")).as("a producing project's parcel")
                .isEqualTo(token("--pa-map-stage-in-production"));
        assertThat(fillOf("GT-Z3-015")).isEqualTo(token("--pa-map-stage-signed"));

        WebElement row = browser.findElement(By.cssSelector(".pa-pipeline-member[data-id='project-2025-006']"));
        row.findElement(By.cssSelector("button[data-move='under_construction']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "70%".equals(figure(2)));
        settle();
        assertThat(browser.findElement(By.id("pipeline-status")).getText()).contains("光电新材料靶材项目", "开工库");
        assertThat(poolRows("signed")).hasSize(3);
        assertThat(poolRows("under_construction").stream().map(e -> e.getAttribute("data-id")))
                .contains("project-2025-006");
        assertThat(fillOf("GT-Z3-015")).as("its parcel now shows 开工库")
                .isEqualTo(token("--pa-map-stage-under-construction"));
    }

    @Test
    void aVisitorSeesTheSignedPoolsOnlyAndNothingToMove() {
        open("/?lang=en");
        browser.findElement(By.id("pipeline-toggle")).click();
        settle();
        assertThat(poolRows("planning")).isEmpty();
        assertThat(poolRows("negotiating")).isEmpty();
        assertThat(poolRows("in_production")).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".pa-pipeline-member button"))).isEmpty();
        assertThat(browser.findElement(By.id("pa-pipeline-heading")).getText()).isEqualTo("Investment pipeline");
        assertThat(browser.findElement(By.cssSelector(".pa-pipeline-member[data-id='project-2025-001'] "
                + ".pa-pipeline-name")).getText()).as("in the reader's language").isEqualTo("Green precision castings");
        assertThat(figure(5)).as("funds received are the bureau's figure").isEqualTo("—");
    }

    @Test
    void theClassViewColoursParcelsByTheirFirmsClassOrByTheKindOfIdleLand() {
        open("/");
        browser.findElement(By.id("mujun-toggle")).click();
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => window.parkatlas.efficiency.settled().then(() => done('ok')), 0);"))
                .isEqualTo("ok");
        assertThat(browser.findElement(By.id("mujun-year")).getText()).isEqualTo("2025 年度评价");
        assertThat(fillOf("GT-Z2-018")).as("the parcel of a D firm").isEqualTo(token("--pa-map-mujun-d"));
        assertThat(fillOf("GT-Z1-008")).isEqualTo(token("--pa-map-mujun-a"));
        long dParcels = getJson("/ogcapi/collections/parcels/items?limit=1000&filter="
                + java.net.URLEncoder.encode("mujun_class = 'D'", java.nio.charset.StandardCharsets.UTF_8))
                .path("numberMatched").asLong();
        assertThat(browser.findElement(By.cssSelector("#mujun-legend [data-value='D'] .pa-pipeline-legend-count"))
                .getText()).isEqualTo(String.valueOf(dParcels));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mujun-show"))).selectByValue("idle");
        assertThat(fillOf("GT-Z1-009")).as("a firm still building").isEqualTo(
                token("--pa-map-idle-built-not-producing"));
        assertThat(browser.findElement(By.cssSelector("#mujun-legend [data-value='approved_not_supplied']"))
                .getText()).contains("批而未供");
        // the pipeline view takes over the parcels' colours, and gives them back
        browser.findElement(By.id("pipeline-toggle")).click();
        settle();
        assertThat(browser.findElement(By.id("pa-mujun")).isDisplayed()).isFalse();
        assertThat(fillOf("GT-Z1-008")).isEqualTo(token("--pa-map-stage-in-production"));
    }

    private void open(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(script(
                "return !!(window.parkatlas && window.parkatlas.ready)")));
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.parkatlas.ready.then(() => done('ready'), e => done('failed: ' + e));")).isEqualTo("ready");
    }

    private void settle() {
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "setTimeout(() => window.parkatlas.pipeline.settled().then(() => done('ok')), 0);"))
                .isEqualTo("ok");
    }

    private String figure(int index) {
        // read in one script: the panel redraws its figures after a move, and an element found before is gone
        return String.valueOf(script("const v = document.querySelectorAll('.pa-pipeline-figure-value')[" + index
                + "]; return v ? v.textContent : null;"));
    }

    private List<WebElement> poolRows(String stage) {
        return browser.findElements(By.cssSelector(".pa-pipeline-pool[data-stage='" + stage
                + "'] .pa-pipeline-member"));
    }
}
