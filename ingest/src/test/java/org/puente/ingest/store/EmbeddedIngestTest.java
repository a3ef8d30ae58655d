package org.puente.ingest.store;

import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;

/** Ingest on the embedded catalog. */
class EmbeddedIngestTest extends IngestorContractTest {

  @Override
  CatalogConfig newCatalog(NodeHome home) {
    return CatalogConfig.embedded(home.catalog());
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    // lives in the temporary directory
  }
}
