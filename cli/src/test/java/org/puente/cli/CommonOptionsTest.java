package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonOptionsTest {

  @Test
  void homeIsTheOptionThenTheEnvironmentThenTheDefault() {
    CommonOptions options = new CommonOptions();
    assertThat(options.home(Map.of())).isEqualTo(Path.of("puente-home"));
    assertThat(options.home(Map.of("PUENTE_HOME", "/srv/node"))).isEqualTo(Path.of("/srv/node"));
    options.home = Path.of("/tmp/other");
    assertThat(options.home(Map.of("PUENTE_HOME", "/srv/node"))).isEqualTo(Path.of("/tmp/other"));
  }
}
