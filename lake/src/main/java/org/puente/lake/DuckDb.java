package org.puente.lake;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * In-memory DuckDB connections for reading the lake in bounded memory. The JDBC driver materialises
 * a whole query result in native memory unless asked to stream: reading a country's five million
 * records that way took 6 GB outside the Java heap. These connections stream results chunk by
 * chunk, and cap DuckDB's own buffers ({@link #memoryLimitMiB}; its default is 80% of the machine's
 * memory).
 */
public final class DuckDb {

  /** The least buffer-manager limit, in MiB, whatever the machine. */
  static final long LEAST_MEMORY_MIB = 1024;

  /**
   * DuckDB's buffer-manager limit for reading the lake, sorting a run's histories and building its
   * cubes, in MiB: a quarter of the machine's memory, at least {@value #LEAST_MEMORY_MIB} (DuckDB's
   * own default, 80%, leaves little to the Java heap and the page cache). Beyond it the sorts spill
   * to disk: at ten million crossings the cube build took 116 s with 1 GB and 72 s with 6 GB, on a
   * machine of 24 GiB (docs/BENCHMARKS.md, eighteenth session). A machine of 4 GiB keeps 1 GiB.
   */
  public static long memoryLimitMiB() {
    long total = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean system) {
      total = system.getTotalMemorySize();
    }
    return Math.max(LEAST_MEMORY_MIB, total / 4 / (1024 * 1024));
  }

  /** Sets the connection's buffer-manager limit to {@link #memoryLimitMiB}. */
  public static void limitMemory(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = '" + memoryLimitMiB() + "MiB'");
    }
  }

  private DuckDb() {}

  /** A new in-memory connection that streams results. */
  public static Connection streaming() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("jdbc_stream_results", "true");
    Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    try {
      limitMemory(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
