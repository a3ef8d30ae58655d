package org.puente.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser harness against a tiny Javalin server: a script served as a file changes a button's
 * text, a link downloads a CSV, screenshots are real PNGs, the phone is a phone, and what Chromium
 * does with a {@code Secure} cookie sent over plain HTTP to the loopback address (the server's
 * sign-in cookie depends on it).
 */
class BrowsersTest {

  private static final String CSV = "country,crossings\nCRI,12\nPAN,7\n";

  private static Javalin app;
  private static WebDriver desktop;
  @TempDir static Path downloads;

  @BeforeAll
  static void start() {
    app =
        Javalin.create(
                config -> {
                  config.routes.get(
                      "/",
                      ctx ->
                          ctx.html(
                              "<!doctype html><html lang=en><head><meta charset=utf-8>"
                                  + "<meta name=viewport content='width=device-width,initial-scale=1'>"
                                  + "<title>harness</title></head><body>"
                                  + "<h1>Harness</h1>"
                                  + "<button id=go>Press</button> <p id=out>waiting</p>"
                                  + "<a id=csv href='/export.csv'>Download CSV</a>"
                                  + "<script src='/app.js'></script></body></html>"));
                  config.routes.get(
                      "/app.js",
                      ctx ->
                          ctx.contentType("text/javascript; charset=utf-8")
                              .result(
                                  "document.getElementById('go').addEventListener('click', () => {"
                                      + " document.getElementById('out').textContent = 'pressed';"
                                      + " });"));
                  config.routes.get(
                      "/export.csv",
                      ctx ->
                          ctx.contentType("text/csv; charset=utf-8")
                              .header(
                                  "Content-Disposition", "attachment; filename=\"crossings.csv\"")
                              .result(CSV));
                  config.routes.get(
                      "/cookie/set",
                      ctx ->
                          ctx.header("Set-Cookie", "t=1; Path=/; HttpOnly; Secure; SameSite=Strict")
                              .html("<p id=out>set</p>"));
                  config.routes.get(
                      "/cookie/get",
                      ctx -> {
                        String cookie = ctx.header("Cookie");
                        ctx.html("<p id=out>" + (cookie == null ? "none" : cookie) + "</p>");
                      });
                })
            .start(0);
    desktop = Browsers.start(downloads);
  }

  @AfterAll
  static void stop() {
    try {
      if (desktop != null) {
        desktop.quit();
      }
    } finally {
      if (app != null) {
        app.stop();
      }
    }
  }

  @Test
  void desktopRunsScriptsDownloadsAndTakesScreenshots() throws IOException {
    desktop.get(url("127.0.0.1", "/"));
    assertThat(number(desktop, "return window.innerWidth")).isEqualTo(Browsers.DESKTOP_WIDTH);

    desktop.findElement(By.id("go")).click();
    new WebDriverWait(desktop, Duration.ofSeconds(5))
        .until(ExpectedConditions.textToBe(By.id("out"), "pressed"));

    desktop.findElement(By.id("csv")).click();
    Path csv = Browsers.awaitDownload(downloads, ".csv", Duration.ofSeconds(10));
    assertThat(csv.getFileName()).hasToString("crossings.csv");
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(CSV);

    Path png = Browsers.screenshot(desktop, "harness-desktop");
    assertThat(png).endsWith(Path.of("target", "screenshots", "harness-desktop.png"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(Browsers.DESKTOP_WIDTH);
    assertThat(image.getHeight()).isGreaterThan(600);
    assertThat(Files.size(png)).isGreaterThan(2_000);
  }

  @Test
  void phoneHasANarrowTouchViewport(@TempDir Path phoneDownloads) throws IOException {
    WebDriver phone = Browsers.startPhone(phoneDownloads);
    try {
      phone.get(url("127.0.0.1", "/"));
      assertThat(number(phone, "return window.innerWidth")).isEqualTo(Browsers.PHONE_WIDTH);
      assertThat(number(phone, "return navigator.maxTouchPoints")).isPositive();
      assertThat((String) script(phone, "return navigator.userAgent")).contains("Mobile");
      phone.findElement(By.id("go")).click();
      new WebDriverWait(phone, Duration.ofSeconds(5))
          .until(ExpectedConditions.textToBe(By.id("out"), "pressed"));
      Path png = Browsers.screenshot(phone, "harness-phone");
      BufferedImage image = ImageIO.read(png.toFile());
      // Device pixels: the CSS viewport times the emulated pixel ratio (3).
      assertThat(image.getWidth()).isEqualTo(Browsers.PHONE_WIDTH * 3);
    } finally {
      phone.quit();
    }
  }

  /**
   * Chromium treats both loopback names as secure contexts, so it keeps a {@code Secure} cookie set
   * over plain {@code http://localhost} and {@code http://127.0.0.1} and sends it back.
   */
  @Test
  void secureCookieOverPlainHttpToLoopback() {
    for (String host : new String[] {"localhost", "127.0.0.1"}) {
      desktop.get(url(host, "/cookie/set"));
      desktop.get(url(host, "/cookie/get"));
      assertThat(desktop.findElement(By.id("out")).getText()).as(host).isEqualTo("t=1");
    }
  }

  private static String url(String host, String path) {
    return "http://" + host + ":" + app.port() + path;
  }

  private static Object script(WebDriver driver, String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static long number(WebDriver driver, String script) {
    return ((Number) script(driver, script)).longValue();
  }
}
