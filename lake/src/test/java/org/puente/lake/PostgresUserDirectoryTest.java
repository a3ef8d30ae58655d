package org.puente.lake;

import java.nio.file.Path;
import org.puente.lake.catalog.CatalogConfig;

/** The user directory on a real PostgreSQL (127.0.0.1:5432, database test), a schema per test. */
class PostgresUserDirectoryTest extends UserDirectoryTest {

  @Override
  CatalogConfig newCatalog(Path directory) {
    return TestCatalogs.newPostgresSchema();
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    TestCatalogs.dropPostgresSchema(config);
  }
}
