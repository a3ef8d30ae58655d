package org.puente.codelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class CountryNormaliserTest {

  private final CountryNormaliser normaliser = CountryNormaliser.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvFileSource(
      resources = "country-spellings.csv",
      numLinesToSkip = 1,
      nullValues = {})
  void mapsRealSpellings(String raw, String expected) {
    CountryMatch match = normaliser.normalise(raw);
    if (expected.equals("UNKNOWN")) {
      assertThat(match).isInstanceOf(CountryMatch.Unknown.class);
      assertThat(match.raw()).isEqualTo(raw);
    } else {
      assertThat(match.alpha3()).as(raw).contains(expected);
    }
  }

  @Test
  void theSpellingTableIsLargeEnoughToMeanSomething() {
    long spellings =
        new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    getClass().getResourceAsStream("country-spellings.csv"),
                    java.nio.charset.StandardCharsets.UTF_8))
            .lines()
            .filter(line -> !line.startsWith("#"))
            .count();
    assertThat(spellings - 1).isGreaterThanOrEqualTo(60);
  }

  @Test
  void everyOfficialNameAndCodeMapsBackToItsCountry() {
    for (Country country : CodeLists.standard().countries()) {
      assertThat(normaliser.normalise(country.alpha3()).alpha3()).contains(country.alpha3());
      assertThat(normaliser.normalise(country.alpha2()).alpha3())
          .as(country.alpha2())
          .isEqualTo(
              country.alpha2().equals("NA") ? Optional.empty() : Optional.of(country.alpha3()));
      assertThat(normaliser.normalise(Integer.toString(country.numeric())).alpha3())
          .contains(country.alpha3());
      assertThat(normaliser.normalise(country.nameEs()).alpha3())
          .as(country.nameEs())
          .contains(country.alpha3());
    }
  }

  @Test
  void unknownKeepsTheRawValueAndSaysWhy() {
    CountryMatch match = normaliser.normalise("  Atlantida ");
    assertThat(match).isInstanceOf(CountryMatch.Unknown.class);
    assertThat(match.raw()).isEqualTo("  Atlantida ");
    assertThat(((CountryMatch.Unknown) match).reason()).contains("no country");
  }

  @Test
  void aNameSharedByTwoCountriesIsNeverGuessed() {
    Country first = country("AAA", "AA", 901, "Twin Islands");
    Country second = country("BBB", "BB", 902, "Twin Islands");
    CountryNormaliser twins = new CountryNormaliser(List.of(first, second), List.<CSVRecord>of());

    CountryMatch match = twins.normalise("twin islands");

    assertThat(match).isInstanceOf(CountryMatch.Unknown.class);
    assertThat(((CountryMatch.Unknown) match).reason()).contains("AAA").contains("BBB");
    assertThat(twins.normalise("AAA").alpha3()).contains("AAA");
  }

  @Test
  void keysIgnoreAccentsCaseArticlesAndPunctuation() {
    assertThat(CountryNormaliser.key("Estados Unidos de América (los)"))
        .isEqualTo(CountryNormaliser.key("ESTADOS UNIDOS DE AMERICA"))
        .isEqualTo("estados unidos america");
    assertThat(CountryNormaliser.key("St. Kitts")).isEqualTo("saint kitts");
  }

  private static Country country(String alpha3, String alpha2, int numeric, String name) {
    return new Country(
        alpha3,
        alpha2,
        numeric,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        name,
        name,
        name,
        List.of());
  }
}
