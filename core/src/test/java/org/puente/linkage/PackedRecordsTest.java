package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.residence.Direction;

class PackedRecordsTest {

  @TempDir Path scratch;

  @Test
  void givesBackEveryFieldOfEveryRecord() {
    List<LinkageRecord> records =
        new ArrayList<>(SyntheticTravellers.generate(200, new SplittableRandom(3)).records());
    records.add(bare(1L << 40, Long.MIN_VALUE));
    records.add(
        new LinkageRecord(
            -7,
            11,
            12,
            13,
            14,
            15,
            16,
            17,
            18,
            19,
            new long[] {1, 2, 3, 4, 5, 6},
            null,
            new long[] {-1, 0, Long.MAX_VALUE, 42},
            null,
            "MEX",
            1_700_000_000L,
            Direction.DEPARTURE,
            null));

    try (PackedRecords packed = PackedRecords.in(scratch)) {
      records.forEach(packed::add);

      assertThat(packed).hasSize(records.size());
      for (int i = 0; i < records.size(); i++) {
        assertSame(packed.get(i), records.get(i));
        assertThat(packed.id(i)).isEqualTo(records.get(i).id());
        assertThat(packed.eventSecond(i)).isEqualTo(records.get(i).eventSecond());
      }
    }
  }

  @Test
  void spansSegmentsOfTheScratchFile() {
    int n = 250_000; // more than one 64 MiB segment of 304-byte slots (220,752)
    try (PackedRecords packed = PackedRecords.in(scratch)) {
      for (int i = 0; i < n; i++) {
        packed.add(bare(i, 1_000L * i));
      }
      assertThat(packed).hasSize(n);
      for (int i : new int[] {0, 220_751, 220_752, n - 1}) {
        assertSame(packed.get(i), bare(i, 1_000L * i));
      }
    }
  }

  @Test
  void ordersAsTheLinkerDoesAndKeepsAnOrderedStore() {
    List<LinkageRecord> records =
        new ArrayList<>(SyntheticTravellers.generate(150, new SplittableRandom(5)).records());
    records.add(bare(-1, records.get(0).eventSecond())); // a tie on time, broken by id
    Collections.shuffle(records, new Random(9));
    List<LinkageRecord> expected = new ArrayList<>(records);
    expected.sort(Linker.ORDER);

    try (PackedRecords packed = PackedRecords.in(scratch)) {
      records.forEach(packed::add);
      assertThat(packed.isOrdered()).isFalse();
      try (PackedRecords ordered = packed.ordered()) {
        assertThat(ordered).isNotSameAs(packed);
        assertThat(ordered.isOrdered()).isTrue();
        for (int i = 0; i < expected.size(); i++) {
          assertSame(ordered.get(i), expected.get(i));
        }
        assertThat(Linker.ordered(ordered)).isSameAs(ordered);
        assertThatThrownBy(() -> ordered.add(bare(99, 0)))
            .isInstanceOf(IllegalStateException.class);
      }
    }
    try (PackedRecords inOrder = PackedRecords.in(scratch)) {
      expected.forEach(inOrder::add);
      assertThat(inOrder.ordered()).isSameAs(inOrder);
    }
  }

  @Test
  void linksAndTrainsExactlyAsFromTheHeap() {
    // In the linker's order, as RecordLoader reads them (u sampling draws records by position).
    List<LinkageRecord> records =
        Linker.ordered(SyntheticTravellers.generate(400, new SplittableRandom(11)).records());
    LinkageSettings settings = LinkageSettings.DEFAULTS.withUSamplePairs(200_000);
    try (PackedRecords loaded = PackedRecords.in(scratch)) {
      records.forEach(loaded::add);
      try (PackedRecords packed = loaded.ordered()) {
        LinkageModel fromHeap =
            ModelTraining.train(records, settings, new SplittableRandom(12)).model();
        LinkageModel fromPacked =
            ModelTraining.train(packed, settings, new SplittableRandom(12)).model();
        assertThat(fromPacked.toJson()).isEqualTo(fromHeap.toJson());

        TermFrequencies frequencies = TermFrequencies.of(records);
        Clusters heap = Linker.link(fromHeap, frequencies, records);
        Clusters disk = Linker.link(fromHeap, TermFrequencies.of(packed), packed);
        assertThat(disk.report()).isEqualTo(heap.report());
        assertThat(heap.report().links()).isGreaterThan(100);
        for (LinkageRecord record : records) {
          assertThat(disk.assignments().get(record.id(), -1))
              .isEqualTo(heap.assignments().get(record.id(), -2));
        }
      }
    }
  }

  @Test
  void refusesWhatASlotCannotHold() {
    try (PackedRecords packed = PackedRecords.in(scratch)) {
      LinkageRecord withAddress =
          SyntheticTravellers.withAddress(
              bare(1, 0), "1 main st", "2000", "sydney", "nsw", new SplittableRandom(1));
      assertThatThrownBy(() -> packed.add(withAddress))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("address");
      LinkageRecord sevenKeys =
          new LinkageRecord(
              2, 0, 0, 0, 0, 0, 0, 0, 0, 0, new long[7], null, null, null, null, 0, null, null);
      assertThatThrownBy(() -> packed.add(sevenKeys))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at most 6 blocking keys");
      assertThat(packed).isEmpty();
    }
  }

  @Test
  void leavesNoFileAndIsUnusableOnceClosed() throws IOException {
    PackedRecords packed = PackedRecords.in(scratch.resolve("new"));
    packed.add(bare(1, 0));
    try (Stream<Path> files = Files.list(scratch.resolve("new"))) {
      assertThat(files).isEmpty(); // unlinked as soon as made
    }
    packed.close();
    packed.close();
    assertThatThrownBy(() -> packed.get(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> packed.add(bare(2, 0))).isInstanceOf(IllegalStateException.class);
  }

  /** A record with only an id, a time and a code. */
  private static LinkageRecord bare(long id, long second) {
    return new LinkageRecord(
        id, 0, 0, 0, 0, 0, 0, 0, 0, 0, new long[0], null, null, "F", null, second, null, "P1");
  }

  private static void assertSame(LinkageRecord actual, LinkageRecord expected) {
    assertThat(actual)
        .usingRecursiveComparison()
        .withEqualsForType(Arrays::equals, long[].class)
        .isEqualTo(expected);
  }
}
