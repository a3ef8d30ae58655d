package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Collection;

/**
 * How often each surname and birth-date token occurs in a reference set of records, for the
 * term-frequency adjustment of exact agreement: two records agreeing on a value of frequency {@code
 * f} get the Bayes factor {@code m / f} instead of {@code m / u} (the u of exact agreement is about
 * the sum of the squared frequencies; for one value, two random records share it with probability
 * {@code f²} and a matching pair with probability {@code m·f}). This is Splink's adjustment with
 * weight 1.
 *
 * <p>Frequencies are fixed once, from a reference set, and passed to every run: a record's decision
 * then depends only on earlier records, which is what makes incremental linkage equal to a full
 * re-link.
 */
public final class TermFrequencies {

  private final LongCounts surnames;
  private final LongCounts birthDates;
  private final long surnameTotal;
  private final long birthDateTotal;

  private TermFrequencies(
      LongCounts surnames, long surnameTotal, LongCounts birthDates, long birthDateTotal) {
    this.surnames = surnames;
    this.birthDates = birthDates;
    this.surnameTotal = surnameTotal;
    this.birthDateTotal = birthDateTotal;
  }

  /** The frequencies of the values of {@code records} (absent values not counted). */
  public static TermFrequencies of(Collection<LinkageRecord> records) {
    requireNonNull(records, "records is null");
    LongCounts surnames = new LongCounts(records.size() / 4);
    LongCounts birthDates = new LongCounts(records.size() / 4);
    long surnameTotal = 0;
    long birthDateTotal = 0;
    for (LinkageRecord record : records) {
      if (record.firstSurname() != 0) {
        surnames.add(record.firstSurname());
        surnameTotal++;
      }
      if (record.birthDate() != 0) {
        birthDates.add(record.birthDate());
        birthDateTotal++;
      }
    }
    return new TermFrequencies(surnames, surnameTotal, birthDates, birthDateTotal);
  }

  /**
   * The frequency of a surname digest; a value not in the reference set counts as seen once. NaN
   * when the reference set has no surname at all.
   */
  public double surname(long digest) {
    return frequency(surnames, surnameTotal, digest);
  }

  /** The frequency of a birth-date digest, like {@link #surname}. */
  public double birthDate(long digest) {
    return frequency(birthDates, birthDateTotal, digest);
  }

  public int distinctSurnames() {
    return surnames.size();
  }

  public int distinctBirthDates() {
    return birthDates.size();
  }

  private static double frequency(LongCounts counts, long total, long digest) {
    if (total == 0) {
      return Double.NaN;
    }
    return Math.max(1, counts.count(digest)) / (double) total;
  }
}
