package org.puente.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-process measurement on real child processes. */
class TimedProcessTest {

  @Test
  void measuresWallTimeAndWritesTheOutput(@TempDir Path dir) throws Exception {
    TimedProcess.Measurement measured =
        TimedProcess.run(
            List.of("sh", "-c", "sleep 0.5; echo \"$GREETING\""),
            Map.of("GREETING", "hola"),
            dir.resolve("out"),
            dir.resolve("err"));
    assertThat(measured.wallSeconds()).isBetween(0.5, 10.0);
    assertThat(Files.readString(dir.resolve("out"))).isEqualTo("hola\n");
  }

  @Test
  void peakMemoryIsTheChildsHighWaterMark(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            Allocate.class.getName(),
            "300");
    TimedProcess.Measurement measured =
        TimedProcess.run(command, Map.of(), dir.resolve("out"), dir.resolve("err"));
    // 300 MiB touched; the JVM adds its own, and no JVM needs 3 GiB for this.
    assertThat(measured.peakRssKib() / 1024.0).isBetween(300.0, 3_000.0);
    assertThat(measured.cpuSeconds()).isGreaterThan(0);
  }

  @Test
  void aFailedCommandSaysWhatFailedAndWhy(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                TimedProcess.run(
                    List.of("sh", "-c", "echo 'no such node home' >&2; exit 3"),
                    Map.of(),
                    dir.resolve("out"),
                    dir.resolve("err")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("no such node home");
  }

  @Test
  void twoStepsAddTheirTimesAndKeepTheLargerPeak() {
    TimedProcess.Measurement sum =
        new TimedProcess.Measurement(2.0, 3.0, 100)
            .plus(new TimedProcess.Measurement(1.5, 1.0, 400));
    assertThat(sum).isEqualTo(new TimedProcess.Measurement(3.5, 4.0, 400));
  }
}
