package org.puente.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.cli.Main;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.DerivationRun;
import org.puente.node.NodeHome;

/**
 * {@code puente run --engine spark} through the real command line ({@link Main}) with this module
 * on the class path, as {@code ./puente} and {@code spark-submit} run it: the engine is found
 * through {@code META-INF/services}, runs on the master asked for, commits its run in the catalog,
 * and prints what the DuckDB engine prints for a copy of the same node.
 */
class SparkRunCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theSparkEngineRunsThroughTheCommandLineAndCountsAsDuckDbDoes() throws IOException {
    Path sparkHome = nodeCopy("spark");
    Path duckdbHome = nodeCopy("duckdb");

    Printed spark =
        puente(
            "run", "--engine", "spark", "--master", "local[2]", "--home", sparkHome + "", "--json");
    assertThat(spark.exitCode()).as(spark.err()).isZero();
    JsonNode result = JSON.readTree(spark.out());
    long runId = result.get("run").asLong();
    assertThat(runId).isPositive();
    assertThat(result.get("mode").asText()).isEqualTo("FULL");
    JsonNode summary = result.get("summary");
    assertThat(summary.get("records").asLong()).isPositive();
    assertThat(summary.get("travellers").asLong()).isPositive();
    assertThat(summary.get("travellers").asLong()).isLessThan(summary.get("records").asLong());
    assertThat(SparkSessions.forMaster(Optional.of("local[2]")).sparkContext().master())
        .as("the run's session is the one --master asked for")
        .isEqualTo("local[2]");

    try (Catalog catalog =
        Catalog.open(
            CatalogConfig.embedded(new NodeHome(sparkHome).catalog()), Clock.systemUTC())) {
      DerivationRun committed = catalog.runs().latestCommitted().orElseThrow();
      assertThat(committed.id()).isEqualTo(runId);
      assertThat(committed.status()).isEqualTo(DerivationRun.Status.COMMITTED);
      assertThat(committed.asOf().toString()).isEqualTo(result.get("asOf").asText());
      assertThat(committed.recordsLinked().orElseThrow())
          .isEqualTo(summary.get("records").asLong());
      assertThat(committed.travellers().orElseThrow())
          .isEqualTo(summary.get("travellers").asLong());
    }

    Printed duckdb = puente("run", "--home", duckdbHome + "", "--json");
    assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
    JsonNode expected = JSON.readTree(duckdb.out());
    assertThat(result.get("asOf")).isEqualTo(expected.get("asOf"));
    assertThat(result.get("mode")).isEqualTo(expected.get("mode"));
    for (String count : new String[] {"records", "travellers"}) {
      assertThat(summary.get(count).asLong())
          .as(count + " on Spark and on DuckDB")
          .isEqualTo(expected.get("summary").get(count).asLong());
    }

    Printed text =
        puente("run", "--engine", "spark", "--master", "local[2]", "--home", sparkHome + "");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith("run " + (runId + 1) + " (")
        .contains("records linked into")
        .contains("crossings by 12/16-month class:");
  }

  @Test
  void misusedEnginesAreRefusedBeforeTheNodeIsOpened() {
    Path home = dir.resolve("absent");
    Printed master = puente("run", "--home", home + "", "--master", "local[2]");
    assertThat(master.exitCode()).isEqualTo(2);
    assertThat(master.err()).contains("--master is for a Spark run (--engine spark)");
    Printed unknown = puente("run", "--home", home + "", "--engine", "sparkk");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown engine 'sparkk'; engines: duckdb, spark");
    assertThat(home).doesNotExist();

    Printed noNode =
        puente("run", "--home", home + "", "--engine", "spark", "--master", "local[2]");
    assertThat(noNode.exitCode()).isEqualTo(1);
    assertThat(noNode.err()).contains("no key store at").doesNotContain("not on this class path");
  }

  @Test
  void oneProcessHasOneSessionForOneMaster() {
    SparkSessions.local(2);
    assertThatThrownBy(() -> SparkSessions.forMaster(Optional.of("local[3]")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs on local[2]; one on local[3] cannot be made beside it");
    assertThatThrownBy(() -> SparkSessions.forMaster(Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one on the launcher's master cannot be made beside it");
    assertThat(SparkSessions.forMaster(Optional.of(" local[2] "))).isSameAs(SparkSessions.local(2));
  }

  private Path nodeCopy(String name) throws IOException {
    Path copy = Files.createDirectories(dir.resolve(name));
    try (SimulatedNode node = SimulatedNode.copy(copy)) {
      return node.home.root();
    }
  }

  private static Printed puente(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Printed(code, out.toString(), err.toString());
  }

  private record Printed(int exitCode, String out, String err) {}
}
