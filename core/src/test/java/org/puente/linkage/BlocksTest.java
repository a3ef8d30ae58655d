package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlocksTest {

  /**
   * The definition, record by record: for each of the record's distinct non-zero keys, the {@code
   * window} latest earlier records that carry it; their union.
   */
  private static int[] expected(long[][] keys, int i, int window) {
    TreeSet<Integer> found = new TreeSet<>();
    long[] own = Arrays.stream(keys[i]).filter(k -> k != 0).distinct().toArray();
    for (long key : own) {
      List<Integer> earlier = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        for (long other : keys[j]) {
          if (other == key) {
            earlier.add(j);
            break;
          }
        }
      }
      found.addAll(earlier.subList(Math.max(0, earlier.size() - window), earlier.size()));
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The blocks in heap arrays, building key tables of at most {@code entriesPerGroup} entries. */
  private static Blocks blocks(long[][] keys, int window, int entriesPerGroup) {
    return Blocks.of(keys.length, i -> keys[i], window, IntArray::inHeap, entriesPerGroup);
  }

  @ParameterizedTest(name = "key tables of {0} entries")
  @ValueSource(ints = {1, 7, 64, Blocks.ENTRIES_PER_GROUP})
  void candidatesAreTheLatestEarlierMembersOfEachKeyOnce(int entriesPerGroup) {
    SplittableRandom random = new SplittableRandom(11);
    int n = 600;
    int window = 4;
    // Few distinct keys (some blocks far larger than the window), spread over the 64 bits, so that
    // small key tables split them into several groups; zeros and repeats included.
    long[] pool = new long[40];
    for (int p = 0; p < pool.length; p++) {
      pool[p] = p < 4 ? p + 1 : random.nextLong();
    }
    long[][] keys = new long[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = new long[random.nextInt(0, 5)];
      for (int k = 0; k < keys[i].length; k++) {
        int p = random.nextInt(-1, pool.length);
        keys[i][k] = p < 0 ? 0 : pool[p];
      }
    }
    Blocks blocks = blocks(keys, window, entriesPerGroup);
    int[] out = new int[n];
    long truncated = 0;
    // Two readers, as two threads have: each keeps its own stamps, so taking turns, even on the
    // same record, neither loses nor repeats a candidate, and the truncated records add up.
    Blocks.Reader[] readers = {blocks.reader(), blocks.reader()};
    for (int i = 0; i < n; i++) {
      int count = readers[i % 2].candidates(i, out);
      assertThat(readers[(i + 1) % 2].candidates(i, out)).isEqualTo(count);
      assertThat(count).isLessThanOrEqualTo(blocks.bound(i));
      int[] got = Arrays.copyOf(out, count);
      Arrays.sort(got);
      assertThat(got).as("record %d", i).containsExactly(expected(keys, i, window));
      if (isTruncated(keys, i, window)) {
        truncated++;
      }
    }
    // Each record was read by both readers.
    assertThat(blocks.truncatedRecords()).isEqualTo(2 * truncated).isPositive();
    long distinct =
        Arrays.stream(keys).flatMapToLong(Arrays::stream).filter(k -> k != 0).distinct().count();
    assertThat(blocks.blocks()).isEqualTo(distinct);
  }

  @Test
  void blockSizesAreCountedOnceEach() {
    // Key 7 on six records, key 9 on two, key 5 on one: window 3.
    long[][] keys = {{7}, {7, 9}, {7, 7}, {5, 7}, {0}, {7}, {9, 7}};
    Blocks blocks = blocks(keys, 3, Blocks.ENTRIES_PER_GROUP);
    assertThat(blocks.largestBlock()).isEqualTo(6);
    assertThat(blocks.oversizeBlocks()).isEqualTo(1);
    assertThat(blocks.blocks()).isEqualTo(3);
    int[] out = new int[keys.length];
    int count = blocks.reader().candidates(6, out);
    int[] got = Arrays.copyOf(out, count);
    Arrays.sort(got);
    // Key 7's three latest earlier records (2, 3, 5) and key 9's record 1.
    assertThat(got).containsExactly(1, 2, 3, 5);
    assertThat(blocks.truncatedRecords()).isEqualTo(1);
  }

  private static boolean isTruncated(long[][] keys, int i, int window) {
    for (long key : Arrays.stream(keys[i]).filter(k -> k != 0).distinct().toArray()) {
      int earlier = 0;
      for (int j = 0; j < i; j++) {
        if (Arrays.stream(keys[j]).anyMatch(other -> other == key)) {
          earlier++;
        }
      }
      if (earlier > window) {
        return true;
      }
    }
    return false;
  }
}
