package org.puente.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.puente.server.MirrorFixture;
import org.puente.server.TestNode;

/**
 * The mirror statistics page in a real headless Chromium, on the hub of {@link MirrorFixture}: the
 * heat map is drawn, the tables hold the year's rows, another year reloads them, the language
 * switch gives Spanish labels, and no script error or CSP violation is logged.
 */
class MirrorBrowserTest {

  @Test
  void theMirrorPageDrawsTheHeatMapAndTablesInBothLanguages() throws Exception {
    TestNode node = MirrorFixture.get().node;
    WebDriver driver = Browsers.start(Files.createTempDirectory("puente-mirror"));
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      driver.get(node.url + "/mirror");
      wait.until(ExpectedConditions.urlContains("/login"));
      driver.findElement(By.id("login-name")).sendKeys("viewer");
      driver.findElement(By.id("login-password")).sendKeys(TestNode.password("viewer"));
      driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mirror-heatmap")));

      // the latest year, 2024: five pairs, GTM's port flagged, two countries' indices
      heatMapDrawn(driver, wait);
      assertThat(driver.findElements(By.cssSelector("#mirror-pairs tbody tr"))).hasSize(5);
      assertThat(driver.findElements(By.cssSelector("#mirror-ports tbody tr"))).hasSize(1);
      assertThat(driver.findElements(By.cssSelector("#mirror-indices tbody tr"))).hasSize(2);
      String firstPair = driver.findElement(By.cssSelector("#mirror-pairs tbody tr")).getText();
      // Guatemala → Mexico: 100 departures, 90 arrivals, ratio 0.900, SPD −10.5
      assertThat(firstPair).contains("Guatemala", "Mexico", "100", "90", "0.900", "-10.5");
      assertThat(driver.findElement(By.id("mirror-share")).getText()).contains("66.7");
      assertThat(driver.findElement(By.id("nav-mirror")).getAttribute("aria-current"))
          .isEqualTo("page");
      Browsers.screenshot(driver, "mirror");
      assertThat(Browsers.consoleErrors(driver)).as("script errors or CSP violations").isEmpty();

      // another year reloads the page with its rows
      new Select(driver.findElement(By.id("mirror-year"))).selectByValue("2023");
      wait.until(ExpectedConditions.urlContains("year=2023"));
      heatMapDrawn(driver, wait);
      assertThat(driver.findElements(By.cssSelector("#mirror-pairs tbody tr"))).hasSize(1);

      // Spanish
      driver.findElement(By.id("lang-switch")).click();
      wait.until(d -> "es".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
      heatMapDrawn(driver, wait);
      String body = driver.findElement(By.tagName("body")).getText();
      assertThat(body).contains("Estadísticas espejo", "Origen", "Destino", "México");
      assertThat(
              new Select(driver.findElement(By.id("mirror-year")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("2023");
      Browsers.screenshot(driver, "mirror-es");
      assertThat(Browsers.consoleErrors(driver)).as("script errors or CSP violations").isEmpty();
    } finally {
      driver.quit();
    }
  }

  private static void heatMapDrawn(WebDriver driver, WebDriverWait wait) {
    wait.until(ExpectedConditions.attributeToBe(By.id("mirror-heatmap"), "data-loaded", "true"));
    assertThat(driver.findElements(By.cssSelector("#mirror-heatmap canvas"))).isNotEmpty();
  }
}
