package org.puente.lake;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;

/**
 * A new catalog for each test, on the backend a subclass names (embedded, or a PostgreSQL schema of
 * its own), opened with a clock the test sets, and closed and dropped after it.
 */
abstract class CatalogFixture {

  @TempDir Path temp;

  CatalogConfig config;
  SettableClock clock;
  Catalog catalog;

  abstract CatalogConfig newCatalog(Path directory);

  abstract void dropCatalog(CatalogConfig config);

  /** The clock's time when a test begins. */
  abstract Instant start();

  @BeforeEach
  void openCatalog() {
    config = newCatalog(temp.resolve("catalog"));
    clock = new SettableClock(start());
    catalog = Catalog.open(config, clock);
  }

  @AfterEach
  void closeCatalog() {
    catalog.close();
    dropCatalog(config);
  }
}
