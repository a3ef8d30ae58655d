package org.puente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.puente.server.TestNode;

/** The dashboard and upload pages in a real (headless) Chromium, when one is installed. */
class DashboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final List<String> CHARTS =
      List.of(
          "chart-series",
          "chart-pyramid-arrivals",
          "chart-pyramid-migrants",
          "chart-pyramid-returns",
          "chart-flows-matrix",
          "chart-flows-sankey",
          "chart-returns",
          "chart-quality");

  private static TestNode node;
  private static WebDriver driver;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no Chromium");
    node = TestNode.embedded();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,3000");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    driver = new ChromeDriver(options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(90));
  }

  private static void signIn(String user) {
    driver.manage().deleteAllCookies();
    driver.get(node.url + "/login");
    driver.findElement(By.id("login-name")).sendKeys(user);
    driver.findElement(By.id("login-password")).sendKeys(TestNode.password(user));
    driver.findElement(By.cssSelector("form[action='/login'] button")).click();
    waiting().until(d -> d.findElements(By.id("login-name")).isEmpty());
  }

  private static void waitForCharts() {
    for (String id : CHARTS) {
      waiting().until(d -> "true".equals(d.findElement(By.id(id)).getDomAttribute("data-loaded")));
    }
  }

  /** Keeps a screenshot under target/screenshots, to look at after a run. */
  private static void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> severeLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("favicon"))
        .collect(Collectors.toList());
  }

  @Test
  void dashboardDrawsEveryChartAndFollowsTheFilters() {
    signIn("viewer");
    driver.get(node.url + "/");
    waitForCharts();
    assertThat(driver.findElement(By.cssSelector("#headline-arrivals .kpi-value")).getText())
        .matches("[0-9.,]+");
    screenshot("dashboard");
    for (String id : CHARTS) {
      assertThat(driver.findElements(By.cssSelector("#" + id + " canvas"))).as(id).isNotEmpty();
    }

    new Select(driver.findElement(By.id("filter-country"))).selectByValue("GTM");
    new Select(driver.findElement(By.id("filter-direction"))).selectByValue("ARRIVAL");
    waitForCharts();
    WebElement csv = driver.findElement(By.cssSelector("#chart-series-downloads a.download-csv"));
    assertThat(csv.getDomAttribute("href"))
        .contains("where=reporting_country:GTM", "direction:ARRIVAL", "format=csv");
    assertThat(driver.getCurrentUrl()).contains("country=GTM");
    assertThat(severeLogs()).isEmpty();

    driver.findElement(By.id("lang-switch")).click();
    waiting().until(d -> d.findElement(By.tagName("html")).getDomAttribute("lang").equals("es"));
    waitForCharts();
    assertThat(driver.findElement(By.cssSelector("#headline-arrivals .kpi-label")).getText())
        .isEqualTo("Llegadas");
    assertThat(
            new Select(driver.findElement(By.id("filter-country")))
                .getFirstSelectedOption()
                .getDomAttribute("value"))
        .isEqualTo("GTM");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    waitForCharts();
    Long overflow =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return document.documentElement.scrollWidth"
                        + " - document.documentElement.clientWidth;");
    screenshot("dashboard-phone");
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('chart-pyramid-migrants').scrollIntoView();");
    screenshot("dashboard-phone-charts");
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('chart-flows-sankey').scrollIntoView();");
    screenshot("dashboard-phone-flows");
    assertThat(overflow).isLessThanOrEqualTo(0L);
    Long chartWidth =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Math.round(document.getElementById('chart-series')"
                        + ".getBoundingClientRect().width);");
    assertThat(chartWidth).isBetween(200L, 390L);
    assertThat(severeLogs()).isEmpty();
    driver.manage().window().setSize(new Dimension(1280, 3000));
    driver.get(node.url + "/lang/en?next=/");
  }

  @Test
  void uploadShowsProgressCountsAndMaskedRejects() throws Exception {
    List<String> lines =
        Files.readAllLines(node.heldBack(), java.nio.charset.StandardCharsets.ISO_8859_1);
    List<String> header = List.of(lines.get(0).split(";", -1));
    int date = header.indexOf("fecha_ingreso");
    int id = header.indexOf("correlativo");
    assertThat(date).isNotNegative();
    assertThat(id).isNotNegative();
    StringBuilder file = new StringBuilder(lines.get(0)).append("\r\n");
    for (int i = 1; i <= Math.min(8, lines.size() - 1); i++) {
      String[] fields = lines.get(i).split(";", -1);
      // records of their own: the held-back export stays new for the upload tests
      fields[id] = Integer.toString(987_000 + i);
      if (i % 2 == 0) {
        fields[date] = "99-99-2024";
      }
      file.append(String.join(";", fields)).append("\r\n");
    }
    Path bad = Files.createTempDirectory("puente-upload").resolve("retornados_errores.csv");
    Files.write(bad, file.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    signIn("gtm-steward");
    driver.get(node.url + "/upload");
    new Select(driver.findElement(By.id("upload-spec"))).selectByValue("gtm-returns");
    driver.findElement(By.id("upload-file")).sendKeys(bad.toString());
    driver.findElement(By.id("upload-submit")).click();
    waiting().until(d -> d.findElement(By.id("upload-counts")).isDisplayed());
    assertThat(driver.findElement(By.id("upload-progress")).getDomProperty("value"))
        .isEqualTo("100");
    assertThat(driver.findElement(By.id("count-read")).getText()).isEqualTo("8");
    assertThat(driver.findElement(By.id("count-accepted")).getText()).isEqualTo("4");
    assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("4");
    assertThat(driver.findElement(By.id("upload-reasons")).getText()).contains("4");
    waiting().until(d -> d.findElement(By.id("upload-rejects")).isDisplayed());
    String rejects = driver.findElement(By.id("upload-rejects-rows")).getText();
    assertThat(rejects).contains("fecha_ingreso", SubmissionApiMask.MASK);
    assertThat(driver.findElements(By.cssSelector("#upload-rejects-rows tr"))).hasSize(4);
    screenshot("upload-rejects");
    assertThat(severeLogs()).isEmpty();
  }

  /** The mask the submissions API shows for identifiers. */
  private static final class SubmissionApiMask {
    static final String MASK = org.puente.server.api.SubmissionApi.MASK;
  }
}
