package org.puente.lake;

import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;

/** The lake contract on a real PostgreSQL (127.0.0.1:5432, database test), one schema per test. */
class PostgresLakeTest extends LakeContractTest {

  @Override
  CatalogConfig newCatalog(NodeHome home) {
    return TestCatalogs.newPostgresSchema();
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    TestCatalogs.dropPostgresSchema(config);
  }
}
