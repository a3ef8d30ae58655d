package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Probability that an undecided crossing turns out to be a migrant one: smoothed empirical rates of
 * final outcomes per cell of {@link OutcomeFeatures}, each cell shrunk towards its coarser parent
 * (Stats NZ's outcomes-based measure predicts provisional outcomes from earlier final ones; this is
 * a transparent stand-in for its model).
 *
 * <p>Cells, coarsest first: everything; direction; + elapsed band and still there; + counted band;
 * + national; + authorised stay band. A cell with {@code n} cases of which {@code k} migrants has
 * rate {@code (k + s × parent) / (n + s)}, {@code s} the prior strength; the root's parent is 0.5.
 * An empty cell therefore gives its parent's rate: the back-off is built in. The model is a pure
 * function of the multiset of cases: their order does not matter.
 */
public final class MigrantRateModel {

  /** Number of cell levels below the root. */
  private static final int LEVELS = 5;

  private static final String[] LEVEL_NAMES = {
    "all", "direction", "+elapsed,stillThere", "+counted", "+national", "+authorised"
  };

  private final Map<Long, long[]> counts;
  private final double priorStrength;

  private MigrantRateModel(Map<Long, long[]> counts, double priorStrength) {
    this.counts = counts;
    this.priorStrength = priorStrength;
  }

  /** The rate of one cell on the way from the root to a crossing's cell. */
  public record CellRate(String level, long cases, long migrants, double rate) {
    public CellRate {
      requireNonNull(level, "level is null");
    }
  }

  /** A model without cases: 0.5 everywhere. */
  public static MigrantRateModel uninformed() {
    return new MigrantRateModel(Map.of(), 1.0);
  }

  /** Counts the cases into every level's cells. */
  public static MigrantRateModel fit(Collection<TrainingCase> cases, double priorStrength) {
    requireNonNull(cases, "cases is null");
    Fitter fitter = new Fitter();
    fitter.add(cases);
    return fitter.fit(priorStrength);
  }

  /**
   * Counts cases as they come, a traveller's at a time, so that a country's cases are never all in
   * the heap: {@link #fit} of everything added equals {@link MigrantRateModel#fit} of the same
   * cases, since only their counts matter.
   */
  public static final class Fitter {
    private final Map<Long, long[]> counts = new HashMap<>();
    private long cases;

    public void add(Collection<TrainingCase> more) {
      requireNonNull(more, "more is null");
      for (TrainingCase c : more) {
        for (int level = 0; level <= LEVELS; level++) {
          long[] cell = counts.computeIfAbsent(key(level, c.features()), k -> new long[2]);
          cell[0]++;
          if (c.migrant()) {
            cell[1]++;
          }
        }
      }
      cases += more.size();
    }

    /** The cases added so far. */
    public long cases() {
      return cases;
    }

    public MigrantRateModel fit(double priorStrength) {
      if (!(priorStrength > 0) || Double.isInfinite(priorStrength)) {
        throw new IllegalArgumentException("priorStrength must be positive: " + priorStrength);
      }
      return new MigrantRateModel(Map.copyOf(counts), priorStrength);
    }
  }

  /** The smoothed rate of the finest cell. */
  public double probability(OutcomeFeatures features) {
    requireNonNull(features, "features is null");
    double rate = 0.5;
    for (int level = 0; level <= LEVELS; level++) {
      long[] cell = counts.get(key(level, features));
      if (cell != null) {
        rate = (cell[1] + priorStrength * rate) / (cell[0] + priorStrength);
      }
    }
    return rate;
  }

  /** Every level's cell for these features, coarsest first: why the model says what it says. */
  public List<CellRate> explain(OutcomeFeatures features) {
    requireNonNull(features, "features is null");
    List<CellRate> path = new ArrayList<>();
    double rate = 0.5;
    for (int level = 0; level <= LEVELS; level++) {
      long[] cell = counts.getOrDefault(key(level, features), new long[2]);
      rate = (cell[1] + priorStrength * rate) / (cell[0] + priorStrength);
      path.add(new CellRate(LEVEL_NAMES[level], cell[0], cell[1], rate));
    }
    return path;
  }

  /** Number of cases the model was fitted on. */
  public long cases() {
    long[] root = counts.get(key(0, null));
    return root == null ? 0 : root[0];
  }

  /** The cell of {@code features} at {@code level}; coarser levels zero the finer components. */
  private static long key(int level, OutcomeFeatures f) {
    long direction = level >= 1 ? f.direction().ordinal() + 1 : 0;
    long elapsed = level >= 2 ? f.elapsedBand() + 1 : 0;
    long still = level >= 2 ? (f.stillThere() ? 2 : 1) : 0;
    long counted = level >= 3 ? f.countedBand() + 1 : 0;
    long national = level >= 4 ? (f.national() ? 2 : 1) : 0;
    long authorised = level >= 5 ? f.authorisedBand() + 1 : 0;
    return ((((((long) level * 4 + direction) * 32 + elapsed) * 4 + still) * 32 + counted) * 4
                + national)
            * 8
        + authorised;
  }
}
