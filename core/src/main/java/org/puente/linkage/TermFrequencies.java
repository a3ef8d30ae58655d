package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * How often each name-set, first-surname, first-given-name and birth-date token occurs in a
 * reference set of records, for the term-frequency adjustment of agreement on one value: a pair
 * agreeing on a value of frequency {@code p(v)} gets its level's Bayes factor times {@code Σp² /
 * p(v)}. Σp² is the chance that two random records agree on the field at all (the u of the
 * agreement), so the factor turns the level's average u into the value's own (Splink's adjustment
 * with weight 1): agreeing on a rare surname counts more than on a common one, and a common birth
 * date (1 January, in data that fills unknown days with it) less.
 *
 * <p>Frequencies are fixed once, from a reference set, and passed to every run: a record's decision
 * then depends only on earlier records, which is what makes incremental linkage equal to a full
 * re-link.
 */
public final class TermFrequencies {

  /** A field whose values are counted. */
  public enum Field {
    NAME_SET(LinkageRecord::nameSet),
    FIRST_SURNAME(LinkageRecord::firstSurname),
    FIRST_GIVEN_NAME(LinkageRecord::firstGivenName),
    BIRTH_DATE(LinkageRecord::birthDate);

    private final ToLongFunction<LinkageRecord> value;

    Field(ToLongFunction<LinkageRecord> value) {
      this.value = value;
    }

    long of(LinkageRecord record) {
      return value.applyAsLong(record);
    }
  }

  private final LongCounts[] counts;
  private final long[] totals;
  private final double[] log2SumOfSquares;

  private TermFrequencies(LongCounts[] counts, long[] totals, double[] log2SumOfSquares) {
    this.counts = counts;
    this.totals = totals;
    this.log2SumOfSquares = log2SumOfSquares;
  }

  /** The frequencies of the values of {@code records} (absent values not counted). */
  public static TermFrequencies of(Collection<LinkageRecord> records) {
    return of(records, record -> true);
  }

  /**
   * The frequencies of the values of the records that {@code counted} accepts: one pass over {@code
   * records}, each record read once. The tables grow with the distinct values (a few thousand birth
   * dates and first names, about one name set a person).
   */
  public static TermFrequencies of(
      Iterable<LinkageRecord> records, Predicate<LinkageRecord> counted) {
    requireNonNull(records, "records is null");
    requireNonNull(counted, "counted is null");
    Field[] fields = Field.values();
    LongCounts[] counts = new LongCounts[fields.length];
    long[] totals = new long[fields.length];
    for (Field field : fields) {
      counts[field.ordinal()] = new LongCounts(1024);
    }
    for (LinkageRecord record : records) {
      if (!counted.test(record)) {
        continue;
      }
      for (Field field : fields) {
        long value = field.of(record);
        if (value != 0) {
          counts[field.ordinal()].add(value);
          totals[field.ordinal()]++;
        }
      }
    }
    double[] log2SumOfSquares = new double[fields.length];
    for (Field field : fields) {
      long total = totals[field.ordinal()];
      double sum = 0;
      for (int count : counts[field.ordinal()].counts()) {
        sum += (count / (double) total) * (count / (double) total);
      }
      log2SumOfSquares[field.ordinal()] = total == 0 ? Double.NaN : log2(sum);
    }
    return new TermFrequencies(counts, totals, log2SumOfSquares);
  }

  /**
   * The frequency of a value in the reference set; a value not in it counts as seen once. NaN when
   * the reference set has no value of the field at all.
   */
  public double frequency(Field field, long digest) {
    long total = totals[field.ordinal()];
    if (total == 0) {
      return Double.NaN;
    }
    return Math.max(1, counts[field.ordinal()].count(digest)) / (double) total;
  }

  /** log2(Σp² / p(v)): the bits the adjustment adds to agreement on the value (0 without data). */
  public double adjustmentBits(Field field, long digest) {
    double frequency = frequency(field, digest);
    if (Double.isNaN(frequency)) {
      return 0.0;
    }
    return log2SumOfSquares[field.ordinal()] - log2(frequency);
  }

  public int distinct(Field field) {
    return counts[field.ordinal()].size();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
