package org.puente.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.puente.spec.MapResult;
import org.puente.spec.RowMapper;
import org.puente.spec.SpecParser;

/**
 * Mapping one export row under the example spec (14 columns: two dates, a value-mapped sex,
 * direction and mode, a country name, a derived age): the per-row cost of ingest before tokens. Run
 * from the repository root so that the example spec is found.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RowMapperBenchmark {

  private RowMapper mapper;
  private String[][] rows;
  private int next;

  @Setup
  public void setUp() throws IOException {
    String yaml =
        Files.readString(Path.of("examples/specs/example-crossings.yaml"), StandardCharsets.UTF_8);
    mapper = RowMapper.standard(SpecParser.standard().parse("example-crossings.yaml", yaml));
    List<String> columns = mapper.columns();
    String[] countries = {"EL SALVADOR", "Honduras", "GTM", "MX", "Estados Unidos", "NIC"};
    rows = new String[64][];
    for (int i = 0; i < rows.length; i++) {
      String[] row = new String[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] =
            switch (columns.get(c)) {
              case "NUM_REGISTRO" -> "R-" + i;
              case "FECHA_MOVIMIENTO" -> String.format("%02d/03/2024", 1 + i % 28);
              case "TIPO_MOVIMIENTO" -> i % 2 == 0 ? "ENTRADA" : "SALIDA";
              case "PUESTO_FRONTERIZO" -> "GT-TECUN-UMAN";
              case "VIA" -> "TERRESTRE";
              case "NOMBRES" -> "María José";
              case "PRIMER_APELLIDO" -> "López";
              case "SEGUNDO_APELLIDO" -> "Hernández";
              case "NUM_DOCUMENTO" -> "P" + (1_000_000 + i);
              case "TIPO_DOCUMENTO" -> "PASAPORTE";
              case "FECHA_NACIMIENTO" -> String.format("%02d/07/19%02d", 1 + i % 28, 50 + i % 50);
              case "SEXO" -> i % 3 == 0 ? "H" : "M";
              case "NACIONALIDAD" -> countries[i % countries.length];
              case "DIAS_AUTORIZADOS" -> "90";
              default -> "";
            };
      }
      rows[i] = row;
    }
  }

  @Benchmark
  public MapResult mapRow() {
    next = (next + 1) & 63;
    return mapper.map(next, rows[next]);
  }
}
