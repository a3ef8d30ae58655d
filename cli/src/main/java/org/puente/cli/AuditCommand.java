package org.puente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.lake.catalog.AuditEntry;
import org.puente.lake.catalog.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente audit}: the node's audit log, newest last. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Show the audit log: who revealed or exported what, when, from where.")
final class AuditCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "The last N entries (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public void run() {
    List<AuditEntry> entries;
    try (Catalog catalog = catalogOption.openCatalog(common)) {
      entries = catalog.audit().recent(limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (AuditEntry entry : entries) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", entry.id());
        row.put("at", entry.at().toString());
        row.put("actor", entry.actor());
        row.put("origin", entry.origin());
        row.put("action", entry.action());
        row.put("target", entry.target());
        row.put("outcome", entry.outcome());
        rows.add(row);
      }
      Json.print(out, rows);
      return;
    }
    for (AuditEntry entry : entries) {
      out.printf(
          "%d  %s  %s@%s  %s  %s  %s%n",
          entry.id(),
          entry.at(),
          entry.actor(),
          entry.origin(),
          entry.action(),
          entry.target(),
          entry.outcome());
    }
    out.println("(" + entries.size() + " entries)");
  }
}
