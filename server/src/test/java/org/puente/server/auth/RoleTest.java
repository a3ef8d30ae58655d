package org.puente.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/** Role codes, their round trip and which roles are bound to a country. */
class RoleTest {

  @Test
  void everyCodeParsesBackToItsRole() {
    for (Role role : Role.values()) {
      assertThat(Role.parse(role.code())).isSameAs(role);
    }
    assertThat(Role.values())
        .extracting(Role::code)
        .containsExactly("administrator", "steward", "analyst", "regional-analyst", "viewer")
        .allMatch(code -> code.length() <= 32);
  }

  @Test
  void stewardsAndAnalystsWorkForOneCountry() {
    assertThat(Role.values())
        .filteredOn(Role::countryRequired)
        .containsExactly(Role.DATA_STEWARD, Role.ANALYST);
  }

  @Test
  void anUnknownCodeNamesTheValidOnes() {
    for (String bad : new String[] {"admin", "ANALYST", " analyst", "", "DATA_STEWARD"}) {
      assertThatThrownBy(() -> Role.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
          .hasMessageContaining("administrator, steward, analyst, regional-analyst, viewer");
    }
    assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(PuenteException.class);
  }
}
