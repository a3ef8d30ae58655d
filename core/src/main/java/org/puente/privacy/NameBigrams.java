package org.puente.privacy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The q-grams a name encoding is built from: the bigrams of each normalised name word padded with
 * {@code _} at both ends ({@code ana} → {@code _a an na a_}), as a set. Padding each word on its
 * own makes the set independent of word order, so given names and surnames written in another order
 * still agree. The clear-text baseline of the linkage evaluation uses the same sets.
 */
public final class NameBigrams {

  private NameBigrams() {}

  public static Set<String> of(List<String> words) {
    Set<String> bigrams = new LinkedHashSet<>();
    for (String word : words) {
      String padded = "_" + word + "_";
      int[] codePoints = padded.codePoints().toArray();
      for (int i = 0; i + 1 < codePoints.length; i++) {
        bigrams.add(new String(codePoints, i, 2));
      }
    }
    return bigrams;
  }

  /** Dice coefficient of two bigram sets: 2|A∩B| / (|A|+|B|); 0 when both are empty. */
  public static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0.0;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    int common = 0;
    for (String bigram : smaller) {
      if (larger.contains(bigram)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }
}
