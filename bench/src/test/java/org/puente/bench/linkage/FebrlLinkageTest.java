package org.puente.bench.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.linkage.LinkageSettings;

/**
 * Unsupervised linkage quality on FEBRL from tokens and hardened encodings only, with floors just
 * under the figures of docs/LINKAGE.md, so a change that loses quality fails here. The data is the
 * project's shared copy beside the repository ({@code ../shared/data/febrl} from the root; tests
 * run in the module directory).
 */
class FebrlLinkageTest {

  /**
   * The shared FEBRL files: beside the repository ({@code ../shared}, as in the project's own
   * layout), else where {@code PUENTE_SHARED_DATA} says, else this machine's {@code /work/shared}
   * (CI clones the repository elsewhere on the same machine).
   */
  private static Path data() {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("../../shared/data/febrl"));
    String configured = System.getenv("PUENTE_SHARED_DATA");
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured, "febrl"));
    }
    candidates.add(Path.of("/work/shared/data/febrl"));
    for (Path candidate : candidates) {
      Path dir = candidate.toAbsolutePath().normalize();
      if (Files.isRegularFile(dir.resolve("dataset4a.csv"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "FEBRL data not found in any of "
            + candidates
            + ": the shared data must sit beside the repository, or set PUENTE_SHARED_DATA");
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
