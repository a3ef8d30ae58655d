package org.puente.sim.noise;

/**
 * How often each kind of identifier noise hits one exported record. Every rate is a probability per
 * record (per eligible record where said), drawn independently. Defaults are assumptions in the
 * range record-linkage studies report for administrative data (see docs/SIMULATOR.md).
 *
 * @param accentLoss accents dropped from every name of the record
 * @param lowerCase names written in lower case (visible only where the dialect keeps case)
 * @param typo one letter substituted, deleted, inserted or transposed in one name
 * @param dropSecondSurname the second surname left out (people who have one)
 * @param dropMiddleName only the first given name written (people who have two)
 * @param swapNames given names and surnames exchanged
 * @param swapDayMonth day and month of the birth date exchanged (when the day is 12 or less and
 *     differs from the month)
 * @param missingBirthDate birth date left empty
 * @param missingSex sex left empty
 * @param missingDocument document number left empty
 * @param documentTypo one character of the document number mistyped
 * @param renewalPerYear yearly chance that a traveller renews the passport (new number)
 * @param namesakes chance that a household head shares name and birth year with another traveller
 */
public record NoiseSettings(
    double accentLoss,
    double lowerCase,
    double typo,
    double dropSecondSurname,
    double dropMiddleName,
    double swapNames,
    double swapDayMonth,
    double missingBirthDate,
    double missingSex,
    double missingDocument,
    double documentTypo,
    double renewalPerYear,
    double namesakes) {

  public NoiseSettings {
    double[] rates = {
      accentLoss,
      lowerCase,
      typo,
      dropSecondSurname,
      dropMiddleName,
      swapNames,
      swapDayMonth,
      missingBirthDate,
      missingSex,
      missingDocument,
      documentTypo,
      renewalPerYear,
      namesakes
    };
    for (double rate : rates) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("noise rates are probabilities in [0, 1]");
      }
    }
  }

  public static NoiseSettings defaults() {
    return new NoiseSettings(
        0.20, 0.03, 0.02, 0.10, 0.15, 0.01, 0.02, 0.02, 0.01, 0.01, 0.005, 0.08, 0.003);
  }

  /** No noise at all: exports carry true identifiers (useful to test the pipeline itself). */
  public static NoiseSettings none() {
    return new NoiseSettings(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
}
