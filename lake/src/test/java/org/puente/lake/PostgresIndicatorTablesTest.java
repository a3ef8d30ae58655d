package org.puente.lake;

import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;

/** The indicator tables on a real PostgreSQL (127.0.0.1:5432, database test), a schema per test. */
class PostgresIndicatorTablesTest extends IndicatorTablesContractTest {

  @Override
  CatalogConfig newCatalog(NodeHome home) {
    return TestCatalogs.newPostgresSchema();
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    TestCatalogs.dropPostgresSchema(config);
  }
}
