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
    assertThat(json).contains("\"format\": \"puente-linkage-model/1\"", "\"document\": [");
  }

  @Test
  void describeShowsEveryLevelWithItsWeight() {
    LinkageModel model = trained();

    String table = model.describe();

    double exactBits = model.parameters(Comparison.DOCUMENT).level(1).bits();
    assertThat(table)
        .contains("document", "exact", String.format(java.util.Locale.ROOT, "%+9.2f", exactBits))
        .contains("birth_date", "swapped", "citizenship", "missing");
    assertThat(table.lines().filter(line -> line.contains("missing"))).hasSize(5);
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
