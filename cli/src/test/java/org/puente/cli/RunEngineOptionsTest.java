package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puente run --engine} and {@code --master} on the command line's own class path, which has
 * no Spark: the choices are checked before the node is opened (module spark runs the engine).
 */
class RunEngineOptionsTest {

  @TempDir Path dir;

  @Test
  void aMasterIsRefusedForTheEmbeddedEngine() {
    Path home = dir.resolve("node");
    CliRun implicit = run("run", "--home", home.toString(), "--master", "local[2]");
    assertThat(implicit.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(implicit.err()).contains("--master is for a Spark run (--engine spark)");
    CliRun explicit =
        run("run", "--home", home.toString(), "--engine", "duckdb", "--master", "local[*]");
    assertThat(explicit.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(explicit.err()).contains("--master is for a Spark run");
    CliRun blank = run("run", "--home", home.toString(), "--engine", "spark", "--master", " ");
    assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(blank.err()).contains("--master needs a URL");
    assertThat(home).as("nothing is opened or created").doesNotExist();
  }

  @Test
  void sparkWithoutItsModuleSaysHowToRunIt() {
    Path home = dir.resolve("node");
    CliRun spark = run("run", "--home", home.toString(), "--engine", "spark", "--json");
    assertThat(spark.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(spark.err())
        .contains("the spark engine is not on this class path")
        .contains("./puente run --engine spark")
        .contains("spark-submit")
        .contains("docs/SPARK.md");
    assertThat(spark.out()).isEmpty();
    assertThat(home).doesNotExist();
  }

  @Test
  void anUnknownEngineIsAUsageErrorNamingTheEngines() {
    Path home = dir.resolve("node");
    CliRun flink = run("run", "--home", home.toString(), "--engine", "flink");
    assertThat(flink.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(flink.err()).contains("unknown engine 'flink'").contains("duckdb, spark");
    assertThat(home).doesNotExist();
  }

  @Test
  void theEmbeddedEngineIsTheDefaultAndRunsAsBefore() throws Exception {
    Path home = dir.resolve("node");
    assertThat(run("init", "--home", home.toString()).exitCode()).isZero();
    CliRun duckdb = run("run", "--home", home.toString(), "--engine", "duckdb");
    // An empty lake: the DuckDB engine's own answer, reached through --engine duckdb.
    assertThat(duckdb.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(duckdb.err()).contains("the lake has no committed records yet");
    assertThat(Files.isDirectory(home.resolve("lake"))).isTrue();
  }
}
