package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkageModelTest {

  static LinkageModel trained() {
    SyntheticTravellers.Data data = SyntheticTravellers.generate(300, new SplittableRandom(3));
    return ModelTraining.train(
            data.records(),
            LinkageSettings.DEFAULTS.withUSamplePairs(200_000),
            new SplittableRandom(4))
        .model();
  }

  @Test
  void jsonReadsBackToTheSameModel() {
    LinkageModel model = trained();

    String json = model.toJson();

    assertThat(LinkageModel.fromJson(json)).isEqualTo(model);
    assertThat(json)
        .contains(
            "\"format\": \"puente-linkage-model/1\"",
            "\"document\": [",
            "\"address\": [",
            "\"locality\": [");
  }

  @Test
  void describeShowsEveryLevelWithItsWeight() {
    LinkageModel model = trained();

    String table = model.describe();

    double exactBits = model.parameters(Comparison.DOCUMENT).level(1).bits();
    assertThat(table)
        .contains("document", "exact", String.format(java.util.Locale.ROOT, "%+9.2f", exactBits))
        .contains("birth_date", "swapped", "citizenship", "missing");
    assertThat(table.lines().filter(line -> line.contains("missing")))
        .hasSize(Comparison.values().length);
  }

  /**
   * A model a node stored before addresses existed (the FEBRL4 model of that version, written by
   * its {@code toJson}, in the test resources) still reads: the address and locality comparisons
   * take their start values, the rest are as stored, and it writes and reads back whole.
   */
  @Test
  void aModelStoredBeforeAddressesReadsWithStartValuesForThem() throws java.io.IOException {
    String json;
    try (java.io.InputStream in = getClass().getResourceAsStream("febrl4-model-v1.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(json).doesNotContain("address", "locality");

    LinkageModel model = LinkageModel.fromJson(json);

    assertThat(model.prior()).isEqualTo(9.952938531631133E-5);
    assertThat(model.parameters(Comparison.DOCUMENT).level(1).m()).isEqualTo(0.9072014711817373);
    assertThat(model.parameters(Comparison.ADDRESS))
        .isEqualTo(ModelTraining.startValues(Comparison.ADDRESS));
    assertThat(model.parameters(Comparison.LOCALITY))
        .isEqualTo(ModelTraining.startValues(Comparison.LOCALITY));
    assertThat(LinkageModel.fromJson(model.toJson())).isEqualTo(model);
    // Stored before the name's "first names" level, too: such pairs were at "surname" then, and
    // weigh what they weighed.
    assertThat(json).doesNotContain("first names");
    LevelParameters firstNames = model.parameters(Comparison.NAME).level(4);
    LevelParameters surname = model.parameters(Comparison.NAME).level(5);
    assertThat(firstNames.name()).isEqualTo("first names");
    assertThat(firstNames.bits()).isEqualTo(surname.bits());
    int surnamePattern = Comparison.NAME.with(0, 5);
    int firstNamesPattern = Comparison.NAME.with(0, 4);
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(java.util.List.of()));
    assertThat(scorer.weight(firstNamesPattern)).isEqualTo(scorer.weight(surnamePattern));
  }

  @Test
  void malformedJsonIsRefusedWithAReason() {
    assertThatThrownBy(() -> LinkageModel.fromJson("{\"format\": \"other\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format");
    String json = trained().toJson().replace("\"citizenship\"", "\"nationality\"");
    assertThatThrownBy(() -> LinkageModel.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("citizenship");
  }
}
