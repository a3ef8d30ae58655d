package org.puente.ingest.store;

import org.puente.lake.NodeHome;
import org.puente.lake.catalog.CatalogConfig;

/** Ingest on the embedded catalog. */
class EmbeddedIngestTest extends IngestorContractTest {

  @Override
  CatalogConfig newCatalog(NodeHome home) {
    return home.embeddedCatalog();
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    // lives in the temporary directory
  }
}
