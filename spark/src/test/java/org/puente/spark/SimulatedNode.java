package org.puente.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.Lake;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.RejectStore;
import org.puente.privacy.TokenDeriver;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.SpecParser;

/**
 * The engines' shared fixture: a small simulated region (seed 11, scale 0.0003, 2023-2024) whose
 * exports of Costa Rica (crossings, residence and work permits) and Guatemala (crossings, returns)
 * are ingested into a node once per test JVM. Each test class works on its own copy of that node
 * ({@link #copy}), so one engine's run never becomes the other's "previous run". A copy of the node
 * as it was before its last export (Guatemala's returns) was ingested ({@link
 * #copyBeforeLastExport}) can ingest it later ({@link #ingestLastExport}): new records for an
 * incremental run.
 */
final class SimulatedNode implements AutoCloseable {

  static final YearMonth FIRST = YearMonth.of(2023, 1);
  static final YearMonth LAST = YearMonth.of(2024, 12);

  /** The exports loaded, as in examples/specs/simulated-region.csv. */
  private static final List<String[]> EXPORTS =
      List.of(
          new String[] {"CRI", "dgme_cr_movimientos.csv", "cri-crossings"},
          new String[] {"CRI", "dgme_cr_residencias.xlsx", "cri-residence-permits"},
          new String[] {"CRI", "dgme_cr_permisos_laborales.xlsx", "cri-work-permits"},
          new String[] {"GTM", "igm_flujos_migratorios.csv", "gtm-crossings"},
          new String[] {"GTM", "igm_retornados.csv", "gtm-returns"});

  private static Path ingested;

  final Path region;
  final NodeHome home;
  final KeyStore keys;
  final Catalog catalog;
  final Lake lake;

  private SimulatedNode(Path region, Path home) {
    this.region = region;
    this.home = new NodeHome(home);
    this.keys = KeyStore.open(this.home);
    this.catalog = Catalog.open(CatalogConfig.embedded(this.home.catalog()), Clock.systemUTC());
    this.lake = Lake.open(this.home, catalog);
  }

  /** A copy of the ingested node in {@code dir} (a fresh directory), opened. */
  static SimulatedNode copy(Path dir) throws IOException {
    Path base = ingested();
    Path home = dir.resolve("home");
    copyTree(base.resolve("home"), home);
    return new SimulatedNode(base.resolve("region"), home);
  }

  /**
   * A copy in {@code dir} (a fresh directory) of the node as it was before its last export was
   * ingested, opened: {@link #ingestLastExport} adds that export's records.
   */
  static SimulatedNode copyBeforeLastExport(Path dir) throws IOException {
    Path base = ingested();
    Path home = dir.resolve("home");
    copyTree(base.resolve(BEFORE_LAST), home);
    return new SimulatedNode(base.resolve("region"), home);
  }

  /** Ingests the fixture's last export into this node (a {@link #copyBeforeLastExport}). */
  void ingestLastExport() throws IOException {
    ingest(lake, keys, region, EXPORTS.get(EXPORTS.size() - 1));
  }

  /** The snapshot of the home before the last export, beside the full one. */
  private static final String BEFORE_LAST = "home-before-last-export";

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void ingest(Lake lake, KeyStore keys, Path region, String[] export)
      throws IOException {
    Ingestor ingestor =
        new Ingestor(
            lake,
            new RejectStore(keys, new SecureRandom()),
            new TokenDeriver(keys.network()),
            Ingestor.standardEncoder(keys.network()),
            Ingestor.standardDocumentEncoder(keys.network()),
            2);
    Path specs = Path.of("../examples/specs");
    org.puente.ingest.store.IngestResult result =
        ingestor.ingest(
            SpecParser.standard()
                .parse(export[2] + ".yaml", Files.readString(specs.resolve(export[2] + ".yaml"))),
            region.resolve(export[0]).resolve(export[1]),
            done -> {});
    System.out.printf("fixture: ingested %s: %s%n", export[1], result.counts());
  }

  /** The region simulated and ingested once per JVM; deleted when the JVM ends. */
  private static synchronized Path ingested() throws IOException {
    if (ingested != null) {
      return ingested;
    }
    long started = System.nanoTime();
    Path dir = Files.createTempDirectory("puente-spark-fixture");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
    Simulator simulator = Simulator.standard();
    Path region = dir.resolve("region");
    simulator.run(
        new SimulationConfig(
            11,
            0.0003,
            FIRST,
            LAST,
            simulator.region().countryCodes(),
            NoiseSettings.defaults(),
            2),
        region,
        households -> {});
    NodeHome home = new NodeHome(dir.resolve("home"));
    try {
      SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
      seeded.setSeed(11);
      KeyStore keys = KeyStore.create(home, Clock.systemUTC(), seeded, Optional.empty());
      try (Catalog catalog =
              Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
          Lake lake = Lake.open(home, catalog)) {
        for (String[] export : EXPORTS.subList(0, EXPORTS.size() - 1)) {
          ingest(lake, keys, region, export);
        }
      }
      // The catalog and lake are closed: the home can be copied as it is.
      copyTree(home.root(), dir.resolve(BEFORE_LAST));
      try (Catalog catalog =
              Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
          Lake lake = Lake.open(home, catalog)) {
        ingest(lake, keys, region, EXPORTS.get(EXPORTS.size() - 1));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    System.out.printf(
        "fixture: simulated and ingested in %.1f s%n", (System.nanoTime() - started) / 1e9);
    ingested = dir;
    return dir;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // The temporary directory stays; nothing else depends on it.
    }
  }

  /** The DuckDB cube store of a committed run of this node (built once, under the node's key). */
  org.puente.stats.CubeStore cubeStore(org.puente.lake.catalog.DerivationRun run) {
    return org.puente.stats.CubeStore.open(
            home,
            new org.puente.lake.LakeReader(home, catalog),
            org.puente.schema.RegionalSchema.standard(),
            run,
            org.puente.stats.CubeStore.cellKeySecret(keys))
        .store();
  }

  @Override
  public void close() {
    lake.close();
    catalog.close();
  }
}
