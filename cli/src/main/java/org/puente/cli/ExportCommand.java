package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.derive.RunTables;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.DuckDb;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.schema.EventKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente export}: what leaves the node. For now, the pseudonymised records. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export from the node's lake. Tables and SDMX come with the statistics issues.",
    subcommands = {ExportCommand.Records.class, ExportCommand.Crossings.class})
final class ExportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new PuenteException(ErrorCode.USAGE, "say what to export, e.g. 'export records'");
  }

  /** {@code puente export records}: pseudonymised records with their source reference. */
  @Command(
      name = "records",
      mixinStandardHelpOptions = true,
      description = {
        "Write the committed records of one event kind, pseudonymised (tokens and encodings, never",
        "clear identifiers), with their source record reference, as CSV or Parquet."
      })
  static final class Records implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "${COMPLETION-CANDIDATES}")
    EventKind kind;

    @Option(names = "--country", paramLabel = "ISO3", description = "Only this reporting country.")
    String country;

    @Mixin FileOutput output;

    @Mixin CatalogOption catalogOption;

    @Override
    public void run() {
      String options = output.copyOptions();
      Path out = output.out;
      LakeQuery query = LakeQuery.of(kind);
      if (country != null) {
        query = query.country(country.toUpperCase(Locale.ROOT));
      }
      long rows;
      List<LakeFile> files;
      try (Node node = catalogOption.openNode(common);
          Connection duckdb = DuckDb.streaming();
          Statement statement = duckdb.createStatement()) {
        files =
            RecordTable.createView(
                new LakeReader(node.home, node.catalog), duckdb, "records", query);
        String target = out.toAbsolutePath().toString().replace("'", "''");
        statement.execute(
            "COPY (SELECT * FROM records ORDER BY event_date, record_id) TO '"
                + target
                + "' "
                + options);
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM records")) {
          count.next();
          rows = count.getLong(1);
        }
      } catch (SQLException e) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE, "cannot export records: " + e.getMessage(), e);
      }
      PrintWriter printer = spec.commandLine().getOut();
      if (common.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind.name());
        result.put("country", Optional.ofNullable(country));
        result.put("rows", rows);
        result.put("files", files.size());
        result.put("out", out.toString());
        Json.print(printer, result);
      } else {
        printer.printf("%,d %s records from %d lake files to %s%n", rows, kind, files.size(), out);
      }
    }
  }

  /** {@code puente export crossings}: each crossing's traveller and 12/16-month class. */
  @Command(
      name = "crossings",
      mixinStandardHelpOptions = true,
      description = {
        "Write the border crossings of the current derivation run ('puente run'): per source file",
        "and record reference, the traveller id and the crossing's 12/16-month class (with the",
        "predicted class and its probability while provisional)."
      })
  static final class Crossings implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin FileOutput output;

    @Mixin CatalogOption catalogOption;

    @Override
    public void run() {
      boolean parquet = output.parquet();
      Path out = output.out;
      long rows;
      DerivationRun run;
      try (Node node = catalogOption.openNode(common)) {
        run = LinkageCommand.currentRun(node);
        rows =
            RunTables.exportCrossings(
                new LakeReader(node.home, node.catalog), node.catalog, run, out, parquet);
      }
      PrintWriter printer = spec.commandLine().getOut();
      if (common.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", run.id());
        result.put("rows", rows);
        result.put("out", out.toString());
        Json.print(printer, result);
      } else {
        printer.printf(
            "%,d crossings of run %d (as of %s) to %s%n", rows, run.id(), run.asOf(), out);
      }
    }
  }
}
