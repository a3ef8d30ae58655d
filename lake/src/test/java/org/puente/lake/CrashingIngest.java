package org.puente.lake;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.SplittableRandom;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.Receipt;
import org.puente.lake.catalog.Source;
import org.puente.node.NodeHome;

/**
 * Run in a child JVM by the crash tests: writes a submission up to a phase, then dies at once
 * (Runtime.halt: no shutdown hooks, no finally blocks, as if killed).
 *
 * <p>Arguments: home, catalog URL, user, schema ("-" for none), phase ("staged" or "moved"),
 * content (the submitted file's bytes, for the hash).
 */
public final class CrashingIngest {

  static final int ROWS = 2_500;

  private CrashingIngest() {}

  public static void main(String[] args) {
    NodeHome home = new NodeHome(Path.of(args[0]));
    CatalogConfig config =
        new CatalogConfig(
            args[1], args[2], "", args[3].equals("-") ? Optional.empty() : Optional.of(args[3]));
    String phase = args[4];
    Catalog catalog = Catalog.open(config, Clock.systemUTC());
    Lake lake = Lake.open(home, catalog, 300);
    Source source = LakeContractTest.gtmCrossings(catalog);
    Receipt.Accepted receipt =
        (Receipt.Accepted)
            lake.receive(
                source,
                "crash.csv",
                ContentHash.sha256(args[5].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    SubmissionWriter writer = lake.writer(receipt, source, Rows.LAYOUT);
    SplittableRandom random = new SplittableRandom(7);
    for (long seq = 0; seq < ROWS; seq++) {
      writer.append(Rows.row(seq, 3, random));
    }
    if (phase.equals("moved")) {
      writer.moveIntoLake();
    }
    System.out.println("dying after phase " + phase);
    System.out.flush();
    Runtime.getRuntime().halt(137);
  }
}
