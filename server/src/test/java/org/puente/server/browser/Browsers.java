package org.puente.server.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the server's browser tests: Debian's {@code /usr/bin/chromium} driven
 * through {@code /usr/bin/chromedriver}, both named explicitly so that Selenium Manager never runs
 * (it would look for, and try to download, a browser and a driver of its own; the machines have no
 * network). Missing binaries fail the test with an install hint; they never skip it.
 *
 * <p>Every browser gets a fresh temporary profile, deleted by {@link WebDriver#quit()} (and by a
 * shutdown hook if a test forgets to quit), and saves downloads to the given folder without asking.
 * Quit each driver in a {@code finally} block or an {@code @AfterAll} method.
 */
public final class Browsers {

  /** Debian's Chromium launcher (package {@code chromium}). */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Debian's driver for it (package {@code chromium-driver}). */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** The desktop browser's window. */
  public static final int DESKTOP_WIDTH = 1366;

  /** The desktop browser's window. */
  public static final int DESKTOP_HEIGHT = 900;

  /** The phone's viewport in CSS pixels (a common 6.1-inch phone). */
  public static final int PHONE_WIDTH = 390;

  /** The phone's viewport in CSS pixels. */
  public static final int PHONE_HEIGHT = 844;

  /** The phone's user agent: Chrome on Android, which pages treat as a touch device. */
  public static final String PHONE_USER_AGENT =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/156.0.0.0 Mobile Safari/537.36";

  private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private Browsers() {}

  /**
   * A headless Chromium with a 1366x900 window, saving downloads to {@code downloadDir} without
   * asking. Fails with an {@link AssertionError} naming the install command when Chromium or its
   * driver is missing.
   */
  public static WebDriver start(Path downloadDir) {
    return launch(downloadDir, false);
  }

  /**
   * A headless Chromium emulating a phone: a 390x844 viewport at device pixel ratio 3, touch events
   * and a mobile user agent. Downloads as {@link #start(Path)}.
   */
  public static WebDriver startPhone(Path downloadDir) {
    return launch(downloadDir, true);
  }

  /**
   * Saves a PNG screenshot of the current viewport to {@code server/target/screenshots/NAME.png}
   * (creating the folder, replacing an older file) and returns its path.
   *
   * @param name letters, digits, dots, dashes and underscores
   */
  public static Path screenshot(WebDriver driver, String name) {
    if (!SCREENSHOT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "screenshot name must match " + SCREENSHOT_NAME + ": " + name);
    }
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Path file = screenshotDir().resolve(name + ".png");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The page console's errors since the last call (script errors, CSP violations). */
  public static java.util.List<String> consoleErrors(WebDriver driver) {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> !m.contains("favicon"))
        .toList();
  }

  /**
   * Waits until a file whose name ends with {@code suffix} is completely downloaded in {@code dir}:
   * present, with no Chromium partial download ({@code .crdownload}) left in the folder and the
   * same size on two polls 100 ms apart. Returns it; fails with an {@link AssertionError} listing
   * the folder after {@code timeout}.
   */
  public static Path awaitDownload(Path dir, String suffix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path candidate = null;
    long lastSize = -1;
    while (true) {
      List<Path> files = list(dir);
      boolean partial = files.stream().anyMatch(f -> name(f).endsWith(".crdownload"));
      Optional<Path> done =
          files.stream()
              .filter(f -> name(f).endsWith(suffix) && !name(f).endsWith(".crdownload"))
              .filter(Files::isRegularFile)
              .findFirst();
      if (!partial && done.isPresent()) {
        long size = size(done.get());
        if (done.get().equals(candidate) && size == lastSize && size >= 0) {
          return done.get();
        }
        candidate = done.get();
        lastSize = size;
      } else {
        candidate = null;
        lastSize = -1;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no complete download ending with "
                + suffix
                + " in "
                + dir
                + " after "
                + timeout
                + "; the folder holds "
                + files.stream().map(Browsers::name).toList());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for a download", e);
      }
    }
  }

  private static WebDriver launch(Path downloadDir, boolean phone) {
    requireExecutable(CHROMIUM, "Chromium");
    requireExecutable(CHROMEDRIVER, "chromedriver");
    Path profile;
    Path downloads;
    try {
      downloads = Files.createDirectories(downloadDir).toAbsolutePath();
      profile = Files.createTempDirectory("puente-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--user-data-dir=" + profile,
        phone
            ? "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT
            : "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("download.directory_upgrade", true);
    prefs.put("safebrowsing.enabled", false);
    options.setExperimentalOption("prefs", prefs);
    // The page's console (CSP violations, script errors), read by the tests.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    if (phone) {
      Map<String, Object> metrics = new HashMap<>();
      metrics.put("width", PHONE_WIDTH);
      metrics.put("height", PHONE_HEIGHT);
      metrics.put("pixelRatio", 3.0);
      metrics.put("touch", true);
      metrics.put("mobile", true);
      options.setExperimentalOption(
          "mobileEmulation", Map.of("deviceMetrics", metrics, "userAgent", PHONE_USER_AGENT));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    try {
      return new QuittingChromeDriver(service, options, profile);
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw new AssertionError(
          "could not start headless Chromium ("
              + CHROMIUM
              + " through "
              + CHROMEDRIVER
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static void requireExecutable(Path binary, String what) {
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(
          what
              + " is missing ("
              + binary
              + " is not an executable file). The browser tests need Debian's Chromium and its"
              + " driver: apt-get update && apt-get install -y --no-install-recommends chromium"
              + " chromium-driver (.ci/run does this on CI)");
    }
  }

  /** {@code server/target/screenshots}, wherever the tests are run from. */
  private static Path screenshotDir() {
    String basedir = System.getProperty("basedir");
    Path module;
    if (basedir != null) {
      module = Path.of(basedir);
    } else {
      Path cwd = Path.of(System.getProperty("user.dir"));
      module = Files.isRegularFile(cwd.resolve("server/pom.xml")) ? cwd.resolve("server") : cwd;
    }
    return module.resolve("target").resolve("screenshots").toAbsolutePath();
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.sorted().toList());
    } catch (IOException e) {
      // A file renamed while listing: the next poll sees the folder again.
      return List.of();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // Chromium may still be writing its profile while it exits; the folder is temporary.
      root.toFile().deleteOnExit();
    }
  }

  /**
   * A ChromeDriver that deletes its temporary profile when it quits, and quits at JVM exit if no
   * one did.
   */
  private static final class QuittingChromeDriver extends ChromeDriver {
    private final Path profile;
    private final Thread hook;
    private boolean quit;

    QuittingChromeDriver(ChromeDriverService service, ChromeOptions options, Path profile) {
      super(service, options);
      this.profile = profile;
      this.hook = new Thread(this::quitQuietly, "quit-chromium");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized void quit() {
      if (quit) {
        return;
      }
      quit = true;
      try {
        super.quit();
      } finally {
        deleteTree(profile);
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // Already shutting down: this is the hook.
        }
      }
    }

    private void quitQuietly() {
      try {
        quit();
      } catch (RuntimeException e) {
        // At JVM exit there is no one left to tell.
      }
    }
  }
}
