package org.puente.node.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.privacy.LeakMatcher.Kind;

class LeakDetectorTest {

  @TempDir Path dir;

  private final LeakDetector detector =
      LeakDetector.forIdentifiers(
          List.of("Anaís Villatoro"), List.of("G-7781 3345"), List.of(LocalDate.of(1984, 11, 5)));

  @Test
  void cleanDirectoriesPassAndEachKindOfLeakIsFoundInEachKindOfFile() throws Exception {
    Path lake = Files.createDirectories(dir.resolve("lake"));
    Files.writeString(lake.resolve("tokens.csv"), "token,birth_year\nnet-1:AAAA,1984\n");
    assertThat(detector.scan(dir).assertClean().filesScanned()).isEqualTo(1);

    Files.writeString(lake.resolve("log.txt"), "row 4: VILLATORO rejected\n");
    Files.write(lake.resolve("latin1.csv"), "nombre;ANAÍS\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(lake.resolve("api.json"), "{\"doc\":\"G77813345\"}");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(lake.resolve("x.gz")))) {
      out.write("born 05/11/1984".getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(xlsx)) {
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      zip.write("<si><t>1984-11-05</t></si>".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(lake.resolve("book.xlsx"), xlsx.toByteArray());

    LeakReport report = detector.scan(dir);
    assertThat(report.leaks())
        .extracting(
            leak -> Path.of(leak.where().split("[ !]")[0]).getFileName().toString(), Leak::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("api.json", Kind.DOCUMENT_NUMBER),
            org.assertj.core.groups.Tuple.tuple("book.xlsx", Kind.BIRTH_DATE),
            org.assertj.core.groups.Tuple.tuple("latin1.csv", Kind.NAME),
            org.assertj.core.groups.Tuple.tuple("log.txt", Kind.NAME),
            org.assertj.core.groups.Tuple.tuple("x.gz", Kind.BIRTH_DATE));
    assertThatThrownBy(report::assertClean)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("5 clear identifier(s)")
        .hasMessageNotContaining("Villatoro")
        .hasMessageNotContaining("VILLATORO");
  }

  @Test
  void anIdentifierAcrossAChunkBoundaryIsFound() throws Exception {
    StringBuilder big = new StringBuilder();
    while (big.length() < (1 << 20) - 4) {
      big.append("x");
    }
    big.setLength((1 << 20) - 4);
    big.append(" villatoro ");
    Files.writeString(dir.resolve("big.txt"), big);
    assertThat(detector.scan(dir).leaks()).extracting(Leak::kind).containsExactly(Kind.NAME);
  }

  @Test
  void stringsAreScannedTooAndAnEmptyScanProvesNothing() {
    assertThat(detector.scanText("GET /api/people", "{\"name\":\"anais\"}").isClean()).isFalse();
    assertThat(detector.scanText("GET /api/stats", "{\"count\":12}").isClean()).isTrue();
    assertThatThrownBy(() -> detector.scan(dir.resolve("nothing-here")).assertClean())
        .hasMessageContaining("looked at nothing");
  }

  @Test
  void parquetIsReadDecodedWhateverItsCompressionAndTokenShapedValuesAreSkipped() throws Exception {
    Path clean = dir.resolve("clean.parquet");
    Path leaky = dir.resolve("leaky.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duckdb.createStatement()) {
      // 5,000 rows, Zstd-compressed pages. The token column holds token-shaped values (22
      // base64url characters) that spell the surname, as a random token could.
      String rows =
          "SELECT i AS seq, 'GTM' AS country,"
              + " 'xx_villatoro-' || lpad(i::VARCHAR, 9, '0') AS tok_name FROM range(5000) t(i)";
      sql.execute("COPY (" + rows + ") TO '" + clean + "' (FORMAT parquet, COMPRESSION zstd)");
      sql.execute(
          "COPY (SELECT *, CASE WHEN seq = 4321 THEN 'Anais VILLATORO' END AS note FROM ("
              + rows
              + ")) TO '"
              + leaky
              + "' (FORMAT parquet, COMPRESSION zstd)");
    }
    // A raw-byte scan would flag the clean file: its column statistics hold token-shaped values
    // with the surname between '_' and '-'.
    assertThat(new String(Files.readAllBytes(clean), StandardCharsets.ISO_8859_1))
        .contains("xx_villatoro-");
    assertThat(detector.scan(clean).assertClean().filesScanned()).isEqualTo(1);
    LeakReport report = detector.scan(leaky);
    assertThat(report.leaks()).extracting(Leak::kind).isNotEmpty().containsOnly(Kind.NAME);
    assertThat(report.leaks())
        .extracting(Leak::where)
        .allMatch(where -> where.endsWith("leaky.parquet (decoded)"));
  }

  @Test
  void documentEncodingShapedValuesAreOpaqueButOtherLengthsAreScanned() throws Exception {
    // doc_bloom holds 32 bytes as base64url: 43 characters, random, and so able to spell the
    // surname between '_' and '-' by chance. One character more is not an encoding's shape.
    Path encodings = dir.resolve("doc_bloom.parquet");
    Path longer = dir.resolve("longer.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duckdb.createStatement()) {
      sql.execute(
          "COPY (SELECT i AS seq, 'xx_villatoro-' || lpad(i::VARCHAR, 30, '0') AS doc_bloom"
              + " FROM range(1000) t(i)) TO '"
              + encodings
              + "' (FORMAT parquet)");
      sql.execute(
          "COPY (SELECT i AS seq, 'xx_villatoro-' || lpad(i::VARCHAR, 31, '0') AS doc_bloom"
              + " FROM range(1000) t(i)) TO '"
              + longer
              + "' (FORMAT parquet)");
    }
    assertThat(detector.scan(encodings).assertClean().filesScanned()).isEqualTo(1);
    assertThat(detector.scan(longer).leaks()).extracting(Leak::kind).containsOnly(Kind.NAME);
  }
}
