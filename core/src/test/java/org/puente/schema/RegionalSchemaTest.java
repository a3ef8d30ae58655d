package org.puente.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionalSchemaTest {

  private final RegionalSchema schema = RegionalSchema.standard();

  @Test
  void personalIdentifiersAreNamesDocumentNumberAndBirthDate() {
    assertThat(schema.personalIdentifiers())
        .containsExactlyInAnyOrder(
            "given_names", "surnames", "full_name", "document_number", "birth_date");
  }

  @Test
  void everyKindRequiresWhenWhereAndWhat() {
    for (EventKind kind : EventKind.values()) {
      assertThat(requiredOf(kind))
          .as(kind.name())
          .contains("event_kind", "event_date", "reporting_country");
    }
  }

  @Test
  void eachKindCarriesItsOwnVariables() {
    assertThat(requiredOf(EventKind.BORDER_CROSSING)).contains("direction", "port");
    assertThat(requiredOf(EventKind.RETURN_OF_NATIONAL)).contains("returned_from", "return_type");
    assertThat(requiredOf(EventKind.WORK_PERMIT)).contains("occupation", "permit_start");
    assertThat(namesOf(EventKind.WORK_PERMIT)).contains("industry", "permit_end");
    assertThat(namesOf(EventKind.BORDER_CROSSING)).doesNotContain("occupation", "return_type");
    assertThat(namesOf(EventKind.RETURN_OF_NATIONAL)).contains("unaccompanied_minor");
  }

  @Test
  void theIssueListOfVariablesIsComplete() {
    for (String name :
        new String[] {
          "event_date",
          "reporting_country",
          "direction",
          "port",
          "transport_mode",
          "citizenship",
          "country_of_birth",
          "country_of_residence",
          "sex",
          "birth_date",
          "age_at_event",
          "purpose",
          "document_type",
          "migration_status",
          "permit_type",
          "permit_start",
          "permit_end",
          "authorised_stay_days",
          "occupation",
          "industry",
          "returned_from",
          "return_type",
          "unaccompanied_minor"
        }) {
      assertThat(schema.variable(name)).as(name).isPresent();
    }
  }

  @Test
  void variablesAreCheckedWhereTheyAreBuilt() {
    assertThatThrownBy(
            () -> new Variable("Bad Name", "x", VariableType.TEXT, Optional.empty(), false, "x"))
        .hasMessageContaining("snake case");
    assertThatThrownBy(
            () -> new Variable("sex", "x", VariableType.CODE, Optional.empty(), false, "x"))
        .hasMessageContaining("no code list");
    assertThatThrownBy(
            () -> new Variable("age", "x", VariableType.INTEGER, Optional.of("age"), false, "x"))
        .hasMessageContaining("only code variables");
  }

  private java.util.List<String> requiredOf(EventKind kind) {
    return schema.variablesOf(kind).stream()
        .filter(VariableUse::required)
        .map(use -> use.variable().name())
        .toList();
  }

  private java.util.List<String> namesOf(EventKind kind) {
    return schema.variablesOf(kind).stream().map(use -> use.variable().name()).toList();
  }
}
