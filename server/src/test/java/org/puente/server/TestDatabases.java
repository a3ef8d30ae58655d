package org.puente.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.puente.lake.catalog.CatalogConfig;

/**
 * The real PostgreSQL the catalog tests run against: 127.0.0.1:5432, trust auth, user postgres,
 * database test (CI starts it). Each test gets its own schema, dropped afterwards, so test runs of
 * several branches on one server never collide.
 */
final class TestDatabases {

  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String POSTGRES_USER = "postgres";

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestDatabases() {}

  /** Creates a fresh schema; fails (never skips) with a clear message when PostgreSQL is down. */
  static CatalogConfig newPostgresSchema() {
    String schema = "server_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    return CatalogConfig.postgres(POSTGRES_URL, POSTGRES_USER, "").withSchema(schema);
  }

  static void dropPostgresSchema(CatalogConfig config) {
    config.schema().ifPresent(schema -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is required by the catalog tests and is not usable at "
              + POSTGRES_URL
              + " as user "
              + POSTGRES_USER
              + " (start it, e.g. pg_ctlcluster <version> main start): "
              + e.getMessage(),
          e);
    }
  }
}
