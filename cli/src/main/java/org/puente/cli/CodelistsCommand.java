package org.puente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.codelist.Code;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;
import org.puente.codelist.CountryMatch;
import org.puente.codelist.CountryNormaliser;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente codelists}: list the code lists, show or search one. */
@Command(
    name = "codelists",
    mixinStandardHelpOptions = true,
    description = {
      "Without LIST: the code lists and where they come from.",
      "With LIST: its codes, optionally searched (ignoring case and accents).",
      "Examples:",
      "  puente codelists country --search \"estados unidos\"",
      "  puente codelists country --in \"Central America\"",
      "  puente codelists country --normalise \"EE.UU.\"",
      "  puente codelists m49 --search caribbean"
    })
final class CodelistsCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "LIST", description = "A code list id.")
  String listId;

  @Option(
      names = "--search",
      paramLabel = "TEXT",
      description = "Codes whose code or label contains TEXT.")
  String search;

  @Option(
      names = "--in",
      paramLabel = "GROUP",
      description = "Countries only: those in an M49 group, by code (013) or name.")
  String group;

  @Option(
      names = "--normalise",
      paramLabel = "VALUE",
      description = "Countries only: what the normaliser makes of a raw value.")
  String normalise;

  /** One code list in the listing. */
  record ListSummary(String id, String name, int codes, boolean open, String provenance) {}

  /** One code as printed; {@code countries} is set for M49 groups. */
  record CodeRow(
      String code,
      Optional<String> parent,
      Map<String, String> labels,
      Optional<Integer> countries) {}

  @Override
  public void run() {
    CodeLists lists = CodeLists.standard();
    PrintWriter out = spec.commandLine().getOut();
    if (listId == null) {
      if (search != null || group != null || normalise != null) {
        throw usage("--search, --in and --normalise need a LIST");
      }
      printLists(out, lists);
      return;
    }
    CodeList list =
        lists
            .list(listId)
            .orElseThrow(
                () ->
                    usage(
                        "unknown code list '"
                            + listId
                            + "'; known: "
                            + String.join(", ", lists.ids())));
    if ((group != null || normalise != null) && !list.id().equals("country")) {
      throw usage("--in and --normalise apply to the country list only");
    }
    if (normalise != null) {
      printNormalised(out, CountryNormaliser.standard().normalise(normalise));
      return;
    }
    List<Code> codes = search == null ? list.codes() : list.search(search);
    if (group != null) {
      codes = inGroup(lists, codes, group);
    }
    printCodes(out, lists, list, codes);
  }

  private void printLists(PrintWriter out, CodeLists lists) {
    List<ListSummary> summaries = new ArrayList<>();
    for (CodeList list : lists.all()) {
      summaries.add(
          new ListSummary(
              list.id(), list.name(), list.codes().size(), list.open(), list.provenance()));
    }
    if (common.json) {
      Json.print(out, summaries);
      return;
    }
    out.printf("%-17s %6s  %s%n", "LIST", "CODES", "NAME");
    for (ListSummary summary : summaries) {
      out.printf(
          "%-17s %6s  %s%n",
          summary.id(),
          summary.open() ? "open" : Integer.toString(summary.codes()),
          summary.name());
    }
  }

  private void printNormalised(PrintWriter out, CountryMatch match) {
    if (common.json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("raw", match.raw());
      result.put("alpha3", match.alpha3());
      if (match instanceof CountryMatch.Unknown unknown) {
        result.put("reason", unknown.reason());
      }
      Json.print(out, result);
      return;
    }
    if (match instanceof CountryMatch.Known known) {
      out.println(known.raw() + " -> " + known.code());
    } else if (match instanceof CountryMatch.Unknown unknown) {
      out.println(unknown.raw() + " -> unknown (" + unknown.reason() + ")");
    }
  }

  private void printCodes(PrintWriter out, CodeLists lists, CodeList list, List<Code> codes) {
    List<CodeRow> rows = new ArrayList<>();
    for (Code code : codes) {
      Optional<Integer> members =
          list.id().equals("m49")
              ? Optional.of(countriesIn(lists, code.id()).size())
              : Optional.empty();
      rows.add(new CodeRow(code.id(), code.parent(), code.labels(), members));
    }
    if (common.json) {
      Json.print(out, rows);
      return;
    }
    for (CodeRow row : rows) {
      StringBuilder line =
          new StringBuilder(String.format("%-10s %s", row.code(), row.labels().get("en")));
      String spanish = row.labels().get("es");
      if (spanish != null && !spanish.equals(row.labels().get("en"))) {
        line.append(" | ").append(spanish);
      }
      row.parent().ifPresent(parent -> line.append("  (in ").append(parent).append(')'));
      row.countries().ifPresent(count -> line.append("  [").append(count).append(" countries]"));
      out.println(line);
    }
    if (!common.json) {
      out.println("(" + rows.size() + " of " + list.codes().size() + " codes)");
    }
  }

  private static List<Code> inGroup(CodeLists lists, List<Code> codes, String groupQuery) {
    String groupCode = resolveGroup(lists, groupQuery);
    List<String> members = countriesIn(lists, groupCode);
    List<Code> result = new ArrayList<>();
    for (Code code : codes) {
      if (members.contains(code.id())) {
        result.add(code);
      }
    }
    return result;
  }

  private static String resolveGroup(CodeLists lists, String query) {
    CodeList m49 = lists.require("m49");
    String trimmed = query.strip();
    if (trimmed.matches("[0-9]{1,3}")) {
      String code = String.format("%03d", Integer.parseInt(trimmed));
      if (m49.contains(code)) {
        return code;
      }
    }
    for (Code code : m49.codes()) {
      if (code.label().equalsIgnoreCase(trimmed)) {
        return code.id();
      }
    }
    List<Code> found = m49.search(trimmed);
    if (found.size() == 1) {
      return found.get(0).id();
    }
    throw usage(
        found.isEmpty()
            ? "no M49 group matches '" + query + "'; see 'puente codelists m49'"
            : "'" + query + "' matches " + found.size() + " M49 groups; give the code");
  }

  private static List<String> countriesIn(CodeLists lists, String groupCode) {
    List<String> members = new ArrayList<>();
    for (Country country : lists.countries()) {
      if (country.isIn(groupCode)) {
        members.add(country.alpha3());
      }
    }
    return members;
  }

  private static PuenteException usage(String message) {
    return new PuenteException(ErrorCode.USAGE, message);
  }
}
