package org.puente.spark;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.puente.derive.CountryLinkage;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationEngine;
import org.puente.derive.DerivationOptions;
import org.puente.derive.DerivationResult;
import org.puente.derive.HistoryCounts;
import org.puente.derive.ModelStore;
import org.puente.derive.RevisionCounts;
import org.puente.derive.Summaries;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.Lake;
import org.puente.lake.RunWriter;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.RunCounts;

/**
 * The derivation engine on Apache Spark: commits the run {@link Derivation} (the DuckDB engine)
 * commits for the same lake and options — the same travellers, histories, stays, models, summary
 * counts and revisions. Linkage runs per reporting country in one task ({@link SparkLinkage}), the
 * per-traveller step per traveller ({@link SparkClassification}); the rows stream back to the
 * driver, which writes them through the lake's {@link RunWriter} and commits the run with one
 * catalog transaction. A failure records the run FAILED with its reason, so the previous run stays
 * current.
 */
public final class SparkDerivation implements DerivationEngine {

  private final Lake lake;
  private final SparkSession spark;
  private final SparkLake sparkLake;

  public SparkDerivation(Lake lake, SparkSession spark) {
    this.lake = requireNonNull(lake, "lake is null");
    this.spark = requireNonNull(spark, "spark is null");
    this.sparkLake = new SparkLake(spark, lake.home(), lake.catalog());
  }

  @Override
  public DerivationResult run(DerivationOptions options) {
    requireNonNull(options, "options is null");
    Optional<DerivationRun> previous = lake.catalog().runs().latestCommitted();
    DerivationRun.Mode mode = options.mode(previous);
    DerivationRun run = lake.catalog().runs().start(options.asOf(), mode);
    try (RunWriter writer = lake.runWriter(run)) {
      try {
        return derive(options, previous, mode, run, writer);
      } catch (Exception e) {
        // Spark rethrows its executors' failures as checked exceptions it does not declare.
        // Recorded here, with its cause: closing the writer would record only "abandoned".
        writer.fail("Spark failed: " + e);
        throw e instanceof RuntimeException runtime
            ? runtime
            : new PuenteException(ErrorCode.UNAVAILABLE, "Spark failed: " + e.getMessage(), e);
      }
    }
  }

  private DerivationResult derive(
      DerivationOptions options,
      Optional<DerivationRun> previous,
      DerivationRun.Mode mode,
      DerivationRun run,
      RunWriter writer) {
    long started = System.nanoTime();
    CountryLinkage.Plan plan =
        CountryLinkage.Plan.of(options, previous, mode, run.lastSubmissionId());
    try (SparkLinkage.Linked linked = SparkLinkage.link(sparkLake, plan, previous)) {
      long linkedAt = System.nanoTime();
      // The classification reads the linked records once per pass and output: kept for the run.
      Dataset<Row> records =
          SparkClassification.linkedRecords(sparkLake, linked.assignments(), run.lastSubmissionId())
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return classifyAndCommit(
            options, previous, run, writer, linked, records, started, linkedAt);
      } finally {
        records.unpersist();
      }
    }
  }

  private DerivationResult classifyAndCommit(
      DerivationOptions options,
      Optional<DerivationRun> previous,
      DerivationRun run,
      RunWriter writer,
      SparkLinkage.Linked linked,
      Dataset<Row> records,
      long started,
      long linkedAt) {
    SparkClassification.Results results =
        new SparkClassification(
                options.asOf(), options.rules(), options.unRules(), options.rollingLimit())
            .classify(records);
    HistoryCounts counts = new HistoryCounts();
    for (String country : linked.countries()) {
      counts.trainingCases(results.trainingCases().getOrDefault(country, 0L));
    }
    RevisionCounts revisions = new RevisionCounts();
    RunOutput output = new RunOutput(writer, counts);
    long linkedRecords = output.histories(results.histories(), sparkLake, previous, revisions);
    long travellers = output.travellers(results.travellers());
    output.stays(results.stays());
    long derived = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put("link", Summaries.seconds(linkedAt - started));
    seconds.put("classify_and_write", Summaries.seconds(derived - linkedAt));
    seconds.put("total", Summaries.seconds(derived - started));
    Map<String, Object> summary =
        Summaries.of(
            linkedRecords,
            travellers,
            linked.countries(),
            seconds,
            counts.summary(),
            linked.reports());
    summary.put("engine", "spark");
    summary.put("spark_master", spark.sparkContext().master());
    DerivationRun committed =
        writer.commit(
            new RunCounts(
                linkedRecords,
                travellers,
                ModelStore.write(linked.models()),
                Summaries.json(summary)));
    return new DerivationResult(
        committed, summary, previous.isPresent() ? revisions.revisions() : List.of());
  }
}
