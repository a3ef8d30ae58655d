package org.puente.bench.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.puente.privacy.Dice;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.DocumentEncoding;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.NameBigrams;
import org.puente.privacy.NodeKey;

/**
 * How well 256-bit document-number encodings separate "one edit" from "different": random numbers
 * of the shapes the simulator issues ({@code sim/.../Documents.number}: USA nine digits; CAN and
 * GBR two letters and six digits; MEX one letter and eight digits; every other country one or two
 * letters and seven digits) plus six digits and twelve characters (the ends of the range the
 * encoding is meant for), each shape equally often. For each number, one copy with one edit of each
 * kind — substitution, insertion, deletion, transposition of two adjacent different characters (a
 * digit replaced by another digit, a letter by another letter), and the simulator's own mistype
 * ({@code IdentifierNoise.documentTypo}: one position replaced, a digit by a random digit, possibly
 * the same, a letter by {@code X}) — and one unrelated number of the same shape, the hardest
 * unrelated pair. Every number is encoded on its own (independent BLIP flips, as two records are).
 * Prints, per encoding and threshold, the recall of each edit kind and the false-match rate of the
 * unrelated pairs, and the same for clear bigram Dice of the padded numbers.
 *
 * <pre>
 * java [-DkeySeed=2026] [-Dpairs=1000000] [-Dthresholds=400,450,500,550,600] \
 *     -cp bench/target/benchmarks.jar org.puente.bench.privacy.DocumentEncodingQuality \
 *     [hashes flipProbability]...
 * </pre>
 */
public final class DocumentEncodingQuality {

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  /** Shapes as (letters, digits); a negative letter count is "1 or 2", as the simulator draws. */
  private static final int[][] SHAPES = {{0, 9}, {2, 6}, {1, 8}, {-1, 7}, {0, 6}, {3, 9}};

  private static final String[] SHAPE_NAMES = {
    "9 digits (USA)",
    "2 letters 6 digits (CAN, GBR)",
    "1 letter 8 digits (MEX)",
    "1-2 letters 7 digits (others)",
    "6 digits",
    "3 letters 9 digits (12 chars)"
  };

  private static final String[] KINDS = {
    "equal", "substitution", "insertion", "deletion", "transposition", "simulator mistype"
  };

  private DocumentEncodingQuality() {}

  /** Scores of one class of pairs as (common bits, total bits), for exact threshold tests. */
  private record Scores(int[] common, int[] total) {
    Scores(int size) {
      this(new int[size], new int[size]);
    }

    long atOrAbove(int thousandths) {
      long count = 0;
      for (int i = 0; i < common.length; i++) {
        if (2000L * common[i] >= (long) thousandths * total[i]) {
          count++;
        }
      }
      return count;
    }

    double mean() {
      double sum = 0;
      for (int i = 0; i < common.length; i++) {
        sum += total[i] == 0 ? 0 : 2.0 * common[i] / total[i];
      }
      return sum / common.length;
    }
  }

  public static void main(String[] args) {
    int pairs = Integer.getInteger("pairs", 1_000_000);
    List<Integer> thresholds = new ArrayList<>();
    for (String t : System.getProperty("thresholds", "400,450,500,550,600,650").split(",")) {
      thresholds.add(Integer.parseInt(t.strip()));
    }
    List<EncodingParameters> settings = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      settings.add(
          new EncodingParameters(Integer.parseInt(args[i]), Double.parseDouble(args[i + 1])));
    }
    if (settings.isEmpty()) {
      settings = List.of(EncodingParameters.DOCUMENT_STANDARD);
    }
    NodeKey key = EvaluationKey.fromSeed(Long.getLong("keySeed", 2026));
    System.out.printf(
        "%,d numbers (%d shapes), one copy per edit kind and one unrelated number each; key seed"
            + " %d%n",
        pairs, SHAPES.length, Long.getLong("keySeed", 2026));
    report("clear bigram Dice", null, pairs, thresholds);
    for (EncodingParameters parameters : settings) {
      report(
          "encoding k=" + parameters.hashes() + " p=" + parameters.flipProbability(),
          new DocumentEncoder(key, parameters),
          pairs,
          thresholds);
    }
  }

  private static void report(
      String title, DocumentEncoder encoder, int pairs, List<Integer> thresholds) {
    // The same numbers and edits for every encoding: the generator restarts at seed 1.
    SplittableRandom numbers = new SplittableRandom(1);
    SplittableRandom flips = new SplittableRandom(2);
    Scores[] edits = new Scores[KINDS.length];
    for (int k = 0; k < KINDS.length; k++) {
      edits[k] = new Scores(pairs);
    }
    Scores unrelated = new Scores(pairs);
    Scores[] unrelatedByShape = new Scores[SHAPES.length];
    int perShape = pairs / SHAPES.length + 1;
    int[] shapeFill = new int[SHAPES.length];
    for (int s = 0; s < SHAPES.length; s++) {
      unrelatedByShape[s] = new Scores(perShape);
    }
    long bitsSet = 0;
    for (int i = 0; i < pairs; i++) {
      int shape = i % SHAPES.length;
      String number = number(SHAPES[shape], numbers);
      String[] copies = {
        number,
        substitution(number, numbers),
        insertion(number, numbers),
        deletion(number, numbers),
        transposition(number, numbers),
        simulatorMistype(number, numbers)
      };
      String other = number(SHAPES[shape], numbers);
      if (encoder == null) {
        Set<String> bigrams = NameBigrams.of(List.of(number));
        for (int k = 0; k < KINDS.length; k++) {
          clear(bigrams, copies[k], edits[k], i);
        }
        clear(bigrams, other, unrelated, i);
        clear(bigrams, other, unrelatedByShape[shape], shapeFill[shape]++);
      } else {
        long[] a = encoder.encodeBits(number, flips);
        int cardinality = Dice.cardinality(a);
        bitsSet += cardinality;
        for (int k = 0; k < KINDS.length; k++) {
          encoded(encoder, a, cardinality, copies[k], flips, edits[k], i);
        }
        encoded(encoder, a, cardinality, other, flips, unrelated, i);
        Scores byShape = unrelatedByShape[shape];
        byShape.common[shapeFill[shape]] = unrelated.common[i];
        byShape.total[shapeFill[shape]++] = unrelated.total[i];
      }
    }
    System.out.printf("%n%s%n", title);
    if (encoder != null) {
      System.out.printf(
          "  bits set per encoding: %.1f of %d%n", bitsSet / (double) pairs, DocumentEncoding.BITS);
    }
    System.out.printf("  mean Dice:");
    for (int k = 0; k < KINDS.length; k++) {
      System.out.printf(" %s %.3f,", KINDS[k], edits[k].mean());
    }
    System.out.printf(" unrelated %.3f%n", unrelated.mean());
    StringBuilder header = new StringBuilder("  threshold");
    for (String kind : KINDS) {
      header.append(" | ").append(kind);
    }
    header.append(" | one edit (4 kinds) | unrelated: false-match rate (count)");
    System.out.println(header);
    for (int t : thresholds) {
      StringBuilder line = new StringBuilder(String.format("  %.3f", t / 1000.0));
      long oneEdit = 0;
      for (int k = 0; k < KINDS.length; k++) {
        long hits = edits[k].atOrAbove(t);
        if (k >= 1 && k <= 4) {
          oneEdit += hits;
        }
        line.append(String.format(" | %.4f%%", 100.0 * hits / pairs));
      }
      line.append(String.format(" | %.4f%%", 100.0 * oneEdit / (4.0 * pairs)));
      long falseMatches = unrelated.atOrAbove(t);
      line.append(String.format(" | %.5f%% (%d)", 100.0 * falseMatches / pairs, falseMatches));
      System.out.println(line);
    }
    System.out.printf("  unrelated pairs at or above each threshold, by shape:%n");
    for (int s = 0; s < SHAPES.length; s++) {
      Scores byShape =
          new Scores(
              Arrays.copyOf(unrelatedByShape[s].common, shapeFill[s]),
              Arrays.copyOf(unrelatedByShape[s].total, shapeFill[s]));
      StringBuilder line = new StringBuilder(String.format("    %-32s", SHAPE_NAMES[s]));
      for (int t : thresholds) {
        long count = byShape.atOrAbove(t);
        line.append(
            String.format(" %.3f: %.5f%% (%d)", t / 1000.0, 100.0 * count / shapeFill[s], count));
      }
      System.out.println(line);
    }
  }

  private static void clear(Set<String> bigrams, String copy, Scores scores, int i) {
    Set<String> other = NameBigrams.of(List.of(copy));
    int common = 0;
    for (String bigram : other) {
      if (bigrams.contains(bigram)) {
        common++;
      }
    }
    scores.common[i] = common;
    scores.total[i] = bigrams.size() + other.size();
  }

  private static void encoded(
      DocumentEncoder encoder,
      long[] a,
      int cardinality,
      String copy,
      SplittableRandom flips,
      Scores scores,
      int i) {
    long[] b = encoder.encodeBits(copy, flips);
    int common = 0;
    for (int w = 0; w < DocumentEncoding.WORDS; w++) {
      common += Long.bitCount(a[w] & b[w]);
    }
    scores.common[i] = common;
    scores.total[i] = cardinality + Dice.cardinality(b);
  }

  static String number(int[] shape, SplittableRandom random) {
    int letters = shape[0] < 0 ? random.nextInt(1, 3) : shape[0];
    StringBuilder number = new StringBuilder(letters + shape[1]);
    for (int i = 0; i < letters; i++) {
      number.append(LETTERS.charAt(random.nextInt(26)));
    }
    for (int i = 0; i < shape[1]; i++) {
      number.append(DIGITS.charAt(random.nextInt(10)));
    }
    return number.toString();
  }

  /** A character of the same class (letter or digit) as {@code c}, different from it. */
  private static char other(char c, SplittableRandom random) {
    String alphabet = Character.isDigit(c) ? DIGITS : LETTERS;
    char replacement;
    do {
      replacement = alphabet.charAt(random.nextInt(alphabet.length()));
    } while (replacement == c);
    return replacement;
  }

  static String substitution(String number, SplittableRandom random) {
    int at = random.nextInt(number.length());
    StringBuilder out = new StringBuilder(number);
    out.setCharAt(at, other(number.charAt(at), random));
    return out.toString();
  }

  /** A character inserted at any of the n+1 places, of the class of a neighbour. */
  static String insertion(String number, SplittableRandom random) {
    int at = random.nextInt(number.length() + 1);
    char neighbour = number.charAt(Math.min(at, number.length() - 1));
    String alphabet = Character.isDigit(neighbour) ? DIGITS : LETTERS;
    return number.substring(0, at)
        + alphabet.charAt(random.nextInt(alphabet.length()))
        + number.substring(at);
  }

  static String deletion(String number, SplittableRandom random) {
    int at = random.nextInt(number.length());
    return number.substring(0, at) + number.substring(at + 1);
  }

  /** Two adjacent different characters exchanged (the number itself if all are equal). */
  static String transposition(String number, SplittableRandom random) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int at = random.nextInt(number.length() - 1);
      if (number.charAt(at) != number.charAt(at + 1)) {
        StringBuilder out = new StringBuilder(number);
        out.setCharAt(at, number.charAt(at + 1));
        out.setCharAt(at + 1, number.charAt(at));
        return out.toString();
      }
    }
    return number;
  }

  /** {@code IdentifierNoise.documentTypo}, the simulator's one-character mistype. */
  static String simulatorMistype(String number, SplittableRandom random) {
    int at = random.nextInt(number.length());
    char c = number.charAt(at);
    char replacement = Character.isDigit(c) ? (char) ('0' + random.nextInt(10)) : 'X';
    return number.substring(0, at) + replacement + number.substring(at + 1);
  }
}
