package org.puente.bench.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.RollUp;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.DerivationRun;
import org.puente.node.NodeHome;
import org.puente.schema.RegionalSchema;
import org.puente.sdc.CountTable;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.CubeQuery;
import org.puente.stats.CubeStore;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * Issue 7's query target: tables over a node's built cubes, timed in one JVM. Builds the cubes of
 * the latest run afresh (timed), then for each request: the cube query alone (DuckDB aggregation to
 * leaf cells), the unprotected table (query and hierarchies), and the protected table (query,
 * hierarchies, suppression and the attacker audit); one warm-up, then the median and the range of
 * {@code RUNS} runs. Usage: {@code CubeTiming HOME [RUNS [--no-protect|--protect [--keep-cubes]]]}.
 */
public final class CubeTiming {

  private CubeTiming() {}

  public static void main(String[] args) throws Exception {
    NodeHome home = new NodeHome(Path.of(args[0]));
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    boolean protect = !(args.length > 2 && args[2].equals("--no-protect"));
    try (Catalog catalog =
        Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC())) {
      DerivationRun run = catalog.runs().latestCommitted().orElseThrow();
      Path database = CubeStore.databaseOf(home, run);
      boolean rebuild = !(args.length > 3 && args[3].equals("--keep-cubes"));
      if (rebuild) {
        Files.deleteIfExists(database);
      }
      CubeStore.Opened opened =
          CubeStore.open(
              home, new LakeReader(home, catalog), RegionalSchema.standard(), run, new byte[] {7});
      System.out.printf(
          "run %d: %,d records; cubes built in %.1f s (%,d bytes)%n",
          run.id(),
          run.recordsLinked().orElse(0),
          opened.buildTime().toMillis() / 1000.0,
          Files.size(database));
      RollUp rollUp = new RollUp(CodeLists.standard());
      CubeCatalogue catalogue = CubeCatalogue.standard();
      Tables tables = new Tables(opened.store(), catalogue, rollUp, Clock.systemUTC());
      CubeQuery query = new CubeQuery(opened.store(), rollUp);
      List<TableRequest> requests =
          List.of(
              TableRequest.of("crossings", List.of("reporting_country", "direction"))
                  .period("2024")
                  .periodLevel("year"),
              TableRequest.of("crossings", List.of("citizenship", "sex")).period("2024"),
              TableRequest.of("crossings", List.of("reporting_country", "period", "direction"))
                  .periodLevel("month"),
              TableRequest.of("crossings", List.of("port", "direction", "sex")).period("2024-Q1"),
              TableRequest.of(
                      "migrant_arrivals", List.of("reporting_country", "citizenship", "sex"))
                  .period("2023")
                  .periodLevel("year"),
              TableRequest.of("travellers", List.of("period", "reporting_country", "sex"))
                  .periodLevel("year"),
              // A filter: first crossings are found at query time, not read prebuilt.
              TableRequest.of("travellers", List.of("period", "reporting_country", "sex"))
                  .periodLevel("year")
                  .where("direction", List.of("ARRIVAL")),
              TableRequest.of("returns", List.of("returned_from", "sex", "age")).period("2024"));
      System.out.println(
          "request | cells | suppressed | query ms median [min-max] | unprotected table ms | protected table ms");
      for (TableRequest request : requests) {
        var cube = catalogue.require(request.cube());
        query.leafCells(cube, request);
        Map<String, CountTable> counts = tables.counts(request, "group");
        PublishedTable published =
            protect ? tables.table(request, "group", ProtectionRules.defaults()) : null;
        long[] queried = new long[runs];
        long[] unprotected = new long[runs];
        long[] protectedTimes = new long[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          query.leafCells(cube, request);
          queried[i] = System.nanoTime() - start;
          start = System.nanoTime();
          tables.counts(request, "group");
          unprotected[i] = System.nanoTime() - start;
          if (protect) {
            start = System.nanoTime();
            tables.table(request, "group", ProtectionRules.defaults());
            protectedTimes[i] = System.nanoTime() - start;
          }
        }
        int cells = counts.values().stream().mapToInt(CountTable::cellCount).sum();
        System.out.printf(
            "%s by %s%s%s | %,d | %s | %s | %s | %s%n",
            request.cube(),
            String.join(",", request.by()),
            request.period().map(p -> " in " + p).orElse(""),
            request.where().isEmpty() ? "" : " where " + request.where(),
            cells,
            published == null ? "-" : published.metadata().get("suppressed_cells"),
            summary(queried),
            summary(unprotected),
            protect ? summary(protectedTimes) : "-");
      }
    }
  }

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    List<String> parts = new ArrayList<>();
    parts.add(String.format("%d", sorted[sorted.length / 2] / 1_000_000));
    parts.add(
        String.format("[%d-%d]", sorted[0] / 1_000_000, sorted[sorted.length - 1] / 1_000_000));
    return String.join(" ", parts);
  }
}
