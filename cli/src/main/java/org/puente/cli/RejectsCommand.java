package org.puente.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.Submission;
import org.puente.lake.catalog.SubmissionStatus;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectSummary;
import org.puente.node.rejects.RejectedRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente rejects}: rejected rows with their lines and reasons; fields only on --reveal. */
@Command(
    name = "rejects",
    mixinStandardHelpOptions = true,
    description = {
      "List rejected rows with their line and reasons. Their fields (which hold clear identifiers)",
      "stay encrypted unless --reveal is given, which decrypts them for the data steward;",
      "every revealed row is written to the node's audit log ('puente audit')."
    })
final class RejectsCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--submission", paramLabel = "ID", description = "Only this submission.")
  Long submission;

  @Option(
      names = "--reveal",
      description =
          "Decrypt and show the fields of each listed row (audited in the node's catalog).")
  boolean reveal;

  @Mixin CatalogOption catalogOption;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public void run() {
    KeyStore keys = KeyStore.open(common.nodeHome());
    RejectStore store = new RejectStore(keys, new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Catalog catalog = catalogOption.openCatalog(common)) {
      // Rejects of an interrupted (FAILED) load stay on disk, but only the rows of committed
      // submissions count: the re-run rejected them again under its own submission.
      Set<String> committed = new HashSet<>();
      for (Submission known : catalog.submissions().list()) {
        if (known.status() == SubmissionStatus.COMMITTED) {
          committed.add(Ingestor.rejectsName(known.id()));
        }
      }
      List<String> names;
      if (submission == null) {
        names = store.submissions().stream().filter(committed::contains).toList();
      } else {
        names = List.of(Ingestor.rejectsName(submission));
        if (!store.submissions().contains(names.get(0)) || !committed.contains(names.get(0))) {
          throw new PuenteException(
              ErrorCode.NOT_FOUND, "submission " + submission + " has no rejected rows");
        }
      }
      collect(store, names, rows, catalog);
    }
    print(out, rows);
  }

  /**
   * Lists the rows; with --reveal each is decrypted and then audited before anything is shown, so
   * that an access the log cannot record does not happen.
   */
  private void collect(
      RejectStore store, List<String> names, List<Map<String, Object>> rows, Catalog catalog) {
    for (String name : names) {
      for (RejectSummary summary : store.list(name)) {
        if (rows.size() >= limit) {
          break;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("submission", name);
        row.put("line", summary.line());
        row.put("reasons", summary.reasons());
        if (reveal) {
          String target = name + " line " + summary.line();
          RejectedRow revealed;
          try {
            revealed = store.reveal(name, summary.line());
          } catch (RuntimeException e) {
            audit(catalog, target, "failed: " + e.getClass().getSimpleName());
            throw e;
          }
          audit(catalog, target, "ok");
          row.put("fields", revealed.fields());
        }
        rows.add(row);
      }
    }
  }

  private static void audit(Catalog catalog, String target, String outcome) {
    catalog.audit().append(Actors.cliUser(), Actors.CLI_ORIGIN, "REJECT_REVEALED", target, outcome);
  }

  private void print(PrintWriter out, List<Map<String, Object>> rows) {
    if (common.json) {
      Json.print(out, rows);
      return;
    }
    for (Map<String, Object> row : rows) {
      out.printf(
          "%s line %s: %s%n",
          row.get("submission"), row.get("line"), String.join("; ", castList(row.get("reasons"))));
      if (reveal) {
        out.println("    " + row.get("fields"));
      }
    }
    out.println(
        "("
            + rows.size()
            + " rows"
            + (reveal ? ", fields revealed" : "; fields encrypted, --reveal to show")
            + ")");
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }
}
