package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.LinkKind;
import org.puente.hub.agreement.AgreementLinkage;
import org.puente.hub.agreement.PeerLinkage;
import org.puente.hub.agreement.SideFetcher;
import org.puente.lake.catalog.AgreementResult;
import org.puente.lake.catalog.Catalog;
import org.puente.node.keys.KeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente agreements}: exchange agreements and the hub's linkage of them. */
@Command(
    name = "agreements",
    mixinStandardHelpOptions = true,
    description = {
      "Exchange agreements between two nodes (docs/EXCHANGE.md): record one, list them, and at",
      "the hub link the two sides' per-agreement tokens into protected counts."
    },
    subcommands = {
      AgreementsCommand.Add.class,
      AgreementsCommand.ListAgreements.class,
      AgreementsCommand.Link.class
    })
final class AgreementsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Map<String, Object> json(Agreement agreement) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", agreement.id());
    json.put("partyA", agreement.partyA());
    json.put("partyB", agreement.partyB());
    json.put("link", agreement.link().code());
    json.put("purpose", agreement.purpose());
    json.put("validFrom", agreement.validFrom().toString());
    json.put("validUntil", agreement.validUntil().toString());
    json.put("fields", agreement.fields().stream().map(AgreementField::code).toList());
    json.put("keyId", agreement.keyId());
    return json;
  }

  /** {@code puente agreements add ID …}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Record an agreement. The key id is that of this node's key of the agreement ('keys",
        "agreement new' or 'import'), or --key-id on a hub, which never holds the key."
      })
  static final class Add implements Runnable {
    @Mixin CommonOptions common;
    @Mixin CatalogOption catalogOption;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "e.g. GTM-MEX-2026")
    String id;

    @Option(names = "--a", required = true, paramLabel = "ISO3", description = "Party A.")
    String partyA;

    @Option(names = "--b", required = true, paramLabel = "ISO3", description = "Party B.")
    String partyB;

    @Option(
        names = "--link",
        required = true,
        paramLabel = "LINK",
        description = "departures-arrivals or returns-departures")
    String link;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "Why.")
    String purpose;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "yyyy-MM-dd")
    String from;

    @Option(names = "--until", required = true, paramLabel = "DATE", description = "yyyy-MM-dd")
    String until;

    @Option(
        names = "--fields",
        required = true,
        paramLabel = "FIELDS",
        description = "e.g. DOCUMENT,BLOCK_GIVEN_DATE,NAME_SET+BIRTH_DATE")
    String fields;

    @Option(names = "--key-id", paramLabel = "ID", description = "The agreement key id (hub).")
    String keyId;

    @Override
    public void run() {
      String key = keyId;
      if (key == null) {
        key =
            KeyStore.open(common.nodeHome())
                .agreementKey(id)
                .orElseThrow(
                    () ->
                        new PuenteException(
                            ErrorCode.USAGE,
                            "this node holds no key of agreement "
                                + id
                                + ": run 'puente keys agreement new|import' first, or give"
                                + " --key-id"))
                .id();
      }
      Agreement agreement =
          new Agreement(
              id,
              partyA.trim().toUpperCase(java.util.Locale.ROOT),
              partyB.trim().toUpperCase(java.util.Locale.ROOT),
              LinkKind.parse(link),
              purpose,
              date(from, "--from"),
              date(until, "--until"),
              AgreementField.parseList(fields),
              key);
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        catalog.agreements().add(agreement);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Json.print(out, json(agreement));
      } else {
        out.println("agreement " + id + " recorded (key " + key + ")");
      }
    }
  }

  /** {@code puente agreements list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every agreement.")
  static final class ListAgreements implements Runnable {
    @Mixin CommonOptions common;
    @Mixin CatalogOption catalogOption;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      List<Agreement> agreements;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        agreements = catalog.agreements().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        agreements.forEach(a -> rows.add(json(a)));
        Json.print(out, rows);
        return;
      }
      out.printf(
          "%-16s %-4s %-4s %-20s %-10s %-10s %-18s %s%n",
          "ID", "A", "B", "LINK", "FROM", "UNTIL", "KEY", "FIELDS");
      for (Agreement a : agreements) {
        out.printf(
            "%-16s %-4s %-4s %-20s %-10s %-10s %-18s %s%n",
            a.id(),
            a.partyA(),
            a.partyB(),
            a.link().code(),
            a.validFrom(),
            a.validUntil(),
            a.keyId(),
            String.join(",", a.fields().stream().map(AgreementField::code).toList()));
      }
    }
  }

  /** {@code puente agreements link ID --a-file FILE --b-file FILE}. */
  @Command(
      name = "link",
      mixinStandardHelpOptions = true,
      description = {
        "At the hub: link side A's and side B's tokens, fetched from the peers that report for",
        "the parties (or those named), signed, or from two files as the nodes answer",
        "/api/exchange/agreements/{id}/tokens; protect the counts and keep only those.",
        "Fetched sides are deleted after."
      })
  static final class Link implements Runnable {
    @Mixin CommonOptions common;
    @Mixin CatalogOption catalogOption;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The agreement id.")
    String id;

    @Option(names = "--a-file", paramLabel = "FILE", description = "Side A, from a file.")
    Path aFile;

    @Option(names = "--b-file", paramLabel = "FILE", description = "Side B, from a file.")
    Path bFile;

    @Option(
        names = "--a-peer",
        paramLabel = "PEER",
        description = "Side A fetched from this peer of the hub (signed, its pinned key).")
    String aPeer;

    @Option(
        names = "--b-peer",
        paramLabel = "PEER",
        description = "Side B fetched from this peer of the hub (signed, its pinned key).")
    String bPeer;

    @Option(names = "--from", paramLabel = "yyyy-MM", description = "First month (peers).")
    YearMonth from;

    @Option(names = "--to", paramLabel = "yyyy-MM", description = "Last month (peers).")
    YearMonth to;

    @Override
    public void run() {
      boolean files = aFile != null || bFile != null;
      if (files && (aFile == null || bFile == null || aPeer != null || bPeer != null)) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "give --a-file and --b-file, or the peers (--a-peer, --b-peer; by default the peer"
                + " that reports for each party)");
      }
      AgreementLinkage.Outcome outcome;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        Agreement agreement =
            catalog
                .agreements()
                .find(id)
                .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no agreement " + id));
        if (files) {
          outcome = PeerLinkage.linkFiles(catalog, agreement, aFile, bFile);
        } else {
          PeerLinkage linkage =
              new PeerLinkage(
                  catalog,
                  KeyStore.open(common.nodeHome()),
                  SideFetcher.standard(),
                  common.nodeHome().root().resolve("exchange"));
          outcome =
              linkage.link(
                  agreement,
                  aPeer != null ? aPeer : linkage.peerFor(agreement.partyA()),
                  bPeer != null ? bPeer : linkage.peerFor(agreement.partyB()),
                  Optional.ofNullable(from),
                  Optional.ofNullable(to));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AgreementResult cell : outcome.published()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("month", cell.month());
          row.put("measure", cell.measure());
          row.put("value", cell.value().isPresent() ? cell.value().getAsLong() : null);
          row.put("status", cell.status());
          rows.add(row);
        }
        Json.print(out, Map.of("agreement", id, "cells", rows));
        return;
      }
      out.printf("%-8s %-12s %10s %s%n", "MONTH", "MEASURE", "VALUE", "STATUS");
      for (AgreementResult cell : outcome.published()) {
        out.printf(
            "%-8s %-12s %10s %s%n",
            cell.month(),
            cell.measure(),
            cell.value().isPresent() ? Long.toString(cell.value().getAsLong()) : "x",
            cell.status());
      }
    }
  }

  private static LocalDate date(String text, String option) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new PuenteException(ErrorCode.USAGE, option + ": a date as yyyy-MM-dd");
    }
  }
}
