package org.puente.lake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * In-memory DuckDB connections for reading the lake in bounded memory. The JDBC driver materialises
 * a whole query result in native memory unless asked to stream: reading a country's five million
 * records that way took 6 GB outside the Java heap. These connections stream results chunk by
 * chunk, and cap DuckDB's own buffers ({@value #MEMORY_LIMIT}; its default is 80% of the machine's
 * memory).
 */
public final class DuckDb {

  /** DuckDB's buffer-manager limit for reading the lake. */
  public static final String MEMORY_LIMIT = "1GB";

  private DuckDb() {}

  /** A new in-memory connection that streams results. */
  public static Connection streaming() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("jdbc_stream_results", "true");
    Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
