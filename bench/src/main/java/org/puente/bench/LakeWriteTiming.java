package org.puente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.puente.lake.ContentHash;
import org.puente.lake.Lake;
import org.puente.lake.SubmissionWriter;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.Receipt;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;
import org.puente.schema.EventKind;

/**
 * Times the lake's whole writing path for one submission: rows appended through DuckDB into staged
 * Parquet files over 12 monthly partitions, moved into the lake and committed in the embedded
 * catalog. Rows come from a pre-built pool of 4,096 seeded rows so that the figure is the writer's,
 * not a generator's. A timed main rather than JMH: one run is one multi-second operation.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.puente.bench.LakeWriteTiming [rows]
 * [runs]}
 */
public final class LakeWriteTiming {

  public static final TableLayout LAYOUT =
      TableLayout.of(
          "event_date",
          "record_id VARCHAR",
          "event_date DATE",
          "event_time TIMESTAMP",
          "direction VARCHAR",
          "port VARCHAR",
          "transport_mode VARCHAR",
          "citizenship VARCHAR",
          "country_of_residence VARCHAR",
          "country_of_birth VARCHAR",
          "next_destination VARCHAR",
          "sex VARCHAR",
          "age INTEGER",
          "birth_year INTEGER",
          "age_group VARCHAR",
          "purpose VARCHAR",
          "document_type VARCHAR",
          "migration_status VARCHAR",
          "person_token VARCHAR",
          "document_token VARCHAR",
          "stay_days INTEGER",
          "intended_stay_days INTEGER",
          "issue_date DATE",
          "expiry_date DATE",
          "source_line BIGINT",
          "is_resident BOOLEAN");

  // CPU time of the whole process, DuckDB's native threads included: on a shared machine it says
  // what the work costs when wall-clock time says mostly how busy the neighbours were.
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private LakeWriteTiming() {}

  public static void main(String[] args) throws IOException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Object[]> pool = pool(4_096, new SplittableRandom(42));
    System.out.printf(
        "lake write: %,d rows x %d columns per run, %d runs, %d cores%n",
        rows, LAYOUT.size(), runs, Runtime.getRuntime().availableProcessors());
    for (int run = 1; run <= runs; run++) {
      Path root = Files.createTempDirectory("puente-lake-bench");
      NodeHome home = new NodeHome(root);
      try (Catalog catalog =
              Catalog.open(
                  CatalogConfig.embedded(home.createStorage().catalog()), Clock.systemUTC());
          Lake lake = Lake.open(home, catalog)) {
        Source source = catalog.sources().register("GTM", EventKind.BORDER_CROSSING, "bench", "1");
        Receipt.Accepted receipt =
            (Receipt.Accepted) lake.receive(source, "bench.csv", ContentHash.sha256(new byte[run]));
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        Submission done;
        try (SubmissionWriter writer = lake.writer(receipt, source, LAYOUT)) {
          for (long i = 0; i < rows; i++) {
            writer.append(pool.get((int) (i & 4_095)));
          }
          done = writer.commit(RowCounts.allAccepted(rows));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9;
        long bytes =
            catalog.manifests().filesOf(done.id()).stream().mapToLong(f -> f.bytes()).sum();
        System.out.printf(
            "run %d: %.2f s, %,.0f rows/s; %.2f CPU s (all threads), %,.0f rows per CPU s;"
                + " %d files, %,d bytes of Parquet, heap used %,d MB%n",
            run,
            seconds,
            rows / seconds,
            cpuSeconds,
            rows / cpuSeconds,
            catalog.manifests().filesOf(done.id()).size(),
            bytes,
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
      } finally {
        deleteTree(root);
      }
    }
  }

  /** Seeded rows over 12 months of 2024, in random order (the partition changes row to row). */
  public static List<Object[]> pool(int size, SplittableRandom random) {
    String[] countries = {"GTM", "HND", "SLV", "MEX", "USA", "NIC", "CRI", "PAN", "BLZ", "COL"};
    String[] sexes = {"M", "F", "_U"};
    List<Object[]> rows = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      LocalDate date = LocalDate.of(2024, 1 + random.nextInt(12), 1 + random.nextInt(28));
      int age = random.nextInt(90);
      rows.add(
          new Object[] {
            "R" + random.nextLong(1_000_000_000L),
            date,
            LocalDateTime.of(date, java.time.LocalTime.of(random.nextInt(24), random.nextInt(60))),
            random.nextBoolean() ? "ARRIVAL" : "DEPARTURE",
            "GT-" + random.nextInt(20),
            random.nextInt(3) == 0 ? "AIR" : "LAND",
            countries[random.nextInt(countries.length)],
            countries[random.nextInt(countries.length)],
            countries[random.nextInt(countries.length)],
            countries[random.nextInt(countries.length)],
            sexes[random.nextInt(sexes.length)],
            age,
            date.getYear() - age,
            "Y" + (age / 5 * 5) + "T" + (age / 5 * 5 + 4),
            random.nextInt(4) == 0 ? "WORK" : "TOURISM",
            "PASSPORT",
            "REGULAR",
            Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()),
            Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()),
            random.nextInt(400),
            random.nextInt(90),
            date.minusYears(random.nextInt(10)),
            date.plusYears(1 + random.nextInt(9)),
            (long) i,
            random.nextBoolean()
          });
    }
    return rows;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
