package org.puente.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.puente.schema.RegionalSchema;

/**
 * Every spec shipped in examples/specs/ is valid, names itself after its file, and carries the
 * reporting country as a constant (ingest needs one country per file). Ingesting the simulator's
 * exports with them is tested in the ingest module (SimulatedExportsTest).
 */
class ShippedSpecsTest {

  private static final Path SPECS = Path.of("../examples/specs");

  @Test
  void everyShippedSpecParses() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SPECS)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(23);
    for (Path file : files) {
      String name = file.getFileName().toString();
      MappingSpec spec =
          SpecParser.standard().parse(name, Files.readString(file, StandardCharsets.UTF_8));
      assertThat(spec.name() + ".yaml").as(name).isEqualTo(name);
      assertThat(spec.field(RegionalSchema.REPORTING_COUNTRY).map(FieldMapping::source))
          .as(name)
          .get()
          .isInstanceOf(FieldSource.Constant.class);
      if (!name.startsWith("example-")) {
        String country = name.substring(0, 3).toUpperCase(Locale.ROOT);
        assertThat(spec.field(RegionalSchema.REPORTING_COUNTRY).map(FieldMapping::source))
            .as(name)
            .contains(new FieldSource.Constant(country));
      }
    }
  }
}
