package org.puente.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RowMapperTest {

  private static MappingSpec spec;
  private static RowMapper mapper;

  @BeforeAll
  static void parseTheExample() throws Exception {
    spec = SpecParser.standard().parse("example-crossings.yaml", SpecParserTest.example());
    mapper = RowMapper.standard(spec);
  }

  /** A valid row, as a data steward's export would have it; tests change one column at a time. */
  private static String[] row(String... overrides) {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    values.put("NUM_REGISTRO", "R-0001");
    values.put("FECHA_MOVIMIENTO", "15/03/2024");
    values.put("TIPO_MOVIMIENTO", "entrada");
    values.put("PUESTO_FRONTERIZO", "GT-TECUN-UMAN");
    values.put("VIA", "TERRESTRE");
    values.put("NOMBRES", "María José");
    values.put("PRIMER_APELLIDO", "López");
    values.put("SEGUNDO_APELLIDO", "");
    values.put("NUM_DOCUMENTO", "P1234567");
    values.put("TIPO_DOCUMENTO", "PASAPORTE");
    values.put("FECHA_NACIMIENTO", "29/02/1988");
    values.put("SEXO", "M");
    values.put("NACIONALIDAD", "EL SALVADOR");
    values.put("DIAS_AUTORIZADOS", "90");
    for (int i = 0; i < overrides.length; i += 2) {
      values.put(overrides[i], overrides[i + 1]);
    }
    List<String> columns = mapper.columns();
    String[] row = new String[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = values.get(columns.get(i));
    }
    return row;
  }

  private static MappedRecord accepted(String... overrides) {
    MapResult result = mapper.map(7, row(overrides));
    assertThat(result).isInstanceOf(MapResult.Accepted.class);
    return ((MapResult.Accepted) result).record();
  }

  private static List<Violation> rejected(String... overrides) {
    MapResult result = mapper.map(7, row(overrides));
    assertThat(result).isInstanceOf(MapResult.Rejected.class);
    return ((MapResult.Rejected) result).violations();
  }

  @Test
  void mapsAValidRowToRegionalValues() {
    MappedRecord record = accepted();
    assertThat(record.line()).isEqualTo(7);
    assertThat(record.recordId()).isEqualTo("R-0001");
    assertThat(record.value("event_kind")).isEqualTo("BORDER_CROSSING");
    assertThat(record.value("event_date")).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(record.value("direction")).isEqualTo("ARRIVAL");
    assertThat(record.value("transport_mode")).isEqualTo("LAND");
    assertThat(record.value("sex")).as("M means Mujer in this layout").isEqualTo("F");
    assertThat(record.value("citizenship")).isEqualTo("SLV");
    assertThat(record.value("reporting_country")).isEqualTo("GTM");
    assertThat(record.value("surnames")).as("empty second surname skipped").isEqualTo("López");
    assertThat(record.value("age_at_event")).as("derived, leap-day birth").isEqualTo(36);
    assertThat(record.value("authorised_stay_days")).isEqualTo(90);
    assertThat(record.value("document_type")).isEqualTo("PASSPORT");
    assertThat(record.toString()).doesNotContain("López").doesNotContain("P1234567");
  }

  @Test
  void defaultsFillEmptyColumns() {
    assertThat(accepted("TIPO_DOCUMENTO", "").value("document_type")).isEqualTo("_U");
  }

  @Test
  void impossibleDatesAreRejectedStrictly() {
    assertThat(rejected("FECHA_MOVIMIENTO", "31/02/2024"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.column()).isEqualTo("FECHA_MOVIMIENTO");
              assertThat(v.reason()).contains("is not a date in dd/MM/yyyy or yyyy-MM-dd");
            });
    assertThat(accepted("FECHA_MOVIMIENTO", "2024-03-15").value("event_date"))
        .isEqualTo(LocalDate.of(2024, 3, 15));
  }

  @Test
  void identifierValuesNeverAppearInReasons() {
    List<Violation> violations = rejected("FECHA_NACIMIENTO", "31/02/1988");
    assertThat(violations)
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).doesNotContain("31/02/1988").contains("the value"));
  }

  @Test
  void unknownCountriesAndCodesAreRejectedWithTheRawValue() {
    assertThat(rejected("NACIONALIDAD", "Atlantida"))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.toString())
                    .startsWith("NACIONALIDAD (citizenship): 'Atlantida' is not a known country"));
    assertThat(rejected("SEXO", "X"))
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).isEqualTo("'X' is not a code of sex"));
  }

  @Test
  void crossFieldRulesAndRangesApply() {
    assertThat(rejected("FECHA_NACIMIENTO", "01/01/2025"))
        .extracting(Violation::reason)
        .containsExactly("birth_date is after event_date");
    assertThat(rejected("DIAS_AUTORIZADOS", "365"))
        .extracting(Violation::reason)
        .containsExactly("365 is outside 0..180");
  }

  @Test
  void missingRequiredValuesAndRecordReferencesAreReportedTogether() {
    List<Violation> violations =
        rejected("NUM_REGISTRO", " ", "PUESTO_FRONTERIZO", "", "NUM_DOCUMENTO", "");
    assertThat(violations)
        .extracting(Violation::variable, Violation::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("record_id", "missing record reference"),
            org.assertj.core.groups.Tuple.tuple("port", "missing required value"),
            org.assertj.core.groups.Tuple.tuple("document_number", "missing required value"));
  }

  @Test
  void anAbsentOptionalValueStaysAbsent() {
    MappedRecord record = accepted("FECHA_NACIMIENTO", "", "VIA", "");
    assertThat(record.value("birth_date")).isNull();
    assertThat(record.value("age_at_event")).isNull();
    assertThat(record.value("transport_mode")).isNull();
  }

  @Test
  void monthNamesReadInAnyCase() {
    ValueParser parser =
        new ValueParser(
            org.puente.schema.RegionalSchema.standard().variable("event_date").orElseThrow(),
            List.of("dd-MMM-yyyy"),
            org.puente.codelist.CodeLists.standard(),
            org.puente.codelist.CountryNormaliser.standard());
    assertThat(parser.parse("15-Mar-2024").value()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(parser.parse("15-MAR-2024").value()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(parser.parse("30-FEB-2024").isOk()).isFalse();
  }
}
