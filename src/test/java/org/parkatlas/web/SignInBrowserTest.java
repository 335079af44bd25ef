package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A planner signs in on the login page and the map shows who is signed in; a wrong password says so. */
class SignInBrowserTest extends BrowserTest {


    @Test
    void signInShowsTheUserOnTheMapAndSignOutEndsIt() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url("/login.html"));
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("error"));
        wait.until(d -> !d.findElement(By.id("login-message")).getText().isBlank());
        assertThat(browser.findElement(By.id("login-message")).getAttribute("data-kind")).isEqualTo("error");

        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("pa-ready"));
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().equals(url("/")));
        wait.until(d -> "signed-in".equals(d.findElement(By.id("pa-user")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("whoami")).getText()).isEqualTo(ADMIN);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.parkatlas.user.roles[0]"))
                .isEqualTo("admin");

        browser.findElement(By.id("signout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login.html?logout"));
        browser.get(url("/"));
        wait.until(d -> "signed-out".equals(d.findElement(By.id("pa-user")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("signin")).isDisplayed()).isTrue();
    }

    @Test
    void anEnglishReaderStaysInEnglishThroughSignIn() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url("/?lang=en"));
        wait.until(d -> "signed-out".equals(d.findElement(By.id("pa-user")).getAttribute("data-state")));
        browser.findElement(By.id("signin")).click();
        wait.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("pa-ready"));
        assertThat(browser.getCurrentUrl()).contains("lang=en");
        assertThat(browser.findElement(By.id("login-submit")).getText()).isEqualTo("Sign in");
        browser.findElement(By.id("username")).sendKeys(ADMIN);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().equals(url("/")));
        wait.until(d -> "signed-in".equals(d.findElement(By.id("pa-user")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("finder-toggle-text")).getText()).as("the map, in English still")
                .isEqualTo("Find land");
    }
}
