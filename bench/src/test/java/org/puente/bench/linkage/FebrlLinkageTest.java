package org.puente.bench.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.puente.linkage.LinkageSettings;

/**
 * Unsupervised linkage quality on FEBRL from tokens and hardened encodings only, with floors just
 * under the figures of docs/LINKAGE.md, so a change that loses quality fails here. The data is the
 * project's shared copy beside the repository ({@code ../shared/data/febrl} from the root; tests
 * run in the module directory).
 */
class FebrlLinkageTest {

  private static Path data() {
    Path dir = Path.of("../../shared/data/febrl").toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("dataset4a.csv"))) {
      throw new IllegalStateException(
          "FEBRL data not found at " + dir + ": the shared data must sit beside the repository");
    }
    return dir;
  }

  @Test
  void febrl4() throws IOException {
    FebrlLinkage.Outcome outcome =
        FebrlLinkage.run(FebrlLinkage.load(data(), "4", 2026), LinkageSettings.DEFAULTS);

    assertThat(outcome.quality().f1()).as(outcome.quality().toString()).isGreaterThan(0.994);
    assertThat(outcome.quality().precision()).isGreaterThan(0.998);
  }

  @Test
  void febrl3() throws IOException {
    FebrlLinkage.Outcome outcome =
        FebrlLinkage.run(FebrlLinkage.load(data(), "3", 2026), LinkageSettings.DEFAULTS);

    assertThat(outcome.quality().f1()).as(outcome.quality().toString()).isGreaterThan(0.988);
  }
}
