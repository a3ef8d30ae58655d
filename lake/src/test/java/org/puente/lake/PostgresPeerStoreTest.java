package org.puente.lake;

import java.nio.file.Path;
import org.puente.lake.catalog.CatalogConfig;

/** A hub's peers and pulls on the postgres catalog. */
class PostgresPeerStoreTest extends PeerStoreTest {

  @Override
  CatalogConfig newCatalog(Path directory) {
    return TestCatalogs.newPostgresSchema();
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    TestCatalogs.dropPostgresSchema(config);
  }
}
