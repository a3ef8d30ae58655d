package org.puente.lake;

import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;

/** The indicator tables on the embedded catalog (H2 file database in PostgreSQL mode). */
class EmbeddedIndicatorTablesTest extends IndicatorTablesContractTest {

  @Override
  CatalogConfig newCatalog(NodeHome home) {
    return CatalogConfig.embedded(home.catalog());
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    // The database lives in the test's temporary directory, removed with it.
  }
}
