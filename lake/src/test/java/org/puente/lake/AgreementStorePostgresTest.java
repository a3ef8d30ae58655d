package org.puente.lake;

import java.nio.file.Path;
import org.puente.lake.catalog.CatalogConfig;

/** Agreements on the PostgreSQL catalog. */
class AgreementStorePostgresTest extends AgreementStoreContract {

  @Override
  CatalogConfig newCatalog(Path directory) {
    return TestCatalogs.newPostgresSchema();
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    TestCatalogs.dropPostgresSchema(config);
  }
}
