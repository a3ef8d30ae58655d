package org.puente.lake;

import java.nio.file.Path;
import org.puente.lake.catalog.CatalogConfig;

/** The user directory on the embedded catalog (H2 file database in PostgreSQL mode). */
class EmbeddedUserDirectoryTest extends UserDirectoryTest {

  @Override
  CatalogConfig newCatalog(Path directory) {
    return CatalogConfig.embedded(directory);
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    // The database lives in the test's temporary directory, removed with it.
  }
}
