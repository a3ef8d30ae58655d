package org.puente.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.puente.cube.RollUp;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationOptions;
import org.puente.derive.DerivationResult;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.IngestResult;
import org.puente.ingest.store.Ingestor;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.sdc.ProtectionRules;
import org.puente.server.ServerOptions;
import org.puente.server.auth.Accounts;
import org.puente.server.auth.Passwords;
import org.puente.server.auth.Role;
import org.puente.sim.SimulationConfig;
import org.puente.sim.SimulationSummary;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.MappingSpec;
import org.puente.spec.SpecParser;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.TableWriter;
import org.puente.stats.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code puente demo}: the whole platform on a simulated region, end to end: simulate ten
 * countries' exports, ingest each with its shipped spec into one node, link and classify, then
 * print protected headline tables.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a small region (ten countries, 2023-2024), ingest every export with its shipped",
      "spec into one node, run linkage and the 12/16-month rule, and print protected headline",
      "tables. The node stays in --home for 'puente table', 'puente quality' and the rest."
    })
final class DemoCommand implements Runnable {

  static final String MARKER = ".puente-demo";

  static final String DEMO_USER = "demo";
  static final String DEMO_STEWARD = "gtm-steward";
  static final YearMonth FIRST = YearMonth.of(2023, 1);
  static final YearMonth LAST = YearMonth.of(2024, 12);

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      defaultValue = "puente-demo",
      paramLabel = "DIR",
      description = "The demo node (default: ${DEFAULT-VALUE}); an earlier demo there is replaced.")
  Path home;

  @Option(
      names = "--scale",
      defaultValue = "0.001",
      paramLabel = "X",
      description = "Region size as a share of real volumes (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Default: 1.")
  long seed;

  @Option(
      names = "--no-serve",
      description = "Stop after the tables instead of serving the dashboard.")
  boolean noServe;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "N",
      description = "Port of the dashboard (default ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(
      names = "--lang",
      defaultValue = "en",
      paramLabel = "en|es",
      description = "Language of the tables' labels.")
  String language;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    NodeHome node = prepare(home);
    Path region = node.root().resolve("region");
    out.printf(
        Locale.ROOT, "puente demo: a simulated region at scale %s in %s%n", scale, node.root());

    out.println("1/4 simulate ten countries' exports, " + FIRST + " to " + LAST);
    out.flush();
    Simulator simulator = Simulator.standard();
    SimulationSummary simulated =
        simulator.run(
            new SimulationConfig(
                seed,
                scale,
                FIRST,
                LAST,
                simulator.region().countryCodes(),
                NoiseSettings.defaults(),
                Runtime.getRuntime().availableProcessors()),
            region,
            households -> {});
    out.printf(
        Locale.ROOT,
        "    %,d records of %,d travellers in %d files (truth in %s)%n",
        simulated.records(),
        simulated.travellers(),
        simulated.files().size(),
        region.resolve("truth"));

    KeyStore.create(node, Clock.systemUTC(), new SecureRandom(), Optional.empty());
    try (Node opened = Node.open(commonFor(node), null)) {
      out.println("2/4 ingest every export with its shipped spec (examples/specs)");
      out.flush();
      ingestAll(opened, region, out);

      out.println("3/4 link records into travellers and classify crossings (12/16-month rule)");
      out.flush();
      DerivationResult derived =
          new Derivation(opened.lake).run(DerivationOptions.defaults(LAST.atEndOfMonth()));
      out.printf(
          Locale.ROOT,
          "    run %d: %,d records linked into %,d travellers%n",
          derived.run().id(),
          derived.run().recordsLinked().orElse(0),
          derived.run().travellers().orElse(0));

      out.println(
          "4/4 headline tables for " + LAST.getYear() + ", protected (docs/DISCLOSURE.md):");
      out.flush();
      RollUp rollUp = Statistics.rollUp();
      Tables tables = Statistics.tables(opened, rollUp, spec.commandLine().getErr(), false);
      TableWriter writer = new TableWriter(rollUp, language);
      String year = Integer.toString(LAST.getYear());
      headline(
          out,
          writer,
          tables,
          "Crossings by reporting country and direction",
          TableRequest.of("crossings", List.of("reporting_country", "direction"))
              .period(year)
              .periodLevel("year")
              .where("reporting_country", List.of("013", "029")));
      headline(
          out,
          writer,
          tables,
          "Migrant arrivals (12/16-month rule) by sex",
          TableRequest.of("migrant_arrivals", List.of("reporting_country", "sex"))
              .period(year)
              .periodLevel("year")
              .where("reporting_country", List.of("CRI", "DOM", "MEX", "PAN")));
      headline(
          out,
          writer,
          tables,
          "Returns of nationals by sex and age group",
          TableRequest.of("returns", List.of("sex", "age")).period(year).periodLevel("year"));
      Path specs = node.root().resolve("specs");
      copySpecs(specs);
      SecureRandom random = new SecureRandom();
      String password = Passwords.generate(random);
      Accounts.add(
          opened.catalog,
          DEMO_USER,
          Role.ADMINISTRATOR,
          Optional.empty(),
          password.toCharArray(),
          random);
      String stewardPassword = Passwords.generate(random);
      Accounts.add(
          opened.catalog,
          DEMO_STEWARD,
          Role.DATA_STEWARD,
          Optional.of("GTM"),
          stewardPassword.toCharArray(),
          random);
      out.println();
      out.printf(
          Locale.ROOT,
          "done in %.0f s. Try: ./puente table --home %s --list%n",
          (System.nanoTime() - started) / 1e9,
          node.root());
      out.println("Users of the demo node (passwords shown once; 'puente users' manages them):");
      out.println("  " + DEMO_USER + " (administrator)      password: " + password);
      out.println("  " + DEMO_STEWARD + " (data steward, GTM) password: " + stewardPassword);
      out.flush();
      if (!noServe) {
        ServeCommand.serve(opened, specs, ServerOptions.defaults(port), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped specs, where the server offers them for upload ({@code <home>/specs}). */
  private static void copySpecs(Path folder) throws IOException {
    Files.createDirectories(folder);
    List<String> lines = new ArrayList<>(List.of(resource("simulated-region.csv").split("\n")));
    lines.remove(0);
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String line : lines) {
      String[] fields = line.strip().split(",");
      if (fields.length == 3) {
        names.add(fields[2]);
      }
    }
    for (String name : names) {
      Files.writeString(folder.resolve(name + ".yaml"), resource(name + ".yaml"));
    }
  }

  private static void headline(
      PrintWriter out, TableWriter writer, Tables tables, String title, TableRequest request)
      throws IOException {
    out.println();
    out.println("== " + title);
    PublishedTable table = tables.table(request, "group", ProtectionRules.defaults());
    writer.text(table, out);
    out.flush();
  }

  /** Every simulated export with the spec shipped for it (examples/specs/simulated-region.csv). */
  private static void ingestAll(Node node, Path region, PrintWriter out) throws IOException {
    Ingestor ingestor = node.ingestor();
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    long duplicates = 0;
    List<String> lines = new ArrayList<>(List.of(resource("simulated-region.csv").split("\n")));
    lines.remove(0);
    for (String line : lines) {
      String[] fields = line.strip().split(",");
      if (fields.length != 3) {
        continue;
      }
      MappingSpec mapping =
          SpecParser.standard().parse(fields[2] + ".yaml", resource(fields[2] + ".yaml"));
      IngestResult result =
          ingestor.ingest(mapping, region.resolve(fields[0]).resolve(fields[1]), done -> {});
      read += result.counts().read();
      accepted += result.counts().accepted();
      rejected += result.counts().rejected();
      duplicates += result.counts().duplicates();
    }
    out.printf(
        Locale.ROOT,
        "    %d files: read %,d = accepted %,d + rejected %,d + duplicates %,d%n",
        lines.size(),
        read,
        accepted,
        rejected,
        duplicates);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("specs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no shipped spec resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The demo's home, empty: a new directory, or an earlier demo's (marked), which is replaced.
   * Anything else is refused, so a mistyped --home never deletes a user's files.
   */
  static NodeHome prepare(Path dir) {
    try {
      if (Files.exists(dir)) {
        boolean empty;
        try (var entries = Files.list(dir)) {
          empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dir.resolve(MARKER))) {
          throw new PuenteException(
              ErrorCode.USAGE, dir + " exists and is not an earlier demo; choose another --home");
        }
        try (var paths = Files.walk(dir)) {
          for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(MARKER), "a puente demo node; 'puente demo' may replace it\n");
      return new NodeHome(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CommonOptions commonFor(NodeHome node) {
    CommonOptions common = new CommonOptions();
    common.home = node.root();
    common.quiet = true;
    return common;
  }
}
