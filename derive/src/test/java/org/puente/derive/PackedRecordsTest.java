package org.puente.derive;

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
import org.puente.linkage.Clusters;
import org.puente.linkage.IntArray;
import org.puente.linkage.LinkageAddress;
import org.puente.linkage.LinkageBlocks;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.Linker;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.TermFrequencies;
import org.puente.residence.Direction;

class PackedRecordsTest {

  @TempDir Path scratch;

  @Test
  void givesBackEveryFieldOfEveryRecord() {
    List<LinkageRecord> records = new ArrayList<>(travellers(200, new SplittableRandom(3)));
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
    List<LinkageRecord> records = new ArrayList<>(travellers(150, new SplittableRandom(5)));
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
    List<LinkageRecord> records = Linker.ordered(travellers(400, new SplittableRandom(11)));
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
        // Blocks built once in the store's scratch for training and linking, as a run does.
        try (LinkageBlocks blocks = LinkageBlocks.of(packed, settings.maxBlockComparisons())) {
          LinkageModel once =
              ModelTraining.train(packed, settings, new SplittableRandom(12), 2, blocks).model();
          assertThat(once.toJson()).isEqualTo(fromHeap.toJson());
          Clusters shared = Linker.link(once, TermFrequencies.of(packed), packed, 2, blocks);
          assertThat(shared.report()).isEqualTo(heap.report());
          assertThat(shared.assignments()).isEqualTo(disk.assignments());
        }
      }
    }
  }

  @Test
  void refusesWhatASlotCannotHold() {
    try (PackedRecords packed = PackedRecords.in(scratch)) {
      LinkageRecord withAddress =
          new LinkageRecord(
              1,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              new long[0],
              null,
              null,
              null,
              null,
              0,
              null,
              null,
              new LinkageAddress(5, null, 6, 7, 8));
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
  void keepsIntArraysInSparseScratchFilesAcrossSegments() throws IOException {
    long segment = 1L << 24;
    try (PackedRecords packed = PackedRecords.in(scratch.resolve("ints"))) {
      IntArray ints = packed.ints(3 * segment + 10);
      long[] at = {0, segment - 1, segment, 2 * segment + 1, 3 * segment + 9};
      for (int k = 0; k < at.length; k++) {
        ints.set(at[k], -1 - k);
      }
      for (int k = 0; k < at.length; k++) {
        assertThat(ints.get(at[k])).isEqualTo(-1 - k);
      }
      assertThat(ints.get(segment + 1)).isZero();
      assertThat(ints.length()).isEqualTo(3 * segment + 10);
      assertThatThrownBy(() -> ints.get(3 * segment + 10))
          .isInstanceOf(IndexOutOfBoundsException.class);
      try (Stream<Path> files = Files.list(scratch.resolve("ints"))) {
        assertThat(files).isEmpty(); // unlinked as soon as made
      }
      IntArray small = packed.ints(0);
      assertThat(small.length()).isZero();
      small.close();
    }
  }

  @Test
  void leavesNoFileAndIsUnusableOnceClosed() throws IOException {
    PackedRecords packed = PackedRecords.in(scratch.resolve("new"));
    packed.add(bare(1, 0));
    try (Stream<Path> files = Files.list(scratch.resolve("new"))) {
      assertThat(files).isEmpty(); // unlinked as soon as made
    }
    assertThatThrownBy(() -> packed.touch(1)).isInstanceOf(IndexOutOfBoundsException.class);
    packed.touch(0);
    packed.close();
    packed.close();
    assertThatThrownBy(() -> packed.get(0)).isInstanceOf(IllegalStateException.class);
    // A touch after closing would read an unmapped file: refused like every read.
    assertThatThrownBy(() -> packed.touch(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> packed.add(bare(2, 0))).isInstanceOf(IllegalStateException.class);
  }

  /**
   * Crossings of {@code persons} made-up people, two to five each over a year, alternating
   * directions at three ports: digests drawn at random per person (the document missing from one
   * crossing in five, the birth date's day and month swapped in one in ten), a name encoding of 16
   * random words with up to 12 bits flipped a crossing, and the blocking keys of the derivation.
   */
  static List<LinkageRecord> travellers(int persons, SplittableRandom random) {
    List<LinkageRecord> records = new ArrayList<>();
    String[] ports = {"P1", "P2", "P3"};
    String[] citizenships = {"GTM", "HND", "SLV", "MEX"};
    long id = 1;
    for (int p = 0; p < persons; p++) {
      long document = random.nextLong() | 1;
      long birthDate = random.nextLong() | 1;
      long swapped = random.nextLong() | 1;
      long birthYear = random.nextInt(60) + 1;
      long given = random.nextInt(40) + 1; // few names: blocks of several people
      long surname = random.nextInt(60) + 1;
      long nameSet = random.nextLong() | 1;
      long[] bloom = new long[LinkageRecord.NAME_BLOOM_WORDS];
      for (int w = 0; w < bloom.length; w++) {
        bloom[w] = random.nextLong() & random.nextLong();
      }
      long[] documentBloom = {random.nextLong(), random.nextLong(), 0, 0};
      String sex = random.nextBoolean() ? "F" : "M";
      String citizenship = citizenships[random.nextInt(citizenships.length)];
      long second = 1_700_000_000L + random.nextInt(365 * 86_400);
      int crossings = 2 + random.nextInt(4);
      for (int c = 0; c < crossings; c++) {
        long[] noisy = bloom.clone();
        for (int flip = random.nextInt(13); flip > 0; flip--) {
          noisy[random.nextInt(noisy.length)] ^= 1L << random.nextInt(64);
        }
        boolean swap = random.nextInt(10) == 0;
        long date = swap ? swapped : birthDate;
        long doc = random.nextInt(5) == 0 ? 0 : document;
        long[] keys =
            Arrays.stream(
                    new long[] {
                      doc,
                      mix(date, given),
                      mix(date, surname),
                      mix(date, nameSet),
                      mix(swap ? birthDate : swapped, given),
                      mix(swap ? birthDate : swapped, surname)
                    })
                .filter(k -> k != 0)
                .toArray();
        records.add(
            new LinkageRecord(
                id++,
                doc,
                date,
                swap ? birthDate : swapped,
                birthYear,
                given,
                surname,
                given * 31,
                surname * 37,
                nameSet,
                keys,
                noisy,
                doc == 0 ? null : documentBloom,
                sex,
                citizenship,
                second,
                c % 2 == 0 ? Direction.ARRIVAL : Direction.DEPARTURE,
                ports[random.nextInt(ports.length)]));
        second += 3_600 + random.nextInt(60 * 86_400);
      }
    }
    return records;
  }

  private static long mix(long a, long b) {
    return a == 0 || b == 0 ? 0 : a * 0x9E3779B97F4A7C15L + b;
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
