package org.puente.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationEngine;
import org.puente.derive.DerivationEngineProvider;
import org.puente.derive.DerivationOptions;
import org.puente.derive.DerivationResult;
import org.puente.derive.MonthRevision;
import org.puente.derive.Summaries;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.DerivationRun;
import org.puente.linkage.LinkageSettings;
import org.puente.residence.RollingLimit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente run}: travel histories and 12/16-month classes from the committed records. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Link the committed records into travellers (on tokens and encodings only), derive their",
      "stays and overstays, and classify every crossing by the 12/16-month rule as of a date;",
      "the results become the node's current derivation run. By default a run keeps the last",
      "run's linkage model and links only from the earliest new record on (docs/LINKAGE.md).",
      "--engine spark runs the same derivation on Apache Spark (docs/SPARK.md)."
    })
final class RunCommand implements Runnable {

  /** The embedded engine, always on the class path. */
  static final String DUCKDB = "duckdb";

  /** The engine of module {@code spark}, on the class path only when launched for it. */
  static final String SPARK = "spark";

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The observation end, yyyy-MM-dd (default: the latest event date in the lake).")
  LocalDate asOf;

  @Option(
      names = "--rolling-limit",
      paramLabel = "DAYS/WINDOW",
      description =
          "The days a traveller may be present in any window of days (default: 90/180, the"
              + " Schengen short-stay rule).")
  String rollingLimit;

  @ArgGroup(exclusive = true)
  Linking linking;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      defaultValue = DUCKDB,
      description =
          "The engine: duckdb (embedded, the default) or spark (through ./puente or"
              + " spark-submit, docs/SPARK.md).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Where a Spark run runs: local[N], local[*] or spark://host:port (default: the"
              + " launcher's, else local[*]); not with --engine duckdb.")
  String master;

  @Option(
      names = "--match-threshold",
      paramLabel = "BITS",
      description =
          "The match weight a link needs, in bits (default: "
              + DerivationOptions.TRAVEL_THRESHOLD_BITS
              + "); only with --retrain, since a kept model links at its own threshold.")
  Double matchThreshold;

  @Option(
      names = "--block-window",
      paramLabel = "N",
      description =
          "The most earlier members of a blocking key's block a record is compared with, the most"
              + " recent first (default: "
              + LinkageSettings.DEFAULT_MAX_BLOCK_COMPARISONS
              + "): bounds what a record costs in the large blocks of a very large country;"
              + " only with --retrain, since a kept model links with its own window.")
  Integer blockWindow;

  static final class Linking {
    @Option(names = "--relink", description = "Link every record again with the last run's model.")
    boolean relink;

    @Option(
        names = "--retrain",
        description = "Estimate the linkage model afresh from all records, then link them all.")
    boolean retrain;
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<DerivationEngineProvider> provider = provider();
    try (Node node = catalogOption.openNode(common)) {
      Derivation derivation = new Derivation(node.lake);
      LocalDate observationEnd =
          asOf != null
              ? asOf
              : derivation
                  .lastEventDate()
                  .orElseThrow(
                      () ->
                          new PuenteException(
                              ErrorCode.NOT_FOUND,
                              "the lake has no committed records yet; ingest a file first"));
      DerivationOptions defaults = DerivationOptions.defaults(observationEnd);
      DerivationOptions.Linking mode =
          linking == null
              ? DerivationOptions.Linking.INCREMENTAL
              : linking.relink
                  ? DerivationOptions.Linking.RELINK
                  : DerivationOptions.Linking.RETRAIN;
      DerivationOptions options = defaults.withLinking(mode);
      if (matchThreshold != null) {
        if (mode != DerivationOptions.Linking.RETRAIN) {
          throw new PuenteException(
              ErrorCode.USAGE,
              "--match-threshold needs --retrain: a kept model links at its own threshold");
        }
        if (!Double.isFinite(matchThreshold)) {
          throw new PuenteException(ErrorCode.USAGE, "--match-threshold must be a number of bits");
        }
        options = options.withLinkage(options.linkage().withThreshold(matchThreshold));
      }
      if (blockWindow != null) {
        if (mode != DerivationOptions.Linking.RETRAIN) {
          throw new PuenteException(
              ErrorCode.USAGE,
              "--block-window needs --retrain: a kept model links with its own window");
        }
        if (blockWindow < 1) {
          throw new PuenteException(
              ErrorCode.USAGE, "--block-window must be at least 1, not " + blockWindow);
        }
        options = options.withLinkage(options.linkage().withMaxBlockComparisons(blockWindow));
      }
      if (rollingLimit != null) {
        options = options.withRollingLimit(parseRollingLimit(rollingLimit));
      }
      DerivationEngine chosen =
          provider.isEmpty()
              ? derivation
              : provider.get().open(node.lake, Optional.ofNullable(master));
      DerivationResult result = chosen.run(options);
      print(out, result, options);
    }
  }

  /**
   * The provider of a non-embedded engine, empty for DuckDB; checked before the node is opened, so
   * a misused command line changes nothing.
   */
  private Optional<DerivationEngineProvider> provider() {
    if (engine.equals(DUCKDB)) {
      if (master != null) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "--master is for a Spark run (--engine spark); the duckdb engine runs in this process");
      }
      return Optional.empty();
    }
    if (master != null && master.isBlank()) {
      throw new PuenteException(
          ErrorCode.USAGE, "--master needs a URL: local[N], local[*] or spark://host:port");
    }
    Optional<DerivationEngineProvider> found = DerivationEngineProvider.find(engine);
    if (found.isPresent()) {
      return found;
    }
    if (engine.equals(SPARK)) {
      throw new PuenteException(
          ErrorCode.NOT_FOUND,
          "the spark engine is not on this class path: run it through ./puente run --engine spark"
              + " (which adds module spark's jars), or with spark-submit as docs/SPARK.md shows");
    }
    throw new PuenteException(
        ErrorCode.USAGE, "unknown engine '" + engine + "'; engines: " + DUCKDB + ", " + SPARK);
  }

  private void print(PrintWriter out, DerivationResult result, DerivationOptions options) {
    DerivationRun run = result.run();
    Map<String, Object> summary = result.summary();
    if (common.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("run", run.id());
      json.put("asOf", run.asOf().toString());
      json.put("mode", run.mode().name());
      json.put("summary", summary);
      List<Map<String, Object>> revisions = new java.util.ArrayList<>();
      for (MonthRevision month : result.revisions()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("month", month.month().toString());
        row.put("direction", month.direction());
        row.put("compared", month.compared());
        row.put("revised", month.revised());
        row.put("finalised", month.finalised());
        row.put("reversed", month.reversed());
        row.put("added", month.added());
        row.put("previousMigrants", month.previousMigrants());
        row.put("currentMigrants", month.currentMigrants());
        revisions.add(row);
      }
      json.put("revisions", revisions);
      Json.print(out, json);
      return;
    }
    out.printf(
        "run %d (%s, as of %s): %,d records linked into %,d travellers in %.1f s%n",
        run.id(),
        run.mode().name().toLowerCase(java.util.Locale.ROOT),
        run.asOf(),
        run.recordsLinked().orElse(0),
        run.travellers().orElse(0),
        ((Number) summary.getOrDefault("seconds_total", 0)).doubleValue());
    out.println("  crossings by 12/16-month class:");
    for (String cls :
        List.of(
            "migrant_arrival",
            "non_migrant_arrival",
            "migrant_departure",
            "non_migrant_departure",
            "provisional")) {
      out.printf("  %,12d  %s%n", count(summary, "class_" + cls), cls.replace('_', ' '));
    }
    out.printf(
        "  stays %,d (%,d still open); overstays: %,d after leaving, %,d suspected in country%n",
        count(summary, "stays"),
        count(summary, "stays_open"),
        count(summary, "overstay_out_of_country"),
        count(summary, "overstay_suspected_in_country"));
    out.printf(
        "  unmatched: %,d arrivals followed by an arrival, %,d departures without an arrival%n",
        count(summary, "unmatched_arrival_followed_by_arrival"),
        count(summary, "unmatched_departure_after_departure")
            + count(summary, "unmatched_first_crossing_is_departure"));
    out.printf(
        "  travellers over the %s rolling limit: %,d%n",
        options.rollingLimit().limitDays() + "/" + options.rollingLimit().windowDays(),
        count(summary, "rolling_limit_exceeded"));
    out.printf(
        "  returns of nationals: %,d linked to a departure, %,d not%n",
        count(summary, "returns_linked"),
        count(summary, "returns_no_earlier_departure")
            + count(summary, "returns_arrival_since_last_departure"));
    printLinkage(out, summary);
    List<MonthRevision> changed =
        result.revisions().stream().filter(m -> m.revised() > 0 || m.added() > 0).toList();
    if (!result.revisions().isEmpty() && changed.isEmpty()) {
      out.printf(
          "  revisions since the previous run: none (%,d crossings compared, every class the"
              + " same)%n",
          result.revisions().stream().mapToLong(MonthRevision::compared).sum());
    } else if (!changed.isEmpty()) {
      out.println(
          "  revisions since the previous run (month, direction: compared, revised,"
              + " provisional->final, final reversed, new; expected migrants before -> now):");
      for (MonthRevision month : changed) {
        out.printf(
            "    %s %-9s %,8d %,7d %,7d %,5d %,7d   %.1f -> %.1f%n",
            month.month(),
            month.direction(),
            month.compared(),
            month.revised(),
            month.finalised(),
            month.reversed(),
            month.added(),
            month.previousMigrants(),
            month.currentMigrants());
      }
    }
  }

  /**
   * Each country's linkage report: what linking cost (candidate pairs compared, the largest block)
   * and where it cut corners (records compared with only the most recent part of an oversize block,
   * whose earlier matches may be missed).
   */
  @SuppressWarnings("unchecked")
  static void printLinkage(PrintWriter out, Map<String, Object> summary) {
    if (!(summary.get(Summaries.LINKAGE) instanceof Map<?, ?> countries) || countries.isEmpty()) {
      return;
    }
    Map<?, ?> seconds =
        summary.get(Summaries.SECONDS_BY_COUNTRY) instanceof Map<?, ?> timed ? timed : Map.of();
    out.println(
        "  linkage by country (records decided, candidate pairs compared, per record, largest"
            + " block, records that met a truncated block"
            + (seconds.isEmpty() ? "" : "; seconds to train and link")
            + "):");
    long truncated = 0;
    for (Map.Entry<?, ?> country : countries.entrySet()) {
      Map<String, Object> report = (Map<String, Object>) country.getValue();
      truncated += count(report, "truncated_records");
      long records = count(report, "records");
      long pairs = count(report, "candidate_pairs");
      out.printf(
          "    %s %,12d %,15d %7.1f %,9d %,9d",
          country.getKey(),
          records,
          pairs,
          records == 0 ? 0.0 : (double) pairs / records,
          count(report, "largest_block"),
          count(report, "truncated_records"));
      if (seconds.get(country.getKey()) instanceof Map<?, ?> spent
          && spent.get("link") instanceof Number link) {
        out.printf(" %,9.1f", link.doubleValue());
      }
      out.println();
    }
    if (truncated > 0) {
      out.printf(
          "  %,d records met a block larger than the linker's window (maxBlockComparisons) and"
              + " were compared with its most recent members only: an earlier match beyond them is"
              + " missed unless another key finds it (docs/LINKAGE.md)%n",
          truncated);
    }
  }

  private static RollingLimit parseRollingLimit(String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 2) {
        return new RollingLimit(
            Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (IllegalArgumentException e) {
      throw new PuenteException(
          ErrorCode.USAGE, "--rolling-limit " + text + ": " + e.getMessage(), e);
    }
    throw new PuenteException(
        ErrorCode.USAGE, "--rolling-limit is DAYS/WINDOW, e.g. 90/180, not '" + text + "'");
  }

  private static long count(Map<String, Object> summary, String key) {
    Object value = summary.get(key);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
