package org.puente.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.puente.server.TestNode;

/**
 * The dashboard in a real headless Chromium: sign in, upload an export and see its counts and
 * masked rejects, open the dashboard, filter a chart, download a table, switch the language, and
 * read it on a phone. Screenshots go to server/target/screenshots.
 */
abstract class DashboardBrowserTestBase {

  static final List<String> CHARTS =
      List.of(
          "chart-series",
          "chart-pyramid-arrivals",
          "chart-pyramid-migrants",
          "chart-pyramid-returns",
          "chart-flows-matrix",
          "chart-flows-sankey",
          "chart-returns",
          "chart-quality");

  abstract TestNode node();

  abstract String name();

  @Test
  void aStewardUploadsReadsFiltersDownloadsAndSwitchesLanguage() throws Exception {
    TestNode node = node();
    Path downloads = Files.createTempDirectory("puente-downloads");
    WebDriver driver = Browsers.start(downloads);
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      signIn(driver, wait, node, "gtm-steward");

      // the dashboard, every chart drawn with data
      allChartsLoaded(driver, wait);
      String arrivals =
          driver.findElement(By.cssSelector("#headline-arrivals .kpi-value")).getText();
      assertThat(arrivals.replaceAll("[^0-9]", "")).isNotEmpty();
      Browsers.screenshot(driver, "dashboard-" + name());
      assertThat(Browsers.consoleErrors(driver)).as("script errors or CSP violations").isEmpty();

      // filter a chart: one country; the charts reload and their downloads follow the filter
      new Select(driver.findElement(By.id("filter-country"))).selectByValue("GTM");
      // (the headline comes by its own request: wait for its downloads to follow the filter too)
      for (String panel : List.of("chart-series-downloads", "headline-downloads")) {
        wait.until(d -> d.findElement(By.id(panel)).getAttribute("innerHTML").contains("GTM"));
      }
      allChartsLoaded(driver, wait);
      String filtered =
          driver.findElement(By.cssSelector("#headline-arrivals .kpi-value")).getText();
      assertThat(number(filtered)).isLessThan(number(arrivals));

      // download the chart's table as CSV and as XLSX
      driver.findElement(By.cssSelector("#chart-series-downloads a[href*='format=csv']")).click();
      Path csv = Browsers.awaitDownload(downloads, ".csv", Duration.ofSeconds(30));
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertThat(lines.size()).isGreaterThan(2);
      // the download is the chart's table: its arrivals of the selected year are the headline's
      String year =
          new Select(driver.findElement(By.id("filter-period")))
              .getFirstSelectedOption()
              .getAttribute("value");
      String arrivalsRow =
          lines.stream()
              .filter(l -> l.startsWith(year + ",") && l.contains(",ARRIVAL,"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no arrivals of " + year + " in " + lines));
      assertThat(number(arrivalsRow.split(",")[4])).isEqualTo(number(filtered));
      driver.findElement(By.cssSelector("#chart-series-downloads a[href*='format=xlsx']")).click();
      Path xlsx = Browsers.awaitDownload(downloads, ".xlsx", Duration.ofSeconds(30));
      assertThat(Files.size(xlsx)).isGreaterThan(1000);

      // switch the language
      driver.findElement(By.id("lang-switch")).click();
      wait.until(d -> "es".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
      allChartsLoaded(driver, wait);
      assertThat(driver.findElement(By.tagName("body")).getText()).contains("Llegadas");
      Browsers.screenshot(driver, "dashboard-es-" + name());

      // upload an export with three impossible dates: progress, counts, masked rejects
      Path export = exportWithBadRows(node, downloads);
      driver.get(node.url + "/upload");
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#upload-spec option[value='gtm-returns']")));
      new Select(driver.findElement(By.id("upload-spec"))).selectByValue("gtm-returns");
      driver.findElement(By.id("upload-file")).sendKeys(export.toAbsolutePath().toString());
      driver.findElement(By.id("upload-submit")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-counts")));
      long read = number(driver.findElement(By.id("count-read")).getText());
      long accepted = number(driver.findElement(By.id("count-accepted")).getText());
      long rejected = number(driver.findElement(By.id("count-rejected")).getText());
      long duplicates = number(driver.findElement(By.id("count-duplicates")).getText());
      long rows = Files.readAllLines(export, StandardCharsets.ISO_8859_1).size() - 1;
      assertThat(read).isEqualTo(rows);
      assertThat(accepted + rejected + duplicates).isEqualTo(read);
      assertThat(rejected).isEqualTo(3);
      assertThat(driver.findElement(By.id("upload-progress")).getAttribute("value"))
          .isEqualTo("100");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-rejects")));
      List<WebElement> rejectRows = driver.findElements(By.cssSelector("#upload-rejects-rows tr"));
      assertThat(rejectRows).hasSize(3);
      String rejectsText = driver.findElement(By.id("upload-rejects")).getText();
      assertThat(rejectsText).contains("•••");
      for (String name : clearNames(export)) {
        assertThat(rejectsText).doesNotContain(name);
      }
      Browsers.screenshot(driver, "upload-" + name());
      assertThat(Browsers.consoleErrors(driver)).as("script errors or CSP violations").isEmpty();
    } finally {
      driver.quit();
    }
  }

  @Test
  void theDashboardIsReadableOnAPhone() throws Exception {
    TestNode node = node();
    WebDriver phone = Browsers.startPhone(Files.createTempDirectory("puente-phone"));
    try {
      WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(60));
      signIn(phone, wait, node, "viewer");
      allChartsLoaded(phone, wait);
      long overflow =
          (Long)
              ((JavascriptExecutor) phone)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(overflow).as("horizontal scrolling on a phone").isLessThanOrEqualTo(0);
      for (String chart : CHARTS) {
        long width = phone.findElement(By.id(chart)).getSize().getWidth();
        assertThat(width).as(chart).isGreaterThan(200).isLessThanOrEqualTo(Browsers.PHONE_WIDTH);
      }
      Browsers.screenshot(phone, "dashboard-phone-" + name());
    } finally {
      phone.quit();
    }
  }

  private static void signIn(WebDriver driver, WebDriverWait wait, TestNode node, String user) {
    driver.get(node.url + "/");
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("login-name")).sendKeys(user);
    driver.findElement(By.id("login-password")).sendKeys(TestNode.password(user));
    driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-series")));
  }

  private static void allChartsLoaded(WebDriver driver, WebDriverWait wait) {
    for (String chart : CHARTS) {
      wait.until(ExpectedConditions.attributeToBe(By.id(chart), "data-loaded", "true"));
      // ECharts draws into a canvas it adds to the element
      assertThat(driver.findElements(By.cssSelector("#" + chart + " canvas")))
          .as(chart)
          .isNotEmpty();
    }
  }

  /** The held-back returns export with its first three rows given an impossible date. */
  private static Path exportWithBadRows(TestNode node, Path dir) throws Exception {
    List<String> lines = Files.readAllLines(node.heldBack(), StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>(lines);
    for (int i = 1; i <= 3; i++) {
      String[] fields = out.get(i).split(";", -1);
      fields[1] = "31-02-2024";
      out.set(i, String.join(";", fields));
    }
    Path file = dir.resolve("retornados-" + System.nanoTime() + ".csv");
    Files.write(file, out, StandardCharsets.ISO_8859_1);
    return file;
  }

  /** The given names and surnames of the three bad rows, which the page must not show. */
  private static List<String> clearNames(Path export) throws Exception {
    List<String> lines = Files.readAllLines(export, StandardCharsets.ISO_8859_1);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String[] fields = lines.get(i).split(";", -1);
      for (String name : new String[] {fields[5], fields[6]}) {
        if (name.length() >= 4) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static long number(String text) {
    String digits = text.replaceAll("[^0-9]", "");
    assertThat(digits).as("a number in '" + text + "'").isNotEmpty();
    return Long.parseLong(digits);
  }
}
