package org.puente.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.puente.residence.Direction;
import org.puente.residence.OutcomeFeatures;
import org.puente.residence.TrainingCase;

/**
 * How many of a country's training cases have the same features and outcome: the cases of the
 * provisional-outcome model, counted on Spark and shipped to every partition in this compact form.
 */
record CaseCount(
    Direction direction,
    boolean national,
    int elapsedBand,
    boolean stillThere,
    int countedBand,
    int authorisedBand,
    boolean migrant,
    long count)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  CaseCount {
    requireNonNull(direction, "direction is null");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
  }

  TrainingCase trainingCase() {
    return new TrainingCase(
        new OutcomeFeatures(
            direction, national, elapsedBand, stillThere, countedBand, authorisedBand),
        migrant);
  }

  /**
   * The multiset of cases the counts stand for, each case repeated {@code count} times, without
   * holding them: {@code MigrantRateModel.fit} depends only on the multiset.
   */
  static Collection<TrainingCase> expand(List<CaseCount> counts) {
    long total = counts.stream().mapToLong(CaseCount::count).sum();
    return new AbstractCollection<>() {
      @Override
      public int size() {
        return (int) Math.min(Integer.MAX_VALUE, total);
      }

      @Override
      public Iterator<TrainingCase> iterator() {
        return new Iterator<>() {
          private int index;
          private long left = counts.isEmpty() ? 0 : counts.get(0).count();
          private TrainingCase current = counts.isEmpty() ? null : counts.get(0).trainingCase();

          @Override
          public boolean hasNext() {
            while (left == 0 && index + 1 < counts.size()) {
              index++;
              left = counts.get(index).count();
              current = counts.get(index).trainingCase();
            }
            return left > 0;
          }

          @Override
          public TrainingCase next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            left--;
            return current;
          }
        };
      }
    };
  }
}
