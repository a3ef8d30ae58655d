package org.puente.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.ingest.read.ExportReaders;
import org.puente.spec.MappingSpec;
import org.puente.spec.RowMapper;
import org.puente.spec.SpecParser;
import org.puente.spec.Violation;

class IngestPipelineTest {

  @TempDir Path dir;

  /** Collects outcomes in the order the pipeline delivers them. */
  static final class Collected implements IngestOutputs<String> {
    final List<String> accepted = new ArrayList<>();
    final List<Long> rejectedLines = new ArrayList<>();
    final List<List<Violation>> violations = new ArrayList<>();
    final List<Long> duplicateLines = new ArrayList<>();

    @Override
    public void accepted(String row) {
      accepted.add(row);
    }

    @Override
    public void rejected(
        long line, String recordId, List<Violation> reasons, List<String> original) {
      rejectedLines.add(line);
      violations.add(reasons);
      assertThat(original).isNotEmpty();
    }

    @Override
    public void duplicate(long line, String recordId) {
      duplicateLines.add(line);
    }
  }

  private static MappingSpec spec() throws IOException {
    return SpecParser.standard()
        .parse(
            "example-crossings.yaml",
            Files.readString(Path.of("../examples/specs/example-crossings.yaml")));
  }

  /**
   * A Latin-1 export of {@code rows} records under the example layout; every 97th row has an
   * impossible date, every 101st repeats the previous record number, row 5000 has a missing field.
   * Returns the expected (accepted, rejected, duplicates).
   */
  private long[] writeExport(Path file, int rows) throws IOException {
    long accepted = 0;
    long rejected = 0;
    long duplicates = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      out.write("REGISTRO DE MOVIMIENTOS MIGRATORIOS\r\n");
      out.write(
          "NUM_REGISTRO;FECHA_MOVIMIENTO;TIPO_MOVIMIENTO;PUESTO_FRONTERIZO;VIA;NOMBRES;PRIMER_APELLIDO;SEGUNDO_APELLIDO;NUM_DOCUMENTO;TIPO_DOCUMENTO;FECHA_NACIMIENTO;SEXO;NACIONALIDAD;DIAS_AUTORIZADOS\r\n");
      for (int i = 1; i <= rows; i++) {
        String id = i % 101 == 0 ? "R" + (i - 1) : "R" + i;
        String date = i % 97 == 0 ? "31/02/2024" : String.format("%02d/03/2024", 1 + i % 28);
        if (i == 5000) {
          out.write(id + ";01/03/2024;ENTRADA\r\n");
          rejected++;
          continue;
        }
        out.write(
            id
                + ";"
                + date
                + ";ENTRADA;GT-TECUN;TERRESTRE;José;Peña;;P"
                + i
                + ";PASAPORTE;01/01/1990;H;Honduras;30\r\n");
        if (i % 97 == 0) {
          rejected++;
        } else if (i % 101 == 0 && (i - 1) % 97 != 0 && i - 1 != 5000) {
          duplicates++;
        } else {
          accepted++;
        }
      }
      out.write(";;;;;;;;;;;;;\r\n");
      out.write("TOTAL;;;;;;;;;;;;;\r\n");
    }
    return new long[] {accepted, rejected, duplicates};
  }

  @Test
  void everyRowEndsUpAcceptedRejectedOrDuplicateInFileOrder() throws IOException {
    MappingSpec spec = spec();
    RowMapper mapper = RowMapper.standard(spec);
    Path file = dir.resolve("export.csv");
    long[] expected = writeExport(file, 12_000);
    Collected outputs = new Collected();
    List<Long> progress = new ArrayList<>();

    IngestCounts counts =
        new IngestPipeline<>(mapper, record -> record.recordId(), 2)
            .run(
                file,
                ExportReaders.forFormat(spec.source(), mapper.columns()),
                new RecordKeys(),
                outputs,
                progress::add);

    assertThat(counts.read()).isEqualTo(12_000);
    assertThat(counts.accepted()).isEqualTo(expected[0]);
    assertThat(counts.rejected()).isEqualTo(expected[1]);
    assertThat(counts.duplicates()).isEqualTo(expected[2]);
    assertThat(counts.footerRows()).isEqualTo(1);
    assertThat(outputs.accepted).hasSize((int) expected[0]).doesNotHaveDuplicates();
    assertThat(outputs.accepted.subList(0, 3)).containsExactly("R1", "R2", "R3");
    assertThat(outputs.rejectedLines).isSorted();
    assertThat(outputs.rejectedLines.get(0)).as("row 97 sits on line 99").isEqualTo(99);
    assertThat(counts.reasons())
        .containsEntry(
            "event_date: '31/02/2024' is not a date in dd/MM/yyyy or yyyy-MM-dd"
                .replace("'31/02/2024' ", ""),
            expected[1] - 1)
        .containsEntry("row: row has 3 fields, the header has 14", 1L);
    assertThat(progress).isSorted().last().isEqualTo(12_000L);
  }

  @Test
  void recordsAcceptedInAnEarlierSubmissionAreDuplicates() throws IOException {
    MappingSpec spec = spec();
    RowMapper mapper = RowMapper.standard(spec);
    Path file = dir.resolve("again.csv");
    writeExport(file, 50);
    RecordKeys earlier = new RecordKeys();
    earlier.add("R1");
    earlier.add("R2");
    Collected outputs = new Collected();

    IngestCounts counts =
        new IngestPipeline<>(mapper, record -> record.recordId(), 1)
            .run(
                file,
                ExportReaders.forFormat(spec.source(), mapper.columns()),
                earlier,
                outputs,
                done -> {});

    assertThat(outputs.duplicateLines).containsExactly(3L, 4L);
    assertThat(counts.duplicates()).isEqualTo(2);
    assertThat(counts.accepted() + counts.rejected() + counts.duplicates()).isEqualTo(50);
  }
}
