package org.puente.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.spec.SourceFormat;

class JsonLinesExportReaderTest {

  @TempDir Path dir;

  private static final SourceFormat JSONL =
      new SourceFormat(
          SourceFormat.Kind.JSONL,
          StandardCharsets.UTF_8,
          ',',
          '"',
          0,
          Optional.empty(),
          Optional.empty());

  @Test
  void readsNestedFieldsAndKeepsBadLinesAsMalformed() throws IOException {
    Path file = dir.resolve("r.jsonl");
    Files.writeString(
        file,
        "{\"id\":\"R1\",\"persona\":{\"sexo\":\"F\",\"edad\":34},\"pais\":\"HN\"}\r\n"
            + "\n"
            + "{\"id\":\"R2\",\"persona\":{\"sexo\":null},\"pais\":\"Honduras\"}\n"
            + "{\"id\":\"R3\", broken\n"
            + "[1,2,3]\n",
        StandardCharsets.UTF_8);
    CollectingSink sink = new CollectingSink();
    long rows =
        new JsonLinesExportReader(JSONL, List.of("id", "persona.sexo", "persona.edad", "pais"))
            .read(file, sink);

    assertThat(rows).isEqualTo(2);
    assertThat(sink.rows.get(0).projected()).containsExactly("R1", "F", "34", "HN");
    assertThat(sink.rows.get(1).line()).isEqualTo(3);
    assertThat(sink.rows.get(1).projected()).containsExactly("R2", null, null, "Honduras");
    assertThat(sink.malformed).extracting(CollectingSink.Malformed::line).containsExactly(4L, 5L);
    assertThat(sink.malformed.get(0).reason()).startsWith("not valid JSON");
    assertThat(sink.malformed.get(1).reason()).isEqualTo("not a JSON object");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path file = dir.resolve("e.jsonl");
    Files.writeString(file, "\n\n");
    assertThatThrownBy(
            () -> new JsonLinesExportReader(JSONL, List.of("id")).read(file, new CollectingSink()))
        .hasMessage("file e.jsonl is empty");
  }
}
