package org.puente.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.spec.FooterRule;
import org.puente.spec.SourceFormat;

class CsvExportReaderTest {

  private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
  private static final List<String> COLUMNS = List.of("ID", "NOMBRE", "SEXO");

  @TempDir Path dir;

  private static SourceFormat csv(Charset encoding, char delimiter, int skip, boolean footer) {
    return new SourceFormat(
        SourceFormat.Kind.CSV,
        encoding,
        delimiter,
        '"',
        skip,
        Optional.empty(),
        footer
            ? Optional.of(new FooterRule("ID", Pattern.compile("(?i)^total")))
            : Optional.empty());
  }

  private Path file(String name, byte[] bytes) throws IOException {
    Path path = dir.resolve(name);
    Files.write(path, bytes);
    return path;
  }

  private CollectingSink read(SourceFormat format, Path file) {
    CollectingSink sink = new CollectingSink();
    long rows = new CsvExportReader(format, COLUMNS).read(file, sink);
    assertThat(rows).isEqualTo(sink.rows.size());
    return sink;
  }

  @Test
  void readsLatin1WithTitleLineFooterAndCrlf() throws IOException {
    String text =
        "REGISTRO DE MOVIMIENTOS\r\nSEXO;ID;NOMBRE;EXTRA\r\nH;1;José Peña;x\r\nM;2;\"Ana; María\";y\r\n\r\n;TOTAL;2;\r\n";
    CollectingSink sink = read(csv(LATIN_1, ';', 1, true), file("a.csv", text.getBytes(LATIN_1)));

    assertThat(sink.header).containsExactly("SEXO", "ID", "NOMBRE", "EXTRA");
    assertThat(sink.rows).extracting(CollectingSink.Row::line).containsExactly(3L, 4L);
    assertThat(sink.rows.get(0).projected()).containsExactly("1", "José Peña", "H");
    assertThat(sink.rows.get(1).projected()).containsExactly("2", "Ana; María", "M");
    assertThat(sink.rows.get(1).original()).containsExactly("M", "2", "Ana; María", "y");
    assertThat(sink.footers).containsExactly(6L);
  }

  @Test
  void skipsAUtf8ByteOrderMark() throws IOException {
    byte[] body = "ID,NOMBRE,SEXO\n1,Zoë,F\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    CollectingSink sink = read(csv(StandardCharsets.UTF_8, ',', 0, false), file("bom.csv", bytes));
    assertThat(sink.rows)
        .singleElement()
        .satisfies(row -> assertThat(row.projected()).containsExactly("1", "Zoë", "F"));
  }

  @Test
  void rowsWithTooManyOrTooFewFieldsAreMalformedNotLost() throws IOException {
    String text = "ID,NOMBRE,SEXO\n1,A,F\n2,B\n3,C,M,extra\n4,D,M\n";
    CollectingSink sink =
        read(
            csv(StandardCharsets.UTF_8, ',', 0, false),
            file("f.csv", text.getBytes(StandardCharsets.UTF_8)));
    assertThat(sink.rows).extracting(CollectingSink.Row::line).containsExactly(2L, 5L);
    assertThat(sink.malformed)
        .containsExactly(
            new CollectingSink.Malformed(3, "row has 2 fields, the header has 3"),
            new CollectingSink.Malformed(4, "row has 4 fields, the header has 3"));
  }

  @Test
  void latin1BytesDeclaredAsUtf8StopTheFileAtTheirLine() throws IOException {
    byte[] bytes = "ID,NOMBRE,SEXO\n1,Ana,F\n2,Jos\u00e9,M\n".getBytes(LATIN_1);
    assertThatThrownBy(
            () -> read(csv(StandardCharsets.UTF_8, ',', 0, false), file("enc.csv", bytes)))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("file enc.csv line 3: bytes that are not valid UTF-8")
        .satisfies(e -> assertThat(((PuenteException) e).code()).isEqualTo(ErrorCode.BAD_INPUT));
  }

  @Test
  void utf8DeclaredAsLatin1IsRecognised() throws IOException {
    byte[] bytes =
        "ID,NOMBRE,SEXO\n1,José,M\n2,María,F\n3,Peña,M\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(csv(LATIN_1, ',', 0, false), file("u.csv", bytes)))
        .hasMessageContaining("the spec says ISO-8859-1 but the file is UTF-8");
  }

  @Test
  void aWrongDelimiterNamesTheMissingColumnsAndHints() throws IOException {
    byte[] bytes = "ID;NOMBRE;SEXO\n1;A;F\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(csv(StandardCharsets.UTF_8, ',', 0, false), file("d.csv", bytes)))
        .hasMessageContaining("file d.csv line 1: missing header column(s) 'ID', 'NOMBRE', 'SEXO'")
        .hasMessageContaining("is the delimiter ',' right?");
  }

  @Test
  void aMissingHeaderColumnIsNamed() throws IOException {
    byte[] bytes = "ID,NOMBRE\n1,A\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(csv(StandardCharsets.UTF_8, ',', 0, false), file("h.csv", bytes)))
        .hasMessage("file h.csv line 1: missing header column(s) 'SEXO' (found: ID, NOMBRE)");
  }

  @Test
  void emptyAndHeaderOnlyFiles() throws IOException {
    assertThatThrownBy(
            () -> read(csv(StandardCharsets.UTF_8, ',', 0, false), file("e.csv", new byte[0])))
        .hasMessage("file e.csv is empty: no header line");
    assertThatThrownBy(
            () ->
                read(
                    csv(StandardCharsets.UTF_8, ',', 2, false),
                    file("t.csv", "title\n".getBytes(StandardCharsets.UTF_8))))
        .hasMessage("file t.csv is empty: no header line");
    CollectingSink sink =
        read(
            csv(StandardCharsets.UTF_8, ',', 0, false),
            file("ho.csv", "ID,NOMBRE,SEXO\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(sink.rows).isEmpty();
    assertThat(sink.malformed).isEmpty();
  }

  @Test
  void anEndlessLineIsRefusedWithBoundedMemory() throws IOException {
    Path path = dir.resolve("long.csv");
    try (OutputStream out = Files.newOutputStream(path)) {
      out.write("ID,NOMBRE,SEXO\n1,".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 16];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 64; i++) { // 4 MiB without a newline; the limit is 1 MiB
        out.write(chunk);
      }
    }
    assertThatThrownBy(() -> read(csv(StandardCharsets.UTF_8, ',', 0, false), path))
        .hasMessageContaining(
            "file long.csv line 2: longer than 1048576 characters without a line end");
  }

  @Test
  void anUnclosedQuoteNamesItsLine() throws IOException {
    byte[] bytes = "ID,NOMBRE,SEXO\n1,\"A,F\n2,B,M\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(csv(StandardCharsets.UTF_8, ',', 0, false), file("q.csv", bytes)))
        .isInstanceOf(PuenteException.class)
        .hasMessageStartingWith("file q.csv line ");
  }
}
