package org.puente.sim.people;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A person's true identity: given names in order, first and (in Spanish-speaking cultures) second
 * surname, sex and birth date.
 */
public record Identity(
    List<String> givenNames,
    String surname1,
    Optional<String> surname2,
    Sex sex,
    LocalDate birthDate) {

  public Identity {
    givenNames = List.copyOf(requireNonNull(givenNames, "givenNames is null"));
    requireNonNull(surname1, "surname1 is null");
    requireNonNull(surname2, "surname2 is null");
    requireNonNull(sex, "sex is null");
    requireNonNull(birthDate, "birthDate is null");
    if (givenNames.isEmpty()) {
      throw new IllegalArgumentException("no given name");
    }
  }

  public String givenNamesText() {
    return String.join(" ", givenNames);
  }

  public String surnamesText() {
    return surname2.map(second -> surname1 + " " + second).orElse(surname1);
  }

  /** Completed years of age on a day. */
  public int ageOn(LocalDate day) {
    int age = day.getYear() - birthDate.getYear();
    int birthMonth = birthDate.getMonthValue();
    int birthDay = birthDate.getDayOfMonth();
    if (birthMonth == 2 && birthDay == 29 && !day.isLeapYear()) {
      birthDay = 28; // as LocalDate.withYear does: the birthday falls on 28 February
    }
    int month = day.getMonthValue();
    if (month < birthMonth || (month == birthMonth && day.getDayOfMonth() < birthDay)) {
      age--;
    }
    return Math.max(age, 0);
  }
}
