package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The snippet at the top of docs/LINKAGE.md, run on synthetic travellers. */
class LinkageExampleTest {

  @Test
  void theDocumentedFlowRuns() {
    SyntheticTravellers.Data data = SyntheticTravellers.generate(200, new SplittableRandom(8));
    List<LinkageRecord> allRecords = data.records();
    long fromSecond = Linker.ordered(allRecords).get(allRecords.size() / 2).eventSecond();
    List<LinkageRecord> records =
        allRecords.stream().filter(record -> record.eventSecond() < fromSecond).toList();
    Map<Long, String> truth = data.truth();

    // --- docs/LINKAGE.md ---
    Training training =
        ModelTraining.train(records, LinkageSettings.DEFAULTS, new SplittableRandom(1));
    LinkageModel model = training.model();
    String json = model.toJson(); // store it; LinkageModel.fromJson(json)
    String table = model.describe(); // m, u, bits per comparison and level
    TermFrequencies frequencies = TermFrequencies.of(records);
    Clusters clusters = Linker.link(model, frequencies, records); // record id -> cluster id
    Clusters next =
        Linker.resume(model, frequencies, clusters.assignments(), allRecords, fromSecond);
    PairwiseQuality quality = PairwiseQuality.of(truth, next.assignments());
    // --- end ---

    assertThat(LinkageModel.fromJson(json)).isEqualTo(model);
    assertThat(table).contains("document");
    assertThat(next.assignments()).hasSize(allRecords.size());
    assertThat(quality.f1()).isGreaterThan(0.9);
  }
}
