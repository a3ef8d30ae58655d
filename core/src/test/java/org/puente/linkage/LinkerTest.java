package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.residence.Direction;

class LinkerTest {

  private static final long T = 1_800_000_000L;
  private static final LocalDate BIRTH = LocalDate.of(1985, 4, 23);

  private static SyntheticTravellers.Data data;
  private static LinkageModel model;
  private static TermFrequencies frequencies;

  @BeforeAll
  static void train() {
    data = SyntheticTravellers.generate(400, new SplittableRandom(11));
    model =
        ModelTraining.train(
                data.records(),
                LinkageSettings.DEFAULTS.withUSamplePairs(300_000),
                new SplittableRandom(12))
            .model();
    frequencies = TermFrequencies.of(data.records());
  }

  /** A crossing of one fixed person; same seed, so the same name encoding too. */
  private static LinkageRecord crossing(long id, long second, Direction direction, String port) {
    return SyntheticTravellers.record(
        id,
        "maria",
        "lopez",
        BIRTH,
        "A1234567",
        "F",
        "BLZ",
        second,
        direction,
        port,
        new SplittableRandom(1));
  }

  @Test
  void linksTheSyntheticTravellersWell() {
    Clusters clusters = Linker.link(model, frequencies, data.records());

    PairwiseQuality quality = PairwiseQuality.of(data.truth(), clusters.assignments());

    assertThat(quality.f1()).as(quality.toString()).isGreaterThan(0.97);
    assertThat(clusters.report().records()).isEqualTo(data.records().size());
  }

  @Test
  void aPersonIsNeverAtTwoPortsWithinTheSameMinute() {
    LinkageRecord first = crossing(1, T, Direction.ARRIVAL, "P1");
    LinkageRecord elsewhere = crossing(2, T + 59, Direction.DEPARTURE, "P2");
    LinkageRecord later = crossing(3, T + 60, Direction.DEPARTURE, "P2");
    LinkageRecord samePort = crossing(4, T + 10, Direction.DEPARTURE, "P1");

    Clusters apart = Linker.link(model, frequencies, List.of(first, elsewhere));
    Clusters minuteLater = Linker.link(model, frequencies, List.of(first, later));
    Clusters sameport = Linker.link(model, frequencies, List.of(first, samePort));

    assertThat(apart.assignments()).containsEntry(1L, 1L).containsEntry(2L, 2L);
    assertThat(apart.report().placeRejections()).isEqualTo(1);
    assertThat(minuteLater.assignments()).containsEntry(3L, 1L);
    assertThat(sameport.assignments()).containsEntry(4L, 1L);
  }

  @Test
  void twoArrivalsInARowNeedThePenaltyOnTop() {
    LinkageRecord arrival = crossing(1, T, Direction.ARRIVAL, "P1");
    LinkageRecord departure = crossing(2, T + 86_400, Direction.DEPARTURE, "P1");
    LinkageRecord again = crossing(3, T + 2 * 86_400, Direction.ARRIVAL, "P2");
    double weight = new PairScorer(model, frequencies).weight(arrival, again);
    // The pair clears the threshold by 1 bit; the penalty is 2.
    LinkageModel strict =
        model.withSettings(model.settings().withThreshold(weight - 1).withSameDirectionPenalty(2));
    LinkageModel lenient =
        model.withSettings(
            model.settings().withThreshold(weight - 1).withSameDirectionPenalty(0.5));

    Clusters twoArrivals = Linker.link(strict, frequencies, List.of(arrival, again));
    Clusters withDeparture = Linker.link(strict, frequencies, List.of(arrival, departure, again));
    Clusters smallPenalty = Linker.link(lenient, frequencies, List.of(arrival, again));

    assertThat(twoArrivals.assignments()).containsEntry(3L, 3L);
    assertThat(twoArrivals.report().directionPenalties()).isEqualTo(1);
    assertThat(withDeparture.assignments()).containsEntry(2L, 1L).containsEntry(3L, 1L);
    assertThat(smallPenalty.assignments()).containsEntry(3L, 1L);
  }

  @Test
  void tiesGoToTheSmallerIdAndInputOrderDoesNotMatter() {
    // Two copies of one person at two ports 10 s apart: they cannot be one cluster. A third
    // crossing an hour later scores the same with both and joins the smaller id's cluster.
    LinkageRecord high = crossing(10, T, Direction.ARRIVAL, "P1");
    LinkageRecord low = crossing(5, T + 10, Direction.ARRIVAL, "P2");
    LinkageRecord third = crossing(20, T + 3_600, Direction.DEPARTURE, "P1");

    Clusters clusters = Linker.link(model, frequencies, List.of(high, low, third));

    assertThat(clusters.assignments()).containsEntry(10L, 10L).containsEntry(5L, 5L);
    assertThat(clusters.assignments()).containsEntry(20L, 5L);

    List<LinkageRecord> shuffled = new ArrayList<>(data.records());
    Collections.shuffle(shuffled, new java.util.Random(3));
    assertThat(Linker.link(model, frequencies, shuffled).assignments())
        .isEqualTo(Linker.link(model, frequencies, data.records()).assignments());
  }

  /** A cluster's id is the id of its first record in (eventSecond, id) order. */
  @Test
  void clusterIdsAreTheFirstRecords() {
    Clusters clusters = Linker.link(model, frequencies, data.records());
    Map<Long, LinkageRecord> byId = new HashMap<>();
    data.records().forEach(record -> byId.put(record.id(), record));

    for (Map.Entry<Long, Long> entry : clusters.assignments().entrySet()) {
      LinkageRecord record = byId.get(entry.getKey());
      LinkageRecord first = byId.get(entry.getValue());
      assertThat(clusters.assignments().get(first.id())).isEqualTo(first.id());
      assertThat(
              first.eventSecond() < record.eventSecond()
                  || first.eventSecond() == record.eventSecond() && first.id() <= record.id())
          .isTrue();
    }
  }

  @Test
  void oversizeBlocksAreWindowedAndCounted() {
    List<LinkageRecord> records = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      records.add(
          new LinkageRecord(
              i,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              new long[] {42, 42},
              null,
              null,
              null,
              null,
              Long.MIN_VALUE,
              null,
              null));
    }

    Clusters clusters = Linker.link(model, frequencies, records);

    LinkageReport report = clusters.report();
    // Record i meets min(i, 1000) earlier records: 0 + 1 + ... + 1000 + 499 · 1000.
    assertThat(report.candidatePairs()).isEqualTo(500_500 + 499_000);
    assertThat(report.oversizeBlocks()).isEqualTo(1);
    assertThat(report.truncatedRecords()).isEqualTo(499);
    assertThat(report.largestBlock()).isEqualTo(1_500);
    assertThat(report.links()).isZero();
    // As a run's summary stores it, and as the Spark engine carries it from a task.
    assertThat(report.counts())
        .hasSize(10)
        .containsEntry("records", 1_500L)
        .containsEntry("candidate_pairs", 999_500L)
        .containsEntry("largest_block", 1_500L)
        .containsEntry("oversize_blocks", 1L)
        .containsEntry("truncated_records", 499L)
        .containsEntry("clusters", 1_500L);
    assertThat(LinkageReport.fromArray(report.toArray())).isEqualTo(report);
  }

  @Test
  void aPairSharingSeveralKeysIsComparedOnce() {
    List<LinkageRecord> records = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      records.add(
          new LinkageRecord(
              i,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              new long[] {7, 8, 9},
              null,
              null,
              null,
              null,
              Long.MIN_VALUE,
              null,
              null));
    }
    records.add(
        new LinkageRecord(
            2,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            new long[] {9, 0, 10},
            null,
            null,
            null,
            null,
            Long.MIN_VALUE,
            null,
            null));

    LinkageReport report = Linker.link(model, frequencies, records).report();

    // (0, 1) through keys 7, 8 and 9; (0, 2) and (1, 2) through key 9.
    assertThat(report.candidatePairs()).isEqualTo(3);
    assertThat(report.blocks()).isEqualTo(4);
  }

  /**
   * Incremental linkage: link the records before a cut, then resume from the cut with all records;
   * the clusters are exactly those of one run over everything, at several cuts.
   */
  @Test
  void resumingGivesExactlyTheFullRun() {
    Clusters full = Linker.link(model, frequencies, data.records());
    List<LinkageRecord> ordered = Linker.ordered(data.records());
    for (double fraction : new double[] {0.1, 0.5, 0.9}) {
      long cut = ordered.get((int) (fraction * ordered.size())).eventSecond();
      List<LinkageRecord> before =
          data.records().stream().filter(record -> record.eventSecond() < cut).toList();
      Clusters earlier = Linker.link(model, frequencies, before);

      Clusters resumed =
          Linker.resume(model, frequencies, earlier.assignments(), data.records(), cut);

      assertThat(resumed.assignments()).isEqualTo(full.assignments());
      assertThat(resumed.report().records()).isEqualTo(data.records().size() - before.size());
      // The same from a lookup asked only of the records before the cut, once each.
      Set<Long> asked = new HashSet<>();
      Clusters looked =
          Linker.resume(
              model,
              frequencies,
              id -> {
                assertThat(asked.add(id)).as("record %d asked again", id).isTrue();
                Long cluster = earlier.assignments().get(id);
                return cluster == null ? Linker.UNASSIGNED : cluster;
              },
              data.records(),
              cut);
      assertThat(looked.assignments()).isEqualTo(full.assignments());
      assertThat(asked).isEqualTo(earlier.assignments().keySet());
    }
    assertThat(full.report().links()).isGreaterThan(500);
  }

  /**
   * Several threads score the candidates of a chunk, one decides: the clusters and every count of
   * the report are those of one thread, for a full run and for a resumed one, over more records
   * than a chunk (so that decisions in a chunk depend on those of the chunk before).
   */
  /**
   * Blocks built once for training's blocked pairs and for linking give the model, the decisions
   * and the report of blocks built by each; blocks of another window are not used. A window of 2
   * truncates blocks, so the report's truncated records (training's readers meet them too) are
   * checked as well.
   */
  @Test
  void blocksBuiltOnceGiveWhatBlocksBuiltTwiceGive() {
    List<LinkageRecord> records =
        SyntheticTravellers.generate(1_500, new SplittableRandom(5)).records();
    LinkageSettings settings =
        LinkageSettings.DEFAULTS.withUSamplePairs(100_000).withMaxBlockComparisons(2);
    Training apart = ModelTraining.train(records, settings, new SplittableRandom(6), 2);
    TermFrequencies frequencies = TermFrequencies.of(records);
    Clusters separately = Linker.link(apart.model(), frequencies, records, 2);
    assertThat(separately.report().truncatedRecords()).isPositive();
    LinkageBlocks blocks = LinkageBlocks.of(records, 2);
    Training once = ModelTraining.train(records, settings, new SplittableRandom(6), 2, blocks);
    assertThat(once.model().toJson()).isEqualTo(apart.model().toJson());
    Clusters shared = Linker.link(once.model(), frequencies, records, 2, blocks);
    assertThat(shared.assignments()).isEqualTo(separately.assignments());
    assertThat(shared.report()).isEqualTo(separately.report());
    blocks.close();
    assertThatThrownBy(() -> Linker.link(once.model(), frequencies, records, 2, blocks))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    try (LinkageBlocks wider = LinkageBlocks.of(records, 5)) {
      Clusters other = Linker.link(apart.model(), frequencies, records, 2, wider);
      assertThat(other.assignments()).isEqualTo(separately.assignments());
      assertThat(other.report()).isEqualTo(separately.report());
    }
  }

  @Test
  void threadsDoNotChangeTheDecisions() {
    SyntheticTravellers.Data many = SyntheticTravellers.generate(6_000, new SplittableRandom(21));
    assertThat(many.records().size()).isGreaterThan(Linker.CHUNK + Slices.SLICE);
    TermFrequencies manyFrequencies = TermFrequencies.of(many.records());
    Clusters one =
        Linker.resume(
            model, manyFrequencies, id -> Linker.UNASSIGNED, many.records(), Long.MIN_VALUE, 1);
    for (int threads : new int[] {2, 3}) {
      Clusters several =
          Linker.resume(
              model,
              manyFrequencies,
              id -> Linker.UNASSIGNED,
              many.records(),
              Long.MIN_VALUE,
              threads);
      assertThat(several.assignments()).as("%d threads", threads).isEqualTo(one.assignments());
      assertThat(several.report()).as("%d threads", threads).isEqualTo(one.report());
    }
    assertThat(one.report().links()).isGreaterThan(10_000);
    assertThat(one.report().truncatedRecords()).isZero();

    List<LinkageRecord> ordered = Linker.ordered(many.records());
    long cut = ordered.get(ordered.size() / 2).eventSecond();
    Clusters resumed =
        Linker.resume(
            model, manyFrequencies, id -> one.assignments().get(id), many.records(), cut, 2);
    assertThat(resumed.assignments()).isEqualTo(one.assignments());
  }

  @Test
  void resumingRequiresTheEarlierAssignments() {
    List<LinkageRecord> records = List.of(crossing(1, T, Direction.ARRIVAL, "P1"));

    assertThatThrownBy(() -> Linker.resume(model, frequencies, Map.of(), records, T + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no existing assignment");
  }

  /** An earlier cluster is named by its first record: a later member's id names none. */
  @Test
  void resumingRefusesAClusterNamedByALaterMember() {
    List<LinkageRecord> records =
        List.of(
            crossing(1, T, Direction.ARRIVAL, "P1"),
            crossing(2, T + 86_400, Direction.DEPARTURE, "P1"),
            crossing(3, T + 2 * 86_400, Direction.ARRIVAL, "P1"));
    Map<Long, Long> named = Map.of(1L, 1L, 2L, 1L, 3L, 2L);

    assertThatThrownBy(() -> Linker.resume(model, frequencies, named, records, T + 3 * 86_400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record 3 is assigned to cluster 2")
        .hasMessageContaining("not the first record of a cluster before it");
  }
}
