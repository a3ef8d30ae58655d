package org.puente.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JMH microbenchmarks of the hot paths, one thread, one fork, short iterations (the full
 * configuration is {@code java -jar bench/target/benchmarks.jar NAME}): tokenisation, name
 * encoding, Dice comparison, pair scoring, the 12/16-month classifier, and the export row mapper.
 */
final class Micro {

  /** The benchmarks run, as a JMH regular expression. */
  static final String SELECTION =
      "TokensBenchmark.tokensOnly|TokensBenchmark.nameEncoding|TokensBenchmark.tokensAndOneEncoding"
          + "|DiceBenchmark.compareBlock|PairScoringBenchmark.weight"
          + "|ResidenceClassifierBenchmark.classify|RowMapperBenchmark.mapRow";

  /** Pair comparisons per second on one core that issue 11 asks of linkage. */
  static final double PAIRS_PER_CORE_TARGET = 300_000;

  private Micro() {}

  static List<MicroResult> run(Commands commands, Path json, Path log)
      throws IOException, InterruptedException {
    System.out.println("micro: JMH " + SELECTION);
    TimedProcess.run(
        commands.jmh(
            SELECTION,
            "-f",
            "1",
            "-wi",
            "3",
            "-w",
            "1s",
            "-i",
            "5",
            "-r",
            "1s",
            "-t",
            "1",
            "-rf",
            "json",
            "-rff",
            json.toString()),
        Map.of(),
        log,
        log.resolveSibling("jmh.err"));
    List<MicroResult> results = new ArrayList<>();
    for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
      String name = result.get("benchmark").asText().replace("org.puente.bench.", "");
      JsonNode metric = result.get("primaryMetric");
      double score = metric.get("score").asDouble();
      String target = "";
      Boolean met = null;
      if (name.endsWith("PairScoringBenchmark.weight")) {
        target = ">= 300,000 pair comparisons/s per core";
        met = score >= PAIRS_PER_CORE_TARGET;
      }
      results.add(
          new MicroResult(
              name,
              score,
              metric.get("scoreError").asDouble(),
              metric.get("scoreUnit").asText(),
              target,
              met));
    }
    return results;
  }
}
