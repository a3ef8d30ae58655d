package org.puente.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BloomEncoderTest {

  private final BloomEncoder unhardened =
      new BloomEncoder(TestKeys.network(), new EncodingParameters(15, 0.0));

  /**
   * Provenance: Python 3.11, {@code m = hmac.new(bytes(range(32)), "bf|v1|" + bigram,
   * sha256).digest()}, positions {@code ((m[2h] << 8) | m[2h+1]) & 0x3ff} for h in 0..14.
   */
  @Test
  void bigramPositionsMatchTheGoldenValuesComputedWithPython() {
    assertThat(unhardened.positions('_', 'a'))
        .containsExactly(320, 789, 1019, 233, 610, 561, 953, 352, 995, 496, 898, 775, 402, 475, 80);
    assertThat(unhardened.positions('ñ', '_'))
        .containsExactly(257, 468, 694, 222, 784, 900, 950, 207, 759, 624, 507, 68, 745, 192, 186);
  }

  /**
   * The address encoder is the same scheme under its own domain. Provenance: Python 3.11 as above
   * with {@code "abf|v1|" + bigram}, and the first 8 bytes of {@code hmac.new(bytes(range(32)),
   * "ablip|v1|" + context, sha256)} as a signed big-endian long.
   */
  @Test
  void theAddressEncoderHasItsOwnPositionsAndFlipSeeds() {
    BloomEncoder addresses =
        BloomEncoder.forAddresses(TestKeys.network(), new EncodingParameters(15, 0.0));
    assertThat(addresses.positions('_', 'a'))
        .containsExactly(935, 541, 758, 902, 5, 392, 995, 257, 89, 561, 85, 895, 300, 37, 917);
    String context = "ab".repeat(32) + "|R-1";
    assertThat(addresses.flipSeed(context)).isEqualTo(5097743300448745982L);
    long[] bits = addresses.encodeBits(List.of("12", "wilkins", "street"), new SplittableRandom(1));
    long[] expected = new long[16];
    for (String bigram : NameBigrams.of(List.of("12", "wilkins", "street"))) {
      for (int p : addresses.positions(bigram.charAt(0), bigram.charAt(1))) {
        expected[p >>> 6] |= 1L << p;
      }
    }
    assertThat(bits).isEqualTo(expected);
  }

  @Test
  void anEncodingSetsTheBitsOfItsBigramsAndNothingElse() {
    long[] bits = unhardened.encodeBits(List.of("ana"), new SplittableRandom(1));
    long[] expected = new long[16];
    for (String bigram : NameBigrams.of(List.of("ana"))) {
      for (int p : unhardened.positions(bigram.charAt(0), bigram.charAt(1))) {
        expected[p >>> 6] |= 1L << p;
      }
    }
    assertThat(NameBigrams.of(List.of("ana"))).containsExactly("_a", "an", "na", "a_");
    assertThat(bits).isEqualTo(expected);
  }

  @Test
  void encodingsOfRandomNamesAreTheOrOfTheirBigramPositions() {
    // The reference is the format's definition, bigram by bigram through positions(); the encoder
    // takes precomputed masks for ASCII bigrams. Letters outside _a-z0-9 take the other path.
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789ñçß";
    SplittableRandom random = new SplittableRandom(19);
    for (int run = 0; run < 500; run++) {
      List<String> words = new java.util.ArrayList<>();
      for (int w = 0; w < 1 + random.nextInt(4); w++) {
        StringBuilder word = new StringBuilder();
        for (int c = 0; c < 1 + random.nextInt(12); c++) {
          word.append(letters.charAt(random.nextInt(letters.length())));
        }
        words.add(word.toString());
      }
      long[] expected = new long[16];
      for (String bigram : NameBigrams.of(words)) {
        for (int p : unhardened.positions(bigram.charAt(0), bigram.charAt(1))) {
          expected[p >>> 6] |= 1L << p;
        }
      }
      assertThat(unhardened.encodeBits(words, random)).as(words.toString()).isEqualTo(expected);
    }
  }

  @Test
  void unhardenedEncodingsOfTheSameNameAreEqualAndWordOrderDoesNotMatter() {
    SplittableRandom random = new SplittableRandom(3);
    BloomEncoding a = unhardened.encode(List.of("maria", "garcia"), random);
    BloomEncoding b = unhardened.encode(List.of("garcia", "maria"), random);
    assertThat(a.dice(b)).isEqualTo(1.0);
    assertThat(BloomEncoding.fromBase64(a.keyId(), a.toBase64()).bits()).isEqualTo(a.bits());
  }

  @Test
  void encodingDiceFollowsClearBigramDice() {
    SplittableRandom random = new SplittableRandom(5);
    List<List<String>> names =
        List.of(
            List.of("michaela", "neumann"),
            List.of("micheala", "neumann"),
            List.of("michaela", "newman"),
            List.of("courtney", "painter"));
    for (List<String> x : names) {
      for (List<String> y : names) {
        double clear = NameBigrams.dice(NameBigrams.of(x), NameBigrams.of(y));
        double encoded = unhardened.encode(x, random).dice(unhardened.encode(y, random));
        // Collisions only add common bits: never much below the clear value, somewhat above it
        // for unrelated names (about 150 of 1,024 bits are set), close to it for similar names.
        assertThat(encoded).as(x + " vs " + y).isBetween(clear - 0.03, clear + 0.2);
        if (clear > 0.6) {
          assertThat(encoded).as(x + " vs " + y).isCloseTo(clear, within(0.08));
        }
      }
    }
  }

  @Test
  void hardeningFlipsAboutTheConfiguredShareOfBitsAndKeepsSimilarity() {
    BloomEncoder hardened = new BloomEncoder(TestKeys.network(), new EncodingParameters(15, 0.02));
    SplittableRandom random = new SplittableRandom(11);
    List<String> name = List.of("michaela", "neumann");
    long[] clean = unhardened.encodeBits(name, random);
    int flipped = 0;
    int runs = 400;
    double dice = 0;
    for (int run = 0; run < runs; run++) {
      long[] noisy = hardened.encodeBits(name, random);
      for (int w = 0; w < 16; w++) {
        flipped += Long.bitCount(noisy[w] ^ clean[w]);
      }
      dice += Dice.similarity(noisy, hardened.encodeBits(name, random));
    }
    assertThat(flipped / (double) runs).isCloseTo(0.02 * 1024, within(1.5));
    assertThat(dice / runs).isBetween(0.80, 0.95);
  }

  @Test
  void fastDiceAgreesWithANaiveBitByBitReference() {
    SplittableRandom random = new SplittableRandom(13);
    for (int run = 0; run < 200; run++) {
      long[] a = new long[16];
      long[] b = new long[16];
      for (int w = 0; w < 16; w++) {
        a[w] = random.nextLong() & random.nextLong();
        b[w] = random.nextLong() & random.nextLong();
      }
      int common = 0;
      int total = 0;
      for (int bit = 0; bit < 1024; bit++) {
        boolean x = ((a[bit / 64] >>> (bit % 64)) & 1) == 1;
        boolean y = ((b[bit / 64] >>> (bit % 64)) & 1) == 1;
        common += x && y ? 1 : 0;
        total += (x ? 1 : 0) + (y ? 1 : 0);
      }
      double naive = 2.0 * common / total;
      assertThat(Dice.similarity(a, b)).isEqualTo(naive);
      assertThat(Dice.similarity1024(a, Dice.cardinality(a), b, Dice.cardinality(b)))
          .isEqualTo(naive);
      int threshold = random.nextInt(1001);
      assertThat(Dice.atLeast1024(a, Dice.cardinality(a), b, Dice.cardinality(b), threshold))
          .as("threshold %d/1000 vs %s", threshold, naive)
          .isEqualTo(2000L * common >= (long) threshold * total);
    }
  }

  /**
   * Provenance: Python 3.11, {@code int.from_bytes(hmac.new(bytes(range(32)), b"blip|v1|" + b"ab" *
   * 32 + b"|R-1", sha256).digest()[:8], "big", signed=True)}.
   */
  @Test
  void flipSeedsAreKeyedHashesOfTheirContext() {
    String context = "ab".repeat(32) + "|R-1";
    assertThat(unhardened.flipSeed(context)).isEqualTo(7761930242065515611L);
    NodeKey other =
        NodeKey.generate(KeyPurpose.NETWORK_LINKAGE, TestKeys.CREATED, new SecureRandom());
    assertThat(new BloomEncoder(other, EncodingParameters.STANDARD).flipSeed(context))
        .isNotEqualTo(7761930242065515611L);
  }

  @Test
  void flipsAreIndependentPerBitWithTheConfiguredProbability() {
    // Under independent flips with p = 0.01 of 1,024 bits the count is B(1024, 0.01): mean
    // 10.24, variance 10.14; and every position is flipped with probability 0.01.
    BloomEncoder hardened = new BloomEncoder(TestKeys.network(), EncodingParameters.STANDARD);
    SplittableRandom random = new SplittableRandom(31);
    List<String> name = List.of("ana");
    long[] clean = unhardened.encodeBits(name, random);
    int runs = 40_000;
    int[] perPosition = new int[1024];
    double sum = 0;
    double sumSquares = 0;
    for (int run = 0; run < runs; run++) {
      long[] noisy = hardened.encodeBits(name, random);
      int count = 0;
      for (int position = 0; position < 1024; position++) {
        if ((((noisy[position >>> 6] ^ clean[position >>> 6]) >>> position) & 1) == 1) {
          perPosition[position]++;
          count++;
        }
      }
      sum += count;
      sumSquares += (double) count * count;
    }
    double mean = sum / runs;
    double variance = sumSquares / runs - mean * mean;
    // Standard errors: mean 0.016, variance about 0.08.
    assertThat(mean).isCloseTo(10.24, within(0.07));
    assertThat(variance).isCloseTo(10.14, within(0.4));
    // Each position: 400 expected flips, standard deviation 20; all 1,024 within 5 of them.
    assertThat(java.util.Arrays.stream(perPosition).min().getAsInt()).isGreaterThan(300);
    assertThat(java.util.Arrays.stream(perPosition).max().getAsInt()).isLessThan(500);
  }

  @Test
  void flatBlockFindsExactlyThePairsThatReachTheThreshold() {
    SplittableRandom random = new SplittableRandom(17);
    int count = 300;
    long[][] candidates = new long[count][16];
    long[] block = new long[16 * count];
    int[] cardinalities = new int[count];
    long[] query = new long[16];
    for (int w = 0; w < 16; w++) {
      query[w] = random.nextLong() & random.nextLong();
    }
    for (int c = 0; c < count; c++) {
      for (int w = 0; w < 16; w++) {
        // Half the candidates are near the query, so both answers occur.
        long noise = random.nextLong() & random.nextLong() & random.nextLong() & random.nextLong();
        candidates[c][w] = c % 2 == 0 ? query[w] ^ noise : random.nextLong() & random.nextLong();
      }
      System.arraycopy(candidates[c], 0, block, 16 * c, 16);
      cardinalities[c] = Dice.cardinality(candidates[c]);
    }
    int queryCardinality = Dice.cardinality(query);
    for (int threshold : new int[] {0, 500, 700, 800, 1000}) {
      List<Integer> expected = new java.util.ArrayList<>();
      for (int c = 0; c < count; c++) {
        if (Dice.atLeast1024(query, queryCardinality, candidates[c], cardinalities[c], threshold)) {
          expected.add(c);
        }
      }
      if (threshold == 800) {
        assertThat(expected).hasSizeBetween(1, count - 1);
      }
      int[] matches = new int[count];
      int found =
          Dice.atLeast1024Block(
              query, queryCardinality, block, cardinalities, count, threshold, matches);
      assertThat(java.util.Arrays.stream(matches, 0, found).boxed().toList())
          .as("threshold %d", threshold)
          .isEqualTo(expected);
    }
    assertThatThrownBy(
            () -> Dice.atLeast1024Block(query, 0, new long[16], cardinalities, 2, 800, new int[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clearBigramDiceByHand() {
    // _a an na a_ vs _a an nn na a_ : 4 common, 4 + 5 -> 8/9.
    assertThat(NameBigrams.dice(NameBigrams.of(List.of("ana")), NameBigrams.of(List.of("anna"))))
        .isEqualTo(8.0 / 9.0);
    assertThat(NameBigrams.dice(Set.of(), Set.of())).isZero();
  }
}
