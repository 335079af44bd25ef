package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parcel's permalink opened cold in Chromium, in English and then in Chinese: the figures, indicators and
 * checklist the API gives, the parcel drawn on its map among its neighbours, and an enquiry sent from the page,
 * acknowledged there and then read by an admin only. Runs on a store of its own, so its enquiry counts against no
 * other test's hourly allowance.
 */
class ParcelSheetBrowserTest extends BrowserTest {

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("parkatlas-sheet");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("sheet"));
    }

    @Test
    void aPermalinkOpensTheSheetInBothLanguagesAndTakesAnEnquiry() {
        JsonNode sheet = getJson("/api/parcels/GT-Z2-054/sheet");
        JsonNode checklist = getJson("/api/parcels/" + sheet.path("id").asString() + "/readiness");
        browser.get(url("/parcels/GT-Z2-054?lang=en"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("pa-map-drawn"));
        assertThat(browser.findElement(By.id("sheet-title")).getText()).isEqualTo("Parcel GT-Z2-054");
        assertThat(browser.findElement(By.id("sheet-figures")).getText())
                .contains(String.valueOf(sheet.path("area").path("mu").asDouble()), "mu",
                        sheet.path("industrial_park").path("name").path("en").asString());
        assertThat(browser.findElements(By.cssSelector("#sheet-indicators tr"))).hasSize(sheet.path("indicators").size());
        assertThat(browser.findElements(By.cssSelector("#sheet-readiness li")))
                .hasSize(checklist.path("items").size());
        assertThat(browser.findElement(By.id("sheet-tier")).getText()).contains("Tier "
                + sheet.path("readiness").path("tier").asInt());
        Object drawn = browser.executeScript("return [...document.querySelectorAll('#sheet-map path')]"
                + ".filter(p => (p.getAttribute('stroke') || '').toLowerCase() === '#cc1e6b').length");
        assertThat((Long) drawn).as("the parcel outlined on its map").isEqualTo(1L);
        assertThat((Long) browser.executeScript("return document.querySelectorAll('#sheet-map path').length"))
                .as("among its neighbours, roads and lines").isGreaterThan(10L);

        assertThat(browser.findElement(By.id("sheet-brochure")).getAttribute("href"))
                .endsWith("/api/parcels/" + sheet.path("id").asString() + "/brochure.pdf?lang=en");
        browser.findElement(By.id("lang-switch")).click();
        wait.until(d -> d.findElement(By.id("sheet-title")).getText().equals("地块 GT-Z2-054"));
        assertThat(browser.findElement(By.id("sheet-brochure")).getAttribute("href")).endsWith("?lang=zh-CN");
        assertThat(browser.findElement(By.id("sheet-figures")).getText()).contains("亩", "公顷");

        browser.findElement(By.id("enquiry-name")).sendKeys("王磊");
        browser.findElement(By.id("enquiry-contact")).sendKeys("wang.lei@example.com");
        browser.findElement(By.id("enquiry-land")).sendKeys("80");
        browser.findElement(By.id("enquiry-message")).sendKeys("需要天然气，2027 年开工");
        browser.findElement(By.id("enquiry-send")).click();
        wait.until(d -> d.findElement(By.id("enquiry-result")).getText().contains("已收到您的咨询"));

        JsonNode enquiries = JSON.readTree(send(HttpRequest.newBuilder(URI.create(url("/api/enquiries")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build()).body());
        JsonNode mine = null;
        for (JsonNode e : enquiries) {
            if ("王磊".equals(e.path("name").asString())) {
                mine = e;
            }
        }
        assertThat(mine).as("the admin reads it").isNotNull();
        assertThat(mine.path("parcels").get(0).asString()).isEqualTo(sheet.path("id").asString());
        assertThat(mine.path("land_need_mu").asDouble()).isEqualTo(80.0);
        assertThat(mine.path("language").asString()).isEqualTo("zh-CN");
        assertThat(get("/api/enquiries").statusCode()).as("and nobody else").isEqualTo(401);
    }
}
