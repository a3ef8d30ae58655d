package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairScorerTest {

  private static final LocalDate COMMON_DATE = LocalDate.of(1980, 1, 1);
  private static final LocalDate RARE_DATE = LocalDate.of(1975, 6, 14);

  /**
   * 100 records: half are surnamed "commonname" and born on 1 January 1980, two are surnamed
   * "rarename" and born on 14 June 1975, the rest have their own surname and date.
   */
  private static List<LinkageRecord> population() {
    List<LinkageRecord> records = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 100; i++) {
      String surname =
          i < 50
              ? "commonname"
              : i < 52 ? "rarename" : "other" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
      LocalDate birth =
          i < 50 ? COMMON_DATE : i < 52 ? RARE_DATE : LocalDate.of(1950, 1, 1).plusDays(i * 37L);
      records.add(record(i, "person", surname, birth, random));
    }
    return records;
  }

  private static LinkageRecord record(
      long id, String given, String surname, LocalDate birth, SplittableRandom random) {
    return SyntheticTravellers.record(
        id, given, surname, birth, null, null, null, Long.MIN_VALUE, null, null, random);
  }

  @Test
  void agreementOnARareValueWeighsMoreThanOnACommonOne() {
    LinkageModel model = LinkageModelTest.trained();
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(population()));
    SplittableRandom random = new SplittableRandom(3);
    LocalDate other = LocalDate.of(1999, 9, 9);
    LinkageRecord commonA = record(1, "alexandrina", "commonname", other, random);
    LinkageRecord commonB = record(2, "bo", "commonname", other.plusYears(1), random);
    LinkageRecord rareA = record(3, "alexandrina", "rarename", other, random);
    LinkageRecord rareB = record(4, "bo", "rarename", other.plusYears(1), random);

    assertThat(Comparison.NAME.levelIn(scorer.pattern(commonA, commonB))).isEqualTo(5);
    assertThat(Comparison.NAME.levelIn(scorer.pattern(rareA, rareB))).isEqualTo(5);
    assertThat(scorer.pattern(commonA, commonB)).isEqualTo(scorer.pattern(rareA, rareB));
    assertThat(scorer.weight(rareA, rareB)).isGreaterThan(scorer.weight(commonA, commonB) + 3);
    // The average agreement sits between: the rare value gains bits, the common one loses them.
    double average = scorer.weight(scorer.pattern(rareA, rareB));
    assertThat(scorer.weight(rareA, rareB)).isGreaterThan(average);
    assertThat(scorer.weight(commonA, commonB)).isLessThan(average);

    LinkageRecord commonDateA = record(5, "ann", "smith", COMMON_DATE, random);
    LinkageRecord commonDateB = record(6, "ann", "smith", COMMON_DATE, random);
    LinkageRecord rareDateA = record(7, "ann", "smith", RARE_DATE, random);
    LinkageRecord rareDateB = record(8, "ann", "smith", RARE_DATE, random);
    assertThat(scorer.weight(rareDateA, rareDateB))
        .isGreaterThan(scorer.weight(commonDateA, commonDateB) + 3);
  }

  @Test
  void withoutAdjustmentTheWeightIsThePriorPlusTheLevelWeights() {
    LinkageModel model = LinkageModelTest.trained();
    LinkageModel plain = model.withSettings(model.settings().withTermFrequencies(false, false));
    PairScorer scorer = new PairScorer(plain, TermFrequencies.of(population()));
    SplittableRandom random = new SplittableRandom(4);
    LinkageRecord a = record(1, "ann", "rarename", RARE_DATE, random);
    LinkageRecord b = record(2, "ann", "rarename", RARE_DATE.plusDays(3), random);

    int pattern = scorer.pattern(a, b);
    double expected = plain.priorBits();
    expected += plain.parameters(Comparison.NAME).level(1).bits();
    expected += plain.parameters(Comparison.BIRTH_DATE).level(3).bits();

    assertThat(Comparison.NAME.levelIn(pattern)).isEqualTo(1);
    assertThat(Comparison.BIRTH_DATE.levelIn(pattern)).isEqualTo(3);
    assertThat(Comparison.DOCUMENT.levelIn(pattern)).isEqualTo(Comparison.MISSING);
    assertThat(scorer.weight(a, b)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void swappedDayAndMonthHaveTheirOwnLevel() {
    PairScorer scorer =
        new PairScorer(LinkageModelTest.trained(), TermFrequencies.of(population()));
    SplittableRandom random = new SplittableRandom(5);
    LinkageRecord a = record(1, "ann", "lee", LocalDate.of(1990, 3, 12), random);
    LinkageRecord b = record(2, "ann", "lee", LocalDate.of(1990, 12, 3), random);

    assertThat(Comparison.BIRTH_DATE.levelIn(scorer.pattern(a, b))).isEqualTo(2);
    assertThat(Comparison.BIRTH_DATE.levelIn(scorer.pattern(b, a))).isEqualTo(2);
  }

  /**
   * The trained model with address and locality parameters of the size FEBRL gives them, so that
   * those comparisons weigh something where they apply.
   */
  private static LinkageModel withAddressParameters(LinkageModel model) {
    List<ComparisonParameters> comparisons = new ArrayList<>(model.comparisons());
    comparisons.set(
        Comparison.ADDRESS.ordinal(),
        ComparisonParameters.of(
            Comparison.ADDRESS,
            new double[] {0, 0.25, 0.6, 0.125, 0.025},
            new double[] {0, 1e-6, 1e-5, 0.01, 0.98999}));
    comparisons.set(
        Comparison.LOCALITY.ordinal(),
        ComparisonParameters.of(
            Comparison.LOCALITY,
            new double[] {0, 0.6, 0.23, 0.13, 0.03, 0.01},
            new double[] {0, 1e-6, 0.001, 0.001, 0.2, 0.797999}));
    return new LinkageModel(model.settings(), model.prior(), comparisons);
  }

  @Test
  void anAddressWeighsOnlyWhereBothRecordsHaveOne() {
    LinkageModel model = withAddressParameters(LinkageModelTest.trained());
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(population()));
    SplittableRandom random = new SplittableRandom(6);
    LinkageRecord a = record(1, "ann", "lee", RARE_DATE, random);
    LinkageRecord b = record(2, "anne", "lee", RARE_DATE, random);
    LinkageRecord aAt = at(a, "12 wilkins street", "2600", "bega", "nsw", random);
    LinkageRecord bAt = at(b, "12 wilkins street", "2600", "bega", "nsw", random);
    LinkageRecord bTypo = at(b, "12 wilkinss street", "2600", "begaa", "nsw", random);
    LinkageRecord bMoved = at(b, "7 harris place", "3001", "carlton", "vic", random);
    LinkageRecord bStreetOnly = at(b, "12 wilkins street", null, null, null, random);

    assertThat(a.address()).isNull();
    int without = scorer.pattern(a, b);
    assertThat(Comparison.ADDRESS.levelIn(without)).isEqualTo(Comparison.MISSING);
    assertThat(Comparison.LOCALITY.levelIn(without)).isEqualTo(Comparison.MISSING);
    // An address on one side only, or a locality on one side only, is missing: 0 bits, exactly.
    assertThat(scorer.pattern(aAt, b)).isEqualTo(without);
    assertThat(scorer.weight(aAt, b)).isEqualTo(scorer.weight(a, b));
    assertThat(Comparison.LOCALITY.levelIn(scorer.pattern(aAt, bStreetOnly)))
        .isEqualTo(Comparison.MISSING);

    int same = scorer.pattern(aAt, bAt);
    assertThat(Comparison.ADDRESS.levelIn(same)).isEqualTo(1);
    assertThat(Comparison.LOCALITY.levelIn(same)).isEqualTo(1);
    assertThat(Comparison.ADDRESS.with(Comparison.LOCALITY.with(same, 0), 0)).isEqualTo(without);
    assertThat(scorer.weight(aAt, bAt))
        .isCloseTo(
            scorer.weight(a, b)
                + model.parameters(Comparison.ADDRESS).level(1).bits()
                + model.parameters(Comparison.LOCALITY).level(1).bits(),
            within(1e-9));

    int typo = scorer.pattern(aAt, bTypo);
    assertThat(Comparison.ADDRESS.levelIn(typo)).isEqualTo(2); // Dice high
    assertThat(Comparison.LOCALITY.levelIn(typo)).isEqualTo(2); // postcode only
    int moved = scorer.pattern(aAt, bMoved);
    assertThat(Comparison.ADDRESS.levelIn(moved)).isEqualTo(4);
    assertThat(Comparison.LOCALITY.levelIn(moved)).isEqualTo(5);
    assertThat(scorer.weight(aAt, bMoved)).isLessThan(scorer.weight(a, b) - 10);
  }

  private static LinkageRecord at(
      LinkageRecord record,
      String street,
      String postcode,
      String locality,
      String region,
      SplittableRandom random) {
    return SyntheticTravellers.withAddress(record, street, postcode, locality, region, random);
  }
}
