package org.puente.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code puente submissions}: the history of loaded files, with counts and timings. */
@Command(
    name = "submissions",
    mixinStandardHelpOptions = true,
    description = "List the submitted files: source, status, row counts and how long each took.")
final class SubmissionsCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    try (Node node = catalogOption.openNode(common)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Submission submission : node.catalog.submissions().list()) {
        Source source = node.catalog.sources().get(submission.sourceId());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", submission.id());
        row.put("file", submission.fileName());
        row.put("country", source.reportingCountry());
        row.put("kind", source.eventKind().name());
        row.put("spec", source.specName() + " v" + source.specVersion());
        row.put("status", submission.status().name());
        row.put("receivedAt", submission.receivedAt().toString());
        row.put(
            "seconds",
            submission
                .finishedAt()
                .map(end -> Duration.between(submission.receivedAt(), end).toMillis() / 1000.0)
                .orElse(null));
        submission
            .counts()
            .ifPresent(
                counts -> {
                  row.put("read", counts.read());
                  row.put("accepted", counts.accepted());
                  row.put("rejected", counts.rejected());
                  row.put("duplicates", counts.duplicate());
                });
        submission.failure().ifPresent(failure -> row.put("failure", failure));
        rows.add(row);
      }
      if (common.json) {
        Json.print(out, rows);
        return;
      }
      out.printf(
          "%5s  %-9s %-3s %-18s %10s %10s %9s %9s %7s  %s%n",
          "ID", "STATUS", "CTY", "KIND", "READ", "ACCEPTED", "REJECTED", "DUPS", "SECONDS", "FILE");
      for (Map<String, Object> row : rows) {
        out.printf(
            "%5s  %-9s %-3s %-18s %10s %10s %9s %9s %7s  %s%n",
            row.get("id"),
            row.get("status"),
            row.get("country"),
            row.get("kind"),
            orDash(row.get("read")),
            orDash(row.get("accepted")),
            orDash(row.get("rejected")),
            orDash(row.get("duplicates")),
            orDash(row.get("seconds")),
            row.get("file"));
      }
    }
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
