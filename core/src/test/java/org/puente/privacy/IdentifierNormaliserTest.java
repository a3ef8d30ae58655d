package org.puente.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normalisation rules of docs/PRIVACY.md, one example each, written by hand. */
class IdentifierNormaliserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "José María; jose maria",
        "JOSÉ  MARÍA ; jose maria",
        "Núñez; nunez",
        "de la Cruz; cruz",
        "Del Valle y Sánchez; valle sanchez",
        "María de los Ángeles; maria angeles",
        "O'Brien; obrien",
        "O’Brien; obrien",
        "Jean-Pierre; jean pierre",
        "Strauß; strauss",
        "Łukasz Ørsted; lukasz orsted",
        "Le; le",
        "van der Berg; berg",
        "  ; ''"
      })
  void nameWords(String raw, String expected) {
    assertThat(String.join(" ", IdentifierNormaliser.nameWords(raw == null ? "" : raw)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "'12 Wilkins St., Bega', 12 wilkins st bega",
    "'Calle de la Paz 5', calle de la paz 5",
    "'  ', ''"
  })
  void wordsOfFreeTextKeepEveryWord(String raw, String expected) {
    assertThat(String.join(" ", IdentifierNormaliser.words(raw))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"a-123 4567, A1234567", "'  x.y/7 ', XY7", "ñ12, N12", "'---', ''"})
  void documentNumbers(String raw, String expected) {
    assertThat(IdentifierNormaliser.documentNumber(raw)).isEqualTo(expected);
  }

  @Test
  void theLatinTableFoldsExactlyLikeTheNormalizer() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x180; c++) {
      String one = "x" + c + "y";
      assertThat(IdentifierNormaliser.fold(one, false))
          .as("U+%04X", (int) c)
          .isEqualTo(IdentifierNormaliser.foldWithNormalizer(one, false));
      assertThat(IdentifierNormaliser.fold(one, true))
          .isEqualTo(IdentifierNormaliser.foldWithNormalizer(one, true));
      every.append(c);
    }
    assertThat(IdentifierNormaliser.fold(every.toString(), false))
        .isEqualTo(IdentifierNormaliser.foldWithNormalizer(every.toString(), false));
  }

  @Test
  void memoisedNameWordsEqualTheNormalisationOfEveryField() {
    // Fields repeat (memo hits) and many are new (and evict each other from the slots).
    String[] parts = {
      "José", "MARÍA", "de la", "Cruz", "Núñez", "O'Brien", "Jean-Pierre", "Y", "Li"
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(37);
    for (int run = 0; run < 30_000; run++) {
      StringBuilder raw = new StringBuilder();
      for (int w = 0; w <= random.nextInt(4); w++) {
        raw.append(parts[random.nextInt(parts.length)]).append(' ');
      }
      if (random.nextInt(3) == 0) {
        raw.append(random.nextInt(20_000));
      }
      String field = raw.toString();
      assertThat(IdentifierNormaliser.nameWords(field))
          .as(field)
          .isEqualTo(IdentifierNormaliser.normaliseNameWords(field));
    }
  }

  @Test
  void composedAndDecomposedFormsAgree() {
    String composed = "Mu\u00f1oz";
    String decomposed = "Mun\u0303oz";
    assertThat(IdentifierNormaliser.nameWords(composed))
        .isEqualTo(IdentifierNormaliser.nameWords(decomposed))
        .containsExactly("munoz");
  }

  @Test
  void fullNamesSplitAtACommaOrAfterTheFirstWord() {
    assertThat(PersonName.parseFull("GARCÍA LÓPEZ, José María"))
        .isEqualTo(
            new PersonName(
                java.util.List.of("jose", "maria"), java.util.List.of("garcia", "lopez")));
    assertThat(PersonName.parseFull("Ana de la Torre"))
        .isEqualTo(new PersonName(java.util.List.of("ana"), java.util.List.of("torre")));
  }

  @Test
  void aDeclaredSurnameCountSplitsFullNamesFromTheEnd() {
    assertThat(PersonName.parseFull("JOSÉ MARÍA PÉREZ LÓPEZ", 2))
        .isEqualTo(
            new PersonName(
                java.util.List.of("jose", "maria"), java.util.List.of("perez", "lopez")));
    assertThat(PersonName.parseFull("JOSÉ MARÍA PÉREZ LÓPEZ", 0).givenNames())
        .as("undeclared: the first word only")
        .containsExactly("jose");
    assertThat(PersonName.parseFull("ANA DE LA TORRE RUIZ", 2))
        .as("particles are not words")
        .isEqualTo(new PersonName(java.util.List.of("ana"), java.util.List.of("torre", "ruiz")));
    assertThat(PersonName.parseFull("ANA PEREZ", 2))
        .as("at least one given name")
        .isEqualTo(new PersonName(java.util.List.of("ana"), java.util.List.of("perez")));
    assertThat(PersonName.parseFull("JOHN PAUL SMITH", 1))
        .isEqualTo(new PersonName(java.util.List.of("john", "paul"), java.util.List.of("smith")));
    assertThat(PersonName.parseFull("PÉREZ LÓPEZ, JOSÉ", 1))
        .as("a comma still decides")
        .isEqualTo(new PersonName(java.util.List.of("jose"), java.util.List.of("perez", "lopez")));
    assertThat(PersonName.parseFull("", 2).isEmpty()).isTrue();
  }
}
