package org.puente.derive;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.BufferAllocationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.DuckDb;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.RunWriter;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.RunCounts;
import org.puente.linkage.Clusters;
import org.puente.linkage.LinkageReport;

/**
 * One derivation run over a node's committed records: link them into travellers (per reporting
 * country), derive each traveller's stays, classify each crossing by the 12/16-month rule as of the
 * run's date, and publish the results as the run's lake tables ({@link OutputTables}) with one
 * catalog commit. A failure leaves the previous run current.
 */
public final class Derivation implements DerivationEngine {

  private final Lake lake;
  private final LakeReader reader;

  public Derivation(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
    this.reader = new LakeReader(lake.home(), lake.catalog());
  }

  /**
   * The latest event date among the committed records of every kind: the default observation end,
   * since nothing later is known. Empty when the lake has no records.
   */
  public Optional<java.time.LocalDate> lastEventDate() {
    java.time.LocalDate last = null;
    try (Connection duckdb = DuckDb.streaming();
        Statement statement = duckdb.createStatement()) {
      for (org.puente.schema.EventKind kind : org.puente.schema.EventKind.values()) {
        org.puente.ingest.store.RecordTable.createView(
            reader, duckdb, "records", org.puente.lake.catalog.LakeQuery.of(kind));
        try (ResultSet row = statement.executeQuery("SELECT max(event_date) FROM records")) {
          row.next();
          java.time.LocalDate date = row.getObject(1, java.time.LocalDate.class);
          if (date != null && (last == null || date.isAfter(last))) {
            last = date;
          }
        }
      }
    } catch (SQLException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "DuckDB failed: " + e.getMessage(), e);
    }
    return Optional.ofNullable(last);
  }

  /** Runs and commits; returns what was done. */
  @Override
  public DerivationResult run(DerivationOptions options) {
    requireNonNull(options, "options is null");
    Optional<DerivationRun> previous = lake.catalog().runs().latestCommitted();
    DerivationRun.Mode mode = options.mode(previous);
    DerivationRun run = lake.catalog().runs().start(options.asOf(), mode);
    try (Connection duckdb = DuckDb.streaming();
        RunWriter writer = lake.runWriter(run)) {
      try {
        // Sorting a large country's histories spills here, beside the lake, not in the working
        // directory.
        try (Statement statement = duckdb.createStatement()) {
          statement.execute(
              "SET temp_directory = '"
                  + lake.home().staging().resolve("duckdb").toString().replace("'", "''")
                  + "'");
        }
        return derive(options, previous, mode, run, duckdb, writer);
      } catch (SQLException | RuntimeException e) {
        // Recorded here, with its cause: closing the writer would record only "abandoned".
        writer.fail(e instanceof SQLException ? "DuckDB failed: " + e.getMessage() : e.toString());
        throw e;
      }
    } catch (SQLException e) {
      lake.catalog().runs().fail(run.id(), "DuckDB failed: " + e.getMessage());
      throw new PuenteException(ErrorCode.UNAVAILABLE, "DuckDB failed: " + e.getMessage(), e);
    }
  }

  private DerivationResult derive(
      DerivationOptions options,
      Optional<DerivationRun> previous,
      DerivationRun.Mode mode,
      DerivationRun run,
      Connection duckdb,
      RunWriter writer)
      throws SQLException {
    long started = System.nanoTime();
    RecordLoader loader = new RecordLoader(reader);
    List<String> countries = loader.countries(duckdb, run.lastSubmissionId());
    Map<String, ModelStore.Entry> models = new LinkedHashMap<>();
    Map<String, LinkageReport> reports = new LinkedHashMap<>();
    Map<String, Map<String, Double>> countrySeconds = new LinkedHashMap<>();
    HistoryWriter histories = new HistoryWriter(writer, options, previous.isPresent());
    CountryLinkage.Plan plan =
        CountryLinkage.Plan.of(options, previous, mode, run.lastSubmissionId());
    // The previous run's histories, which an incremental run's linkage asks for travellers and the
    // sorted histories join for the revisions.
    Optional<String> previousHistories = previousHistoriesView(duckdb, previous);
    long linkedRecords = 0;
    long travellers = 0;
    long loadNanos = 0;
    long linkNanos = 0;
    // One country at a time (linkage never crosses countries), and within a country its linkage
    // side, then its history side: the heap holds one of the two for one country at most.
    for (String country : countries) {
      try {
        long t0 = System.nanoTime();
        Linked linked = linkCountry(loader, duckdb, country, plan, previousHistories);
        linked.model().ifPresent(entry -> models.put(country, entry));
        reports.put(country, linked.clusters().report());
        long t1 = System.nanoTime();
        // The linkage records and the previous travellers are released by now: the histories'
        // side is sorted next, by DuckDB, with the previous run's classes joined for the revisions.
        try (RecordLoader.Travellers sorted =
            loader.travellers(
                duckdb,
                country,
                run.lastSubmissionId(),
                linked.clusters().assignments(),
                previousHistories)) {
          long t2 = System.nanoTime();
          long countryLoad = linked.loadNanos() + (t2 - t1);
          long countryLink = (t1 - t0) - linked.loadNanos();
          loadNanos += countryLoad;
          linkNanos += countryLink;
          linkedRecords += sorted.records();
          travellers += histories.write(country, sorted);
          Map<String, Double> spent = new LinkedHashMap<>();
          spent.put("load", Summaries.seconds(countryLoad));
          spent.put("link", Summaries.seconds(countryLink));
          spent.put("total", Summaries.seconds(System.nanoTime() - t0));
          countrySeconds.put(country, spent);
        }
      } catch (OutOfMemoryError | BufferAllocationException e) {
        throw outOfHeap("deriving " + country + "'s travellers", e);
      } catch (PuenteException e) {
        boolean explained = e.getMessage().startsWith(OUT_OF_HEAP); // by linkCountry
        throw heapExhausted(e) && !explained
            ? outOfHeap("deriving " + country + "'s travellers", e)
            : e;
      }
    }
    long derived = System.nanoTime();
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put("load", Summaries.seconds(loadNanos));
    seconds.put("link", Summaries.seconds(linkNanos));
    seconds.put("total", Summaries.seconds(derived - started));
    Map<String, Object> summary =
        Summaries.of(linkedRecords, travellers, countries, seconds, histories.summary(), reports);
    // Where a run's time went, country by country (the largest country's linking grows fastest).
    summary.put(Summaries.SECONDS_BY_COUNTRY, countrySeconds);
    DerivationRun committed =
        writer.commit(
            new RunCounts(
                linkedRecords, travellers, ModelStore.write(models), Summaries.json(summary)));
    return new DerivationResult(committed, summary, histories.revisions());
  }

  /** A country's travellers, its model (none when nothing could be linked) and the read time. */
  private record Linked(Clusters clusters, Optional<ModelStore.Entry> model, long loadNanos) {}

  /**
   * Reads the linkage side of a country's records and links them. An incremental run also reads the
   * travellers the previous run gave them, which its linkage asks of the records it does not
   * compare again; no other step needs them, so they are held here only and released with the
   * linkage.
   */
  private Linked linkCountry(
      RecordLoader loader,
      Connection duckdb,
      String country,
      CountryLinkage.Plan plan,
      Optional<String> previousHistories)
      throws SQLException {
    long start = System.nanoTime();
    PreviousTravellers before =
        plan.resume()
            ? previousTravellers(duckdb, previousHistories, country)
            : PreviousTravellers.NONE;
    try (PackedRecords records =
        loader.loadLinkage(
            duckdb, Optional.of(country), plan.lastSubmission(), lake.home().staging())) {
      long loaded = System.nanoTime() - start;
      try {
        CountryLinkage.Result result =
            CountryLinkage.link(country, records, plan, before::travellerOf);
        return new Linked(result.clusters(), result.model(), loaded);
      } catch (OutOfMemoryError | BufferAllocationException e) {
        throw outOfHeap(String.format("linking %s's %,d records", country, records.size()), e);
      }
    }
  }

  /** How {@link #outOfHeap}'s message begins. */
  static final String OUT_OF_HEAP = "the run ran out of memory ";

  /**
   * Whether {@code error} is the heap running out, met inside DuckDB's JDBC driver: the driver
   * reports a Java {@code OutOfMemoryError} raised in its native calls as an {@link SQLException}
   * carrying the error's message and no cause ("Invalid Error: GC overhead limit exceeded").
   */
  static boolean heapExhausted(Throwable error) {
    for (Throwable at = error; at != null; at = at.getCause()) {
      if (at instanceof OutOfMemoryError || at instanceof BufferAllocationException) {
        return true;
      }
      String message = at.getMessage();
      if (at instanceof SQLException
          && message != null
          && (message.contains("GC overhead limit exceeded")
              || message.contains("Java heap space"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a run that ran out of heap says: what it was doing, the heap it had, and how to give it
   * more (the collector's own message, or hppc's "not enough memory to allocate buffers for
   * rehashing", says neither). The heap a size needs is measured in docs/BENCHMARKS.md.
   */
  static PuenteException outOfHeap(String doing, Throwable cause) {
    long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
    long suggestGiB = Math.max(2, 2 * ((maxMiB + 1023) >> 10));
    return new PuenteException(
        ErrorCode.UNAVAILABLE,
        String.format(
            OUT_OF_HEAP
                + "%s with a heap of at most %,d MiB; run it again with more,"
                + " e.g. PUENTE_JAVA_OPTS='-XX:+UseParallelGC -Xmx%dg' (%s)",
            doing,
            maxMiB,
            suggestGiB,
            cause),
        cause);
  }

  /** A view of the previous run's histories table, if there is a previous run. */
  private Optional<String> previousHistoriesView(
      Connection duckdb, Optional<DerivationRun> previousRun) {
    if (previousRun.isEmpty()) {
      return Optional.empty();
    }
    String view = "previous_histories";
    reader.createRunView(
        duckdb,
        view,
        previousRun.get().id(),
        OutputTables.HISTORIES,
        OutputTables.HISTORIES_LAYOUT);
    return Optional.of(view);
  }

  /** The previous run's traveller of each record of {@code country}. */
  private static PreviousTravellers previousTravellers(
      Connection duckdb, Optional<String> previousHistories, String country) throws SQLException {
    if (previousHistories.isEmpty()) {
      return PreviousTravellers.NONE;
    }
    String view = previousHistories.get();
    int count;
    try (PreparedStatement statement =
        duckdb.prepareStatement("SELECT count(*) FROM " + view + " WHERE reporting_country = ?")) {
      statement.setString(1, country);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        count = Math.toIntExact(row.getLong(1));
      }
    }
    PreviousTravellers.Builder before = new PreviousTravellers.Builder(count);
    try (PreparedStatement statement =
        duckdb.prepareStatement(
            "SELECT submission_id, source_line, traveller_id FROM "
                + view
                + " WHERE reporting_country = ? ORDER BY submission_id, source_line")) {
      statement.setString(1, country);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          before.add(NodeRecord.key(row.getLong(1), row.getLong(2)), row.getLong(3));
        }
      }
    }
    return before.build();
  }
}
