package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.puente.error.PuenteException;

class DuckDbRowsTest {

  private static final List<String> EXPRESSIONS =
      List.of("id", "code", "reference", "token", "day", "seen", "stay", "port");
  private static final Set<Integer> TEXT = Set.of(1, 3, 7);

  @Test
  void packedTextReadsBackAsTheColumnsWouldWithNullsInAnyPlace() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "CREATE TABLE t (id BIGINT, code VARCHAR, reference VARCHAR, token VARCHAR, day DATE,"
              + " seen TIMESTAMP, stay INTEGER, port VARCHAR)");
      statement.execute(
          "INSERT INTO t VALUES"
              + " (1, 'MÉX', 'ref|1', 'k1:AAECAwQFBgcICQoLDA0ODw', DATE '2024-02-29',"
              + "  TIMESTAMP '2024-02-29 23:59:01', 90, 'MEX-TIJ'),"
              + " (2, NULL, NULL, 'k1:_w', NULL, NULL, NULL, NULL),"
              + " (3, 'GTM', 'ñ, \"x\"', NULL, DATE '1999-01-01', NULL, 0, 'GTM-TEC'),"
              + " (4, NULL, 'r4', NULL, NULL, NULL, NULL, 'Puerto Quetzal, muelle 2')");
      List<List<Object>> plain = rows(statement, "SELECT * FROM t ORDER BY id", false);
      List<List<Object>> packed =
          rows(
              statement,
              "SELECT " + DuckDbRows.selectList(EXPRESSIONS, TEXT) + " FROM t ORDER BY id",
              true);
      assertThat(packed).hasSize(4).isEqualTo(plain);
      assertThat(packed.get(1)).containsExactly(2L, null, null, "k1:_w", null, null, null, null);
      assertThat(packed.get(3).get(7)).isEqualTo("Puerto Quetzal, muelle 2");
    }
  }

  @Test
  void packedTokensAreDigestedFromTheirBytesAsFromTheirText() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE TABLE t (id BIGINT, code VARCHAR, token VARCHAR)");
      statement.execute(
          "INSERT INTO t VALUES (1, 'MÉX', 'net-1:AQIDBAUGBwgJCgsMDQ4PEA'),"
              + " (2, NULL, NULL), (3, 'CRI', 'AAAAAAAAAAAAAAAAAAAAAA')");
      List<String> expressions = List.of("id", "code", "token");
      Set<Integer> text = Set.of(1, 2);
      List<Long> digests = new ArrayList<>();
      try (ResultSet row =
          statement.executeQuery(
              "SELECT " + DuckDbRows.selectList(expressions, text) + " FROM t ORDER BY id")) {
        DuckDbRows rows = DuckDbRows.of(row, 3, text);
        while (rows.next()) {
          digests.add(rows.digest(2));
          assertThat(rows.digest(2)).isEqualTo(org.puente.linkage.TokenDigest.of(rows.string(2)));
        }
      }
      assertThat(digests).containsExactly(0x0102030405060708L, 0L, 1L);
    }
  }

  @Test
  void aTextValueHoldingTheSeparatorIsRefusedWithItsRowNeverReadShifted() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE TABLE t (id BIGINT, a VARCHAR, b VARCHAR)");
      statement.execute(
          "INSERT INTO t VALUES (1, 'x', 'y'), (2, 'p' || chr(31) || 'q', NULL), (3, 'z', 'w')");
      List<String> expressions = List.of("id", "a", "b");
      Set<Integer> text = Set.of(1, 2);
      try (ResultSet row =
          statement.executeQuery(
              "SELECT " + DuckDbRows.selectList(expressions, text) + " FROM t ORDER BY id")) {
        DuckDbRows rows = DuckDbRows.of(row, 3, text);
        assertThat(rows.next()).isTrue();
        assertThat(rows.string(2)).isEqualTo("y");
        // Row 2 would split into three fields, "p", "q" and "", and shift b: refused instead.
        assertThatThrownBy(rows::next)
            .isInstanceOf(PuenteException.class)
            .hasMessageContaining("row 2")
            .hasMessageContaining("2 text columns cannot be told apart");
      }
    }
  }

  @Test
  void aSelectWithoutTextColumnsIsReadAsItself() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      List<String> expressions = List.of("41 + 1", "CAST(NULL AS BIGINT)");
      try (ResultSet row =
          statement.executeQuery("SELECT " + DuckDbRows.selectList(expressions, Set.of()))) {
        DuckDbRows rows = DuckDbRows.of(row, 2, Set.of());
        assertThat(rows.next()).isTrue();
        assertThat(rows.number(0)).isEqualTo(42);
        assertThat(rows.numberOrNull(1)).isNull();
        assertThat(rows.next()).isFalse();
      }
    }
  }

  /** Every row as the eight columns' values, through {@link DuckDbRows} or straight from JDBC. */
  private static List<List<Object>> rows(Statement statement, String sql, boolean packed)
      throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet row = statement.executeQuery(sql)) {
      DuckDbRows columns = DuckDbRows.of(row, EXPRESSIONS.size(), packed ? TEXT : Set.of());
      while (columns.next()) {
        List<Object> values = new ArrayList<>();
        values.add(columns.number(0));
        values.add(columns.string(1));
        values.add(columns.string(2));
        values.add(columns.string(3));
        LocalDate day = columns.date(4);
        values.add(day);
        LocalDateTime at = columns.timestamp(5);
        values.add(at);
        values.add(columns.integer(6));
        values.add(columns.string(7));
        rows.add(values);
      }
    }
    return rows;
  }
}
