package org.puente.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationOptions;
import org.puente.derive.DerivationResult;
import org.puente.ingest.store.IngestResult;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.RejectStore;
import org.puente.privacy.TokenDeriver;
import org.puente.schema.RegionalSchema;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.SpecParser;

/**
 * A simulated region loaded into one node the way a user would: every export ingested with its
 * shipped spec (examples/specs/simulated-region.csv), one derivation run, the cubes built.
 */
final class SimulatedRegion implements AutoCloseable {

  static final YearMonth FIRST = YearMonth.of(2023, 1);
  static final YearMonth LAST = YearMonth.of(2024, 12);

  final Path region;
  final NodeHome home;
  final Catalog catalog;
  final Lake lake;
  final CubeStore store;
  final CubeStore.Opened built;
  final long read;
  final long accepted;

  private SimulatedRegion(
      Path region,
      NodeHome home,
      Catalog catalog,
      Lake lake,
      CubeStore.Opened built,
      long read,
      long accepted) {
    this.region = region;
    this.home = home;
    this.catalog = catalog;
    this.lake = lake;
    this.store = built.store();
    this.built = built;
    this.read = read;
    this.accepted = accepted;
  }

  static SimulatedRegion load(Path dir, long seed, double scale, NoiseSettings noise)
      throws IOException, java.security.GeneralSecurityException {
    Simulator simulator = Simulator.standard();
    Path region = dir.resolve("region");
    simulator.run(
        new SimulationConfig(seed, scale, FIRST, LAST, simulator.region().countryCodes(), noise, 2),
        region,
        households -> {});
    NodeHome home = new NodeHome(dir.resolve("home"));
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(seed);
    KeyStore keys = KeyStore.create(home, Clock.systemUTC(), seeded, Optional.empty());
    Catalog catalog = Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
    Lake lake = Lake.open(home, catalog);
    Ingestor ingestor =
        new Ingestor(
            lake,
            new RejectStore(keys, new SecureRandom()),
            new TokenDeriver(keys.network()),
            Ingestor.standardEncoder(keys.network()),
            Ingestor.standardDocumentEncoder(keys.network()),
            2);
    Path specs = Path.of("../examples/specs");
    long read = 0;
    long accepted = 0;
    List<String> files = Files.readAllLines(specs.resolve("simulated-region.csv"));
    for (String line : files.subList(1, files.size())) {
      String[] fields = line.split(",");
      IngestResult result =
          ingestor.ingest(
              SpecParser.standard()
                  .parse(fields[2] + ".yaml", Files.readString(specs.resolve(fields[2] + ".yaml"))),
              region.resolve(fields[0]).resolve(fields[1]),
              done -> {});
      read += result.counts().read();
      accepted += result.counts().accepted();
    }
    DerivationResult run =
        new Derivation(lake).run(DerivationOptions.defaults(LAST.atEndOfMonth()));
    CubeStore.Opened built =
        CubeStore.open(
            home,
            new LakeReader(home, catalog),
            RegionalSchema.standard(),
            run.run(),
            new byte[] {1, 2, 3});
    return new SimulatedRegion(region, home, catalog, lake, built, read, accepted);
  }

  /** Tables over the region's built cubes, with the shipped catalogue and code lists. */
  Tables tables() {
    return new Tables(
        store,
        org.puente.cube.CubeCatalogue.standard(),
        new org.puente.cube.RollUp(org.puente.codelist.CodeLists.standard()),
        java.time.Clock.systemUTC());
  }

  @Override
  public void close() {
    lake.close();
    catalog.close();
  }
}
