package org.puente.bench.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.puente.privacy.Dice;

/**
 * A frequency-alignment attack on stored name encodings (Kuzu et al. 2011; the frequency attacks
 * surveyed by Vidanage, Christen, Ranbaduge and Schnell 2020). The attacker holds the encodings of
 * a population (not the key) and knows the frequency of every name in it. She groups the encodings,
 * ranks the groups by size, ranks the names by frequency and labels the i-th group with the i-th
 * name. Two attackers:
 *
 * <ul>
 *   <li>exact: groups are identical encodings (the whole attack on deterministic encodings and on
 *       deterministic tokens);
 *   <li>clustering: groups are greedy leader clusters at Dice ≥ {@code clusterThreshold}, the
 *       natural answer to noise-hardened encodings where identical names no longer give identical
 *       bits.
 * </ul>
 *
 * A record is re-identified when its group's label is its true name. Works on any list of names
 * (one per record, as the normalised string), so it can be rerun on the simulator's population.
 */
final class FrequencyAttack {

  /** Records and distinct names re-identified, in per cent. */
  record Result(int records, int distinctNames, double recordsPercent, double namesPercent) {}

  private FrequencyAttack() {}

  /** The exact attacker over anything compared by equality (encodings as keys, tokens). */
  static Result exact(List<String> trueNames, List<?> stored) {
    Map<Object, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < stored.size(); i++) {
      Object key = stored.get(i) instanceof long[] bits ? new Bits(bits) : stored.get(i);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    return align(trueNames, new ArrayList<>(groups.values()));
  }

  /**
   * The clustering attacker over 1,024-bit encodings: each encoding joins the first leader (in
   * order of creation) whose Dice with it reaches {@code clusterThreshold}, else becomes a leader.
   * The test is exact integer arithmetic on thousandths ({@code 2000·|A∧B| ≥ t·(|A|+|B|)}), and the
   * leaders are kept in one flat array scanned 16 words at a time, so that populations of hundreds
   * of thousands of records can be attacked.
   */
  static Result clustering(
      List<String> trueNames, List<long[]> encodings, double clusterThreshold) {
    int threshold = (int) Math.round(clusterThreshold * 1000);
    long[] leaders = new long[16 * 1024];
    int[] leaderCardinality = new int[1024];
    int leaderCount = 0;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < encodings.size(); i++) {
      long[] bits = encodings.get(i);
      int cardinality = Dice.cardinality(bits);
      int joined =
          firstLeader(bits, cardinality, leaders, leaderCardinality, leaderCount, threshold);
      if (joined < 0) {
        if (leaderCount == leaderCardinality.length) {
          leaders = Arrays.copyOf(leaders, leaders.length * 2);
          leaderCardinality = Arrays.copyOf(leaderCardinality, leaderCardinality.length * 2);
        }
        System.arraycopy(bits, 0, leaders, 16 * leaderCount, 16);
        leaderCardinality[leaderCount] = cardinality;
        joined = leaderCount++;
        clusters.add(new ArrayList<>());
      }
      clusters.get(joined).add(i);
    }
    return align(trueNames, clusters);
  }

  /** The first leader whose Dice with {@code q} reaches {@code threshold} thousandths, or -1. */
  private static int firstLeader(
      long[] q, int cardinality, long[] leaders, int[] cardinalities, int count, int threshold) {
    for (int c = 0; c < count; c++) {
      int at = c << 4;
      int common = 0;
      for (int w = 0; w < 16; w++) {
        common += Long.bitCount(q[w] & leaders[at + w]);
      }
      if (2000 * common >= threshold * (cardinality + cardinalities[c])) {
        return c;
      }
    }
    return -1;
  }

  private static Result align(List<String> trueNames, List<List<Integer>> groups) {
    Map<String, Integer> frequency = new HashMap<>();
    for (String name : trueNames) {
      frequency.merge(name, 1, Integer::sum);
    }
    List<String> namesByFrequency = new ArrayList<>(frequency.keySet());
    namesByFrequency.sort(
        Comparator.comparing((String name) -> -frequency.get(name))
            .thenComparing(Comparator.naturalOrder()));
    groups.sort(Comparator.comparing((List<Integer> group) -> -group.size()));
    int records = 0;
    Set<String> names = new HashSet<>();
    for (int g = 0; g < Math.min(groups.size(), namesByFrequency.size()); g++) {
      String label = namesByFrequency.get(g);
      for (int record : groups.get(g)) {
        if (trueNames.get(record).equals(label)) {
          records++;
          names.add(label);
        }
      }
    }
    return new Result(
        records,
        names.size(),
        100.0 * records / trueNames.size(),
        100.0 * names.size() / frequency.size());
  }

  /** A bit vector compared by content. */
  private record Bits(long[] words) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Bits bits && Arrays.equals(bits.words, words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
      return "Bits";
    }
  }
}
