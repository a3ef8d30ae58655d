package org.puente.ingest.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;

/** Ingest on a real PostgreSQL catalog (127.0.0.1:5432, database test), a schema per test. */
class PostgresIngestTest extends IngestorContractTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  CatalogConfig newCatalog(NodeHome home) {
    String schema = "ingest_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    return CatalogConfig.postgres(URL, "postgres", "").withSchema(schema);
  }

  @Override
  void dropCatalog(CatalogConfig config) {
    config.schema().ifPresent(schema -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL is required at " + URL + ": " + e.getMessage(), e);
    }
  }
}
