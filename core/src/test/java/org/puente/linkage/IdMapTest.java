package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdMapTest {

  @Test
  void readsLikeTheHashMapItWasBuiltFrom() {
    SplittableRandom random = new SplittableRandom(3);
    Map<Long, Long> expected = new HashMap<>();
    long[] keys = new long[5_000];
    long[] values = new long[5_000];
    for (int i = 0; i < keys.length; i++) {
      long key = random.nextLong();
      keys[i] = key;
      values[i] = random.nextLong(1_000);
      expected.put(key, values[i]);
    }
    IdMap map = IdMap.of(keys, values, keys.length);
    assertThat(map).isEqualTo(expected).hasSize(5_000);
    assertThat(map.get(keys[17], -1)).isEqualTo(values[17]);
    assertThat(map.get(Long.valueOf(keys[4_999]))).isEqualTo(values[4_999]);
    assertThat(map.get(12345L, -1)).isEqualTo(-1);
    assertThat(map.get("12345")).isNull();
    assertThat(map.containsKey(keys[0])).isTrue();
    assertThat(IdMap.copyOf(expected)).isEqualTo(map);
    assertThat(new java.util.ArrayList<>(map.keySet())).isSorted();
  }

  @Test
  void takesArraysOverSortingThemInPlace() {
    SplittableRandom random = new SplittableRandom(4);
    Map<Long, Long> expected = new HashMap<>();
    long[] keys = new long[5_000];
    long[] values = new long[5_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i % 3 == 0 ? i : random.nextLong(); // runs already in order, and random cycles
      values[i] = random.nextLong();
      expected.put(keys[i], values[i]);
    }
    IdMap map = IdMap.ofOwned(keys, values);
    assertThat(map).isEqualTo(expected).isEqualTo(IdMap.copyOf(expected));
    assertThat(keys).isSorted(); // sorted in place: the same arrays
    assertThat(map.keyAt(0)).isEqualTo(keys[0]);
    assertThat(IdMap.ofOwned(new long[0], new long[0])).isEmpty();
    assertThatThrownBy(() -> IdMap.ofOwned(new long[] {7, 2, 7}, new long[] {1, 2, 3}))
        .hasMessageContaining("key 7 occurs twice");
    long[] same = {1, 2};
    assertThatThrownBy(() -> IdMap.ofOwned(same, same)).hasMessageContaining("two arrays");
  }

  @Test
  void usesOnlyTheGivenPrefixAndRefusesRepeatedKeys() {
    assertThat(IdMap.of(new long[] {5, 3, 9}, new long[] {50, 30, 90}, 2))
        .containsExactly(Map.entry(3L, 30L), Map.entry(5L, 50L));
    assertThatThrownBy(() -> IdMap.of(new long[] {4, 4}, new long[] {1, 2}, 2))
        .hasMessageContaining("key 4 occurs twice");
    assertThatThrownBy(() -> IdMap.of(new long[] {4}, new long[] {1}, 2))
        .hasMessageContaining("does not fit");
  }
}
