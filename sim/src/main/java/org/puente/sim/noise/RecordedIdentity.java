package org.puente.sim.noise;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import org.puente.sim.people.Sex;

/** The identifiers as one record carries them, after noise. Empty means left blank. */
public record RecordedIdentity(
    String givenNames,
    String surname1,
    Optional<String> surname2,
    Optional<LocalDate> birthDate,
    Optional<Sex> sex,
    Optional<String> documentNumber) {

  public RecordedIdentity {
    requireNonNull(givenNames, "givenNames is null");
    requireNonNull(surname1, "surname1 is null");
    requireNonNull(surname2, "surname2 is null");
    requireNonNull(birthDate, "birthDate is null");
    requireNonNull(sex, "sex is null");
    requireNonNull(documentNumber, "documentNumber is null");
  }

  public String surnames() {
    return surname2.map(second -> surname1 + " " + second).orElse(surname1);
  }
}
