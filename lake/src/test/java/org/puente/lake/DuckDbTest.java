package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DuckDbTest {

  /**
   * A reading connection's buffers are capped at a quarter of the machine's memory (at least 1
   * GiB), as DuckDB itself reports the setting, not at DuckDB's default of 80%.
   */
  @Test
  void aConnectionKeepsAQuarterOfTheMachinesMemory() throws Exception {
    long total =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    double expectedGiB = Math.max(1.0, total / 4.0 / (1L << 30));
    assertThat(DuckDb.memoryLimitMiB() / 1024.0).isCloseTo(expectedGiB, within(0.01));
    try (Connection duckdb = DuckDb.streaming();
        Statement statement = duckdb.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_setting('memory_limit')")) {
      row.next();
      String setting = row.getString(1); // e.g. "5.8 GiB"
      assertThat(setting).endsWith(" GiB");
      double reported = Double.parseDouble(setting.substring(0, setting.length() - 4));
      assertThat(reported).isCloseTo(expectedGiB, within(0.1));
    }
  }
}
