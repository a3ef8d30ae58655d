package org.puente.lake;

import java.nio.file.Path;
import org.puente.lake.catalog.CatalogConfig;

/** Agreements on the embedded catalog. */
class AgreementStoreEmbeddedTest extends AgreementStoreContract {

  @Override
  CatalogConfig newCatalog(Path directory) {
    return CatalogConfig.embedded(directory);
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    // The database lives in the test's temporary directory, removed with it.
  }
}
