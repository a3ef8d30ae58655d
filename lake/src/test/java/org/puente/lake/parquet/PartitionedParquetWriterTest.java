package org.puente.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.table.TableLayout;
import org.puente.schema.EventKind;

/** Values survive the trip through the staged text and DuckDB into Parquet exactly. */
class PartitionedParquetWriterTest {

  static final TableLayout LAYOUT =
      TableLayout.of(
          "event_time",
          "event_time TIMESTAMP",
          "name VARCHAR",
          "small INTEGER",
          "big BIGINT",
          "birth DATE",
          "flag BOOLEAN");

  @TempDir Path staging;

  @Test
  void awkwardValuesRoundTripExactly() throws SQLException {
    // Hand-made edge cases: the CSV dialect's quote, delimiter and line breaks inside a value,
    // an empty string (which must not become null), non-ASCII text, extremes of each type.
    List<Object[]> rows =
        List.of(
            row(
                LocalDateTime.of(2024, 3, 1, 0, 0),
                "plain",
                1,
                2L,
                LocalDate.of(1990, 1, 31),
                true),
            row(
                LocalDateTime.of(2024, 3, 31, 23, 59, 59, 123_456_000),
                "quote \" comma , end",
                Integer.MIN_VALUE,
                Long.MAX_VALUE,
                LocalDate.of(1, 1, 1),
                false),
            row(LocalDateTime.of(2024, 3, 15, 12, 0, 1), "", 0, 0L, null, null),
            row(
                LocalDateTime.of(2024, 3, 15, 12, 0),
                "line\nbreak\r\nand \"\"",
                Integer.MAX_VALUE,
                Long.MIN_VALUE,
                LocalDate.of(2024, 2, 29),
                true),
            row(
                LocalDateTime.of(2024, 3, 2, 8, 30),
                "Peñalosa Ñandú 東京 ü",
                null,
                null,
                null,
                false),
            row(LocalDateTime.of(2024, 3, 3, 1, 2, 3, 4_000), null, -7, -8L, null, true));

    List<StagedFile> files;
    try (PartitionedParquetWriter writer = writer(100)) {
      rows.forEach(writer::append);
      files = writer.finish();
    }

    assertThat(files).singleElement().satisfies(f -> assertThat(f.lakeFile().rows()).isEqualTo(6));
    List<Object[]> back = readBack(files.get(0).staged());
    assertThat(back).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(back.get(i)).as("row %d", i).containsExactly(rows.get(i));
    }
  }

  @Test
  void valuesLongerThanTheWriteBufferRoundTrip() throws SQLException {
    // 70,000 ASCII characters with quotes, then 70,000 with two-byte UTF-8 characters and quotes:
    // both cross the encoder's 64 KiB buffer, on the ASCII and on the UTF-8 path.
    String ascii = "ab\"c".repeat(17_500);
    String accented = "ñ\"é".repeat(23_334);
    List<StagedFile> files;
    try (PartitionedParquetWriter writer = writer(100)) {
      writer.append(row(LocalDateTime.of(2024, 1, 1, 0, 0), ascii, 1, 1L, null, null));
      writer.append(row(LocalDateTime.of(2024, 1, 2, 0, 0), accented, 2, 2L, null, null));
      files = writer.finish();
    }
    List<Object[]> back = readBack(files.get(0).staged());
    assertThat(back).extracting(r -> (String) r[1]).containsExactly(ascii, accented);
  }

  @Test
  void rowsAreSplitIntoMonthsAndFilesOfAtMostTheGivenSize() throws SQLException {
    List<StagedFile> files;
    try (PartitionedParquetWriter writer = writer(10)) {
      for (int i = 0; i < 45; i++) {
        // 25 rows in January, 20 in February, interleaved.
        int month = i % 9 < 5 ? 1 : 2;
        writer.append(
            row(LocalDateTime.of(2024, month, 1 + i % 28, 0, 0), "r" + i, i, 0L, null, null));
      }
      assertThat(writer.rows()).isEqualTo(45);
      files = writer.finish();
    }
    assertThat(files)
        .extracting(f -> f.lakeFile().partition().period())
        .containsOnly(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
    assertThat(files.stream().filter(f -> f.lakeFile().partition().period().getMonthValue() == 1))
        .extracting(f -> f.lakeFile().rows())
        .containsExactlyInAnyOrder(10L, 10L, 5L);
    assertThat(files.stream().filter(f -> f.lakeFile().partition().period().getMonthValue() == 2))
        .extracting(f -> f.lakeFile().rows())
        .containsExactlyInAnyOrder(10L, 10L);
    long total = 0;
    for (StagedFile file : files) {
      assertThat(file.lakeFile().path())
          .startsWith(file.lakeFile().partition().directory() + "/part-9-")
          .endsWith(".parquet");
      assertThat(file.lakeFile().bytes()).isEqualTo(size(file.staged()));
      total += readBack(file.staged()).size();
    }
    assertThat(total).isEqualTo(45);
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedWithoutShowingIt() {
    try (PartitionedParquetWriter writer = writer(10)) {
      Object[] row = row(LocalDateTime.of(2024, 1, 1, 0, 0), "x", 1, 2L, null, null);
      row[3] = 2; // an Integer where BIGINT wants a Long
      assertThatThrownBy(() -> writer.append(row))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column big expects Long, got Integer");
      Object[] noDate = row(null, "secret-name", 1, 2L, null, null);
      assertThatThrownBy(() -> writer.append(noDate))
          .hasMessage("period column event_time must hold a date, not null");
      assertThatThrownBy(() -> writer.append(new Object[] {1}))
          .hasMessage("row has 1 values, the layout 6 columns");
    }
  }

  private PartitionedParquetWriter writer(int rowsPerFile) {
    return new PartitionedParquetWriter(
        staging, 9, EventKind.RESIDENCE_PERMIT, "CRI", LAYOUT, rowsPerFile);
  }

  private static Object[] row(
      LocalDateTime time, String name, Integer small, Long big, LocalDate birth, Boolean flag) {
    return new Object[] {time, name, small, big, birth, flag};
  }

  private static List<Object[]> readBack(Path parquet) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT * FROM read_parquet('" + parquet + "') ORDER BY file_row_number")) {
      while (row.next()) {
        rows.add(
            new Object[] {
              row.getObject(1, LocalDateTime.class),
              row.getString(2),
              (Integer) row.getObject(3),
              (Long) row.getObject(4),
              row.getObject(5, LocalDate.class),
              (Boolean) row.getObject(6)
            });
      }
    }
    return rows;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
