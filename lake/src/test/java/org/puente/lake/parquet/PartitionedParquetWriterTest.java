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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.table.TableLayout;
import org.puente.schema.EventKind;

/** Values written to Parquet read back exactly through DuckDB, the engine that reads the lake. */
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
  void parquetReadersTrustTheFilesStatistics() throws Exception {
    List<StagedFile> files;
    try (PartitionedParquetWriter writer = writer(100)) {
      writer.append(row(LocalDateTime.of(2024, 1, 1, 0, 0), "a", 1, 1L, null, null));
      files = writer.finish();
    }
    String createdBy;
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT created_by FROM parquet_file_metadata('" + files.get(0).staged() + "')")) {
      row.next();
      createdBy = row.getString(1);
    }
    // parquet-java (Spark's reader) ignores the statistics of a file whose writer it cannot name.
    assertThat(createdBy).isEqualTo(ParquetFile.CREATED_BY);
    org.apache.parquet.VersionParser.ParsedVersion version =
        org.apache.parquet.VersionParser.parse(createdBy);
    assertThat(version.application).isEqualTo("puente-lake");
    assertThat(
            org.apache.parquet.CorruptStatistics.shouldIgnoreStatistics(
                createdBy, org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY))
        .isFalse();
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

  @Test
  void manyRowGroupsKeepOrderValuesAndUsableStatistics() throws Exception {
    // 5,500 rows in row groups of 1,000: six groups, the last partial; "name" is opaque (no
    // min/max statistics), "small" keeps min/max statistics that DuckDB can prune with.
    Path file = staging.resolve("groups.parquet");
    try (ParquetFile parquet = new ParquetFile(file, LAYOUT, Set.of("name"), 1_000)) {
      for (int i = 0; i < 5_500; i++) {
        parquet.append(
            row(
                LocalDateTime.of(2024, 5, 1 + i % 31, i % 24, 0),
                i % 7 == 0 ? null : "n" + i,
                i,
                (long) i * 3,
                i % 2 == 0 ? LocalDate.of(1950, 1, 1).plusDays(i) : null,
                i % 3 == 0));
      }
      assertThat(parquet.finish()).isEqualTo(size(file));
    }
    List<Object[]> back = readBack(file);
    assertThat(back).hasSize(5_500);
    for (int i = 0; i < 5_500; i += 499) {
      assertThat(back.get(i)[1]).isEqualTo(i % 7 == 0 ? null : "n" + i);
      assertThat(back.get(i)[2]).isEqualTo(i);
      assertThat(back.get(i)[4])
          .isEqualTo(i % 2 == 0 ? LocalDate.of(1950, 1, 1).plusDays(i) : null);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      ResultSet groups =
          statement.executeQuery(
              "SELECT count(DISTINCT row_group_id), sum(row_group_num_rows) FILTER (WHERE"
                  + " path_in_schema = 'small') FROM parquet_metadata('"
                  + file
                  + "')");
      groups.next();
      assertThat(groups.getLong(1)).isEqualTo(6);
      assertThat(groups.getLong(2)).isEqualTo(5_500);
      ResultSet codecs =
          statement.executeQuery(
              "SELECT DISTINCT compression FROM parquet_metadata('" + file + "')");
      codecs.next();
      assertThat(codecs.getString(1)).isEqualTo("ZSTD");
      assertThat(codecs.next()).as("one codec for every column chunk").isFalse();
      ResultSet stats =
          statement.executeQuery(
              "SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count, encodings"
                  + " FROM parquet_metadata('"
                  + file
                  + "') WHERE row_group_id = 1 AND path_in_schema IN ('small', 'name')"
                  + " ORDER BY path_in_schema");
      stats.next();
      assertThat(stats.getString(1)).isEqualTo("name");
      assertThat(stats.getString(2)).isNull();
      stats.next();
      assertThat(stats.getString(1)).isEqualTo("small");
      assertThat(stats.getString(2)).isEqualTo("1000");
      assertThat(stats.getString(3)).isEqualTo("1999");
      assertThat(stats.getLong(4)).isZero();
      ResultSet count =
          statement.executeQuery(
              "SELECT count(*), sum(big) FROM read_parquet('"
                  + file
                  + "') WHERE small BETWEEN 2500 AND 2599 AND flag");
      count.next();
      long expected = 0;
      long sum = 0;
      for (int i = 2500; i <= 2599; i++) {
        if (i % 3 == 0) {
          expected++;
          sum += 3L * i;
        }
      }
      assertThat(count.getLong(1)).isEqualTo(expected);
      assertThat(count.getLong(2)).isEqualTo(sum);
    }
  }

  @Test
  void aGrowingDictionaryFallsBackToPlainAcrossPagesWithoutLosingAValue() throws Exception {
    // 50,000 rows in one row group: 3 pages of at most 20,000 rows. The text column starts with
    // repeated values (dictionary pages), then turns unique until its dictionary passes its
    // limit part-way through a page, after which the chunk is plain.
    Path file = staging.resolve("fallback.parquet");
    int total = 50_000;
    try (ParquetFile parquet = new ParquetFile(file, LAYOUT, Set.of(), 100_000)) {
      for (int i = 0; i < total; i++) {
        parquet.append(
            row(
                LocalDateTime.of(2024, 6, 1, 0, 0),
                i % 11 == 0 ? null : text(i),
                i,
                (long) -i,
                null,
                i % 2 == 0));
      }
      parquet.finish();
    }
    List<Object[]> back = readBack(file);
    assertThat(back).hasSize(total);
    for (int i = 0; i < total; i++) {
      assertThat(back.get(i)[1]).as("row %d", i).isEqualTo(i % 11 == 0 ? null : text(i));
      assertThat(back.get(i)[5]).as("row %d", i).isEqualTo(i % 2 == 0);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet encodings =
            statement.executeQuery(
                "SELECT encodings, stats_min_value, stats_max_value, stats_null_count"
                    + " FROM parquet_metadata('"
                    + file
                    + "') WHERE path_in_schema = 'name'")) {
      encodings.next();
      assertThat(encodings.getString(1)).contains("RLE_DICTIONARY").contains("PLAIN");
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        if (i % 11 != 0) {
          texts.add(text(i));
        }
      }
      texts.sort(null);
      assertThat(encodings.getString(2)).isEqualTo(texts.get(0));
      assertThat(encodings.getString(3)).isEqualTo(texts.get(texts.size() - 1));
      assertThat(encodings.getLong(4)).isEqualTo((total + 10) / 11);
    }
  }

  @Test
  void aNearUniqueColumnIsWrittenPlainForTheNextChunksThenTriedAgain() throws Exception {
    // Row groups of 3,000 rows. The text column is unique in the first group, which falls back at
    // the early check; from the second group on it holds five values. The next chunks are plain
    // without trying a dictionary, and the one after them tries again and keeps it.
    Path file = staging.resolve("retry.parquet");
    int groupRows = 3_000;
    int groups = ParquetFile.PLAIN_CHUNKS_AFTER_EARLY_FALLBACK + 3;
    try (ParquetFile parquet = new ParquetFile(file, LAYOUT, Set.of("name"), groupRows)) {
      for (int i = 0; i < groups * groupRows; i++) {
        parquet.append(
            row(LocalDateTime.of(2024, 7, 1, 0, 0), retried(i, groupRows), i, 0L, null, null));
      }
      parquet.finish();
    }
    List<Object[]> back = readBack(file);
    assertThat(back).hasSize(groups * groupRows);
    for (int i = 0; i < back.size(); i++) {
      assertThat(back.get(i)[1]).as("row %d", i).isEqualTo(retried(i, groupRows));
    }
    List<Boolean> dictionary = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet encodings =
            statement.executeQuery(
                "SELECT encodings FROM parquet_metadata('"
                    + file
                    + "') WHERE path_in_schema = 'name' ORDER BY row_group_id")) {
      while (encodings.next()) {
        dictionary.add(encodings.getString(1).contains("RLE_DICTIONARY"));
      }
    }
    List<Boolean> expected = new ArrayList<>();
    for (int group = 0; group < groups; group++) {
      expected.add(group > ParquetFile.PLAIN_CHUNKS_AFTER_EARLY_FALLBACK);
    }
    assertThat(dictionary).isEqualTo(expected);
  }

  /** Unique values in the first row group, then five repeated ones. */
  private static String retried(int i, int groupRows) {
    return i < groupRows ? "unique-" + i : "code-" + i % 5;
  }

  /** Repeated short values for the first 15,000 rows, then 40-character unique ones. */
  private static String text(int i) {
    return i < 15_000 ? "repeat-" + i % 5 : "unique-" + i + "-" + "x".repeat(27);
  }

  @Test
  void manyOpenMonthsStayWithinTheMemoryBudgetAndLoseNothing() throws SQLException {
    // Rows cycle through 24 months: every month stays open. A 64 KiB budget forces row groups
    // out early, again and again; every row must still come back once.
    List<StagedFile> files;
    int total = 24 * PartitionedParquetWriter.BUDGET_CHECK_ROWS;
    try (PartitionedParquetWriter writer =
        new PartitionedParquetWriter(
            staging, 9, EventKind.RESIDENCE_PERMIT, "CRI", LAYOUT, Set.of(), 1_000_000, 64 << 10)) {
      for (int i = 0; i < total; i++) {
        LocalDateTime time = LocalDateTime.of(2022 + i % 24 / 12, 1 + i % 12, 1, 0, 0);
        writer.append(row(time, "name-" + i, i, (long) i, null, null));
      }
      files = writer.finish();
    }
    assertThat(files).hasSize(24);
    long rows = 0;
    long sum = 0;
    for (StagedFile file : files) {
      for (Object[] back : readBack(file.staged())) {
        rows++;
        sum += (Integer) back[2];
      }
    }
    assertThat(rows).isEqualTo(total);
    assertThat(sum).isEqualTo((long) total * (total - 1) / 2);
  }

  private PartitionedParquetWriter writer(int rowsPerFile) {
    return writer(rowsPerFile, Set.of());
  }

  private PartitionedParquetWriter writer(int rowsPerFile, Set<String> opaque) {
    return new PartitionedParquetWriter(
        staging,
        9,
        EventKind.RESIDENCE_PERMIT,
        "CRI",
        LAYOUT,
        opaque,
        rowsPerFile,
        PartitionedParquetWriter.DEFAULT_MEMORY_BUDGET);
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
