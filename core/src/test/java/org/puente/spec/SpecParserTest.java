package org.puente.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.schema.EventKind;

class SpecParserTest {

  private static final Path EXAMPLE = Path.of("../examples/specs/example-crossings.yaml");

  private final SpecParser parser = SpecParser.standard();

  static String example() throws IOException {
    return Files.readString(EXAMPLE, StandardCharsets.UTF_8);
  }

  @Test
  void theShippedExampleSpecIsValid() throws IOException {
    MappingSpec spec = parser.parse("example-crossings.yaml", example());

    assertThat(spec.name()).isEqualTo("example-crossings");
    assertThat(spec.kind()).isEqualTo(EventKind.BORDER_CROSSING);
    assertThat(spec.source().kind()).isEqualTo(SourceFormat.Kind.CSV);
    assertThat(spec.source().delimiter()).isEqualTo(';');
    assertThat(spec.source().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(spec.source().skipLines()).isEqualTo(1);
    assertThat(spec.source().footer()).isPresent();
    assertThat(spec.field("reporting_country").map(FieldMapping::source))
        .contains(new FieldSource.Constant("GTM"));
    assertThat(spec.field("sex").map(FieldMapping::values).orElseThrow())
        .containsEntry("H", "M")
        .containsEntry("M", "F");
    assertThat(spec.field("surnames").map(FieldMapping::source))
        .contains(new FieldSource.Columns(List.of("PRIMER_APELLIDO", "SEGUNDO_APELLIDO"), " "));
    assertThat(spec.columns()).startsWith("NUM_REGISTRO").contains("SEXO", "NACIONALIDAD");
    // built-in rules come first, the spec's own after
    assertThat(spec.rules()).contains(new Rule.Range("age_at_event", 0, 120, 0));
    assertThat(spec.rules())
        .anySatisfy(
            rule ->
                assertThat(rule)
                    .isInstanceOf(Rule.Range.class)
                    .hasFieldOrPropertyWithValue("max", 180L));
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    String yaml =
        """
        spec: broken
        event_kind: BORDER_CROSSING
        source:
          format: csv
          delimiter: ";;"
        record_id: ID
        constants:
          reporting_country: Atlantis
        fields:
          event_date: {column: FECHA, formats: [dd/MM/yyyy, "bad pattern {"]}
          sexo: SEXO
          sex:
            column: SEXO
            values: {H: M, M: X}
          occupation: OCUPACION
          direction: TIPO
          citizenship: NAC
        """;

    assertThatThrownBy(() -> parser.parse("broken.yaml", yaml))
        .isInstanceOf(SpecException.class)
        .satisfies(
            thrown -> {
              List<SpecProblem> problems = ((SpecException) thrown).problems();
              assertThat(problems)
                  .extracting(SpecProblem::line, p -> firstWords(p.message()))
                  .contains(
                      org.assertj.core.groups.Tuple.tuple(5, "'delimiter' must"),
                      org.assertj.core.groups.Tuple.tuple(8, "constant for"),
                      org.assertj.core.groups.Tuple.tuple(10, "'bad pattern"),
                      org.assertj.core.groups.Tuple.tuple(11, "unknown variable"),
                      org.assertj.core.groups.Tuple.tuple(14, "value map"),
                      org.assertj.core.groups.Tuple.tuple(15, "'occupation' is"));
              assertThat(problems)
                  .anySatisfy(p -> assertThat(p.message()).contains("no mapping for 'port'"));
            })
        .hasMessageContaining("spec broken.yaml line 11: unknown variable 'sexo'");
  }

  @Test
  void requiredVariablesCannotBeMadeOptionalAndIdentifiersCannotBeConstants() {
    String yaml =
        """
        spec: s
        event_kind: RETURN_OF_NATIONAL
        source: {format: jsonl}
        record_id: id
        constants:
          reporting_country: HND
          document_number: X123
        fields:
          event_date: {column: fecha, required: false}
          returned_from: pais
          return_type: tipo
        """;
    assertThatThrownBy(() -> parser.parse("s.yaml", yaml))
        .hasMessageContaining("line 7: 'document_number' is a personal identifier")
        .hasMessageContaining("line 9: 'event_date' is required for RETURN_OF_NATIONAL");
  }

  @Test
  void badYamlNamesTheLine() {
    assertThatThrownBy(() -> parser.parse("y.yaml", "spec: a\nsource: [unclosed\n"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("spec y.yaml line")
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> parser.parse("empty.yaml", ""))
        .hasMessageContaining("a spec is a YAML mapping");
  }

  @Test
  void unknownKeysAreNamed() {
    String yaml =
        """
        spec: s
        event_kind: BORDER_CROSSING
        sorce: {format: csv}
        """;
    assertThatThrownBy(() -> parser.parse("s.yaml", yaml))
        .hasMessageContaining("line 3: unknown top-level key 'sorce'")
        .hasMessageContaining("'source' must say at least 'format: csv|xlsx|jsonl'");
  }

  @Test
  void surnameWordsIsForFullNamesAndANumber() throws IOException {
    String yaml =
        """
        spec: s
        event_kind: BORDER_CROSSING
        source: {format: csv}
        record_id: id
        constants:
          reporting_country: HND
        fields:
          event_date: {column: fecha, formats: [dd/MM/yyyy]}
          direction: dir
          port: puesto
          full_name: {column: nombre, surname_words: two}
          given_names: {column: nombres, surname_words: 2}
        """;
    assertThatThrownBy(() -> parser.parse("s.yaml", yaml))
        .hasMessageContaining("line 11: 'surname_words' must be a number from 1 to 4")
        .hasMessageContaining("line 12: 'surname_words' applies to full_name only");
    Path hnd = Path.of("../examples/specs/hnd-crossings.yaml");
    MappingSpec shipped =
        parser.parse(hnd.getFileName().toString(), Files.readString(hnd, StandardCharsets.UTF_8));
    assertThat(shipped.field("full_name").orElseThrow().surnameWords()).isEqualTo(2);
    assertThat(shipped.field("direction").orElseThrow().surnameWords()).isZero();
  }

  private static String firstWords(String message) {
    String[] words = message.split(" ");
    return words[0] + " " + words[1];
  }
}
