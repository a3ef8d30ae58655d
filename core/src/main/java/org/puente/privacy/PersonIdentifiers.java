package org.puente.privacy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The identifying part of one input record, already normalised. Lives only in memory during
 * ingestion: it is turned into {@link MatchToken}s and a {@link BloomEncoding} and then dropped.
 *
 * @param name given names and surnames
 * @param documentCountry ISO 3166-1 alpha-3 of the issuing country, with the document number
 * @param documentNumber upper-case letters and digits ({@link IdentifierNormaliser#documentNumber})
 * @param birthDate the exact birth date, if known
 * @param sex the SDMX sex code ({@code F}, {@code M}, ...), if known
 */
public record PersonIdentifiers(
    PersonName name,
    Optional<String> documentCountry,
    Optional<String> documentNumber,
    Optional<LocalDate> birthDate,
    Optional<String> sex) {

  public PersonIdentifiers {
    requireNonNull(name, "name is null");
    requireNonNull(documentCountry, "documentCountry is null");
    requireNonNull(documentNumber, "documentNumber is null");
    requireNonNull(birthDate, "birthDate is null");
    requireNonNull(sex, "sex is null");
    documentNumber = documentNumber.filter(number -> !number.isEmpty());
    documentCountry.ifPresent(PersonIdentifiers::requireAlpha3);
  }

  /**
   * From raw fields; blank or null raw values are absent. The document country must already be an
   * ISO alpha-3 code (ingestion maps raw country values with the country normaliser first).
   */
  public static PersonIdentifiers fromRaw(
      String givenNames,
      String surnames,
      String documentCountry,
      String documentNumber,
      LocalDate birthDate,
      String sex) {
    return new PersonIdentifiers(
        PersonName.of(givenNames == null ? "" : givenNames, surnames == null ? "" : surnames),
        blankToEmpty(documentCountry).map(country -> country.toUpperCase(java.util.Locale.ROOT)),
        blankToEmpty(documentNumber).map(IdentifierNormaliser::documentNumber),
        Optional.ofNullable(birthDate),
        blankToEmpty(sex));
  }

  private static void requireAlpha3(String country) {
    boolean alpha3 = country.length() == 3;
    for (int i = 0; alpha3 && i < 3; i++) {
      alpha3 = country.charAt(i) >= 'A' && country.charAt(i) <= 'Z';
    }
    if (!alpha3) {
      throw new IllegalArgumentException("documentCountry must be ISO alpha-3");
    }
  }

  private static Optional<String> blankToEmpty(String raw) {
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
  }
}
