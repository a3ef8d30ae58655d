package org.puente.bench.suite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A simulated region of about {@code size} crossings (all ten countries, 2023-2024) and a node that
 * has ingested every export with the shipped specs ({@code examples/specs/simulated-region.csv}).
 * Both are kept in {@code DIR/region} and {@code DIR/loaded}; a later benchmark with the same
 * {@code --out}, size, seed and network key ({@link Commands#networkKey}) reuses them. Making them
 * is timed once and reported as the {@code setup} rows, which are kept with the loaded node and
 * reported again, noted as such, by a benchmark that reuses it.
 *
 * <p>Only the ingest leg reads an export again once the node is loaded. Without it, each export is
 * deleted as soon as it is loaded, keeping the simulator's truth (which the pipeline's reference
 * reads): at a hundred million crossings the exports take 14 GB that the run's scratch files need.
 * A later benchmark that needs them makes the region again.
 */
record Region(Commands commands, Path dir, long size, long crossings) {

  /** Where the setup rows are kept, beside the loaded node's marker. */
  private static final String SETUP = "loaded/.bench-setup.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The region of {@code dir}, made (simulated and loaded) unless it is there already with the same
   * identity and, when {@code keepExports}, its exports.
   */
  static Region prepare(
      Commands commands, Path dir, long size, long seed, boolean keepExports, List<Row> rows)
      throws IOException, InterruptedException {
    double scale = size / Bench.CROSSINGS_PER_SCALE;
    // A region loaded under another network key (earlier versions drew one per node) links
    // differently: it is made again.
    String identity =
        String.format(
            Locale.ROOT,
            "scale %.8f seed %d network key %s%n",
            scale,
            seed,
            JSON.readTree(commands.networkKey().toFile()).path("id").asText());
    Path marker = dir.resolve("loaded/.bench-region");
    Path work = dir.resolve("setup");
    List<String[]> exports = exports(commands.root());
    if (reusable(dir, identity, keepExports ? exports : List.of())) {
      long crossings = Bench.crossingRecords(dir.resolve("region/truth/records.csv"));
      System.out.printf(
          Locale.ROOT, "region of %,d crossings: reusing %s%n", crossings, dir.resolve("loaded"));
      rows.addAll(savedSetup(dir));
      return new Region(commands, dir, size, crossings);
    }
    Bench.deleteTree(dir.resolve("region"));
    Bench.deleteTree(dir.resolve("loaded"));
    System.out.printf(
        Locale.ROOT, "region of about %,d crossings (scale %.6f, seed %d)%n", size, scale, seed);
    TimedProcess.Measurement simulated =
        commands.timed(
            work,
            "simulate",
            commands.puente(
                "simulate",
                "--out",
                dir.resolve("region").toString(),
                "--scale",
                String.format(Locale.ROOT, "%.8f", scale),
                "--seed",
                Long.toString(seed),
                "--quiet"),
            Map.of());
    long crossings = Bench.crossingRecords(dir.resolve("region/truth/records.csv"));
    long records = lines(dir.resolve("region/truth/records.csv")) - 1;
    Path home = dir.resolve("loaded");
    commands.init(work, home);
    TimedProcess.Measurement loaded = null;
    for (String[] export : exports) {
      TimedProcess.Measurement one =
          commands.timed(
              work,
              "ingest-" + export[0],
              commands.puente(
                  "ingest",
                  "--home",
                  home.toString(),
                  "--spec",
                  commands.root().resolve("examples/specs/" + export[2] + ".yaml").toString(),
                  dir.resolve("region").resolve(export[0]).resolve(export[1]).toString(),
                  "--quiet"),
              Map.of());
      loaded = loaded == null ? one : loaded.plus(one);
      if (!keepExports) {
        dropExport(dir, export[0], export[1]);
      }
    }
    List<Row> setup = new ArrayList<>();
    setup.add(
        new Row(
            size,
            "setup",
            "puente simulate",
            crossings,
            "crossings",
            List.of(simulated),
            "",
            "",
            "",
            null));
    setup.add(
        new Row(
            size,
            "setup",
            "puente ingest of every export (22 files)",
            records,
            "records",
            List.of(loaded),
            "",
            "xlsx, csv, tsv and jsonl exports, one process each",
            "",
            null));
    saveSetup(dir, setup);
    Files.writeString(marker, identity);
    rows.addAll(setup);
    return new Region(commands, dir, size, crossings);
  }

  /** Keeps the setup rows of the region of {@code dir} with its loaded node. */
  static void saveSetup(Path dir, List<Row> setup) throws IOException {
    JSON.writeValue(dir.resolve(SETUP).toFile(), setup);
  }

  /**
   * The setup rows timed when the region of {@code dir} was made, noted as such (none for a region
   * made before they were kept): a benchmark that reuses the region, such as one restarted after
   * its region was loaded, still reports what making it took.
   */
  static List<Row> savedSetup(Path dir) throws IOException {
    Path saved = dir.resolve(SETUP);
    if (!Files.isRegularFile(saved)) {
      return List.of();
    }
    String made =
        Files.getLastModifiedTime(saved).toInstant().truncatedTo(ChronoUnit.MINUTES).toString();
    List<Row> rows = new ArrayList<>();
    for (Row row : JSON.readValue(saved.toFile(), new TypeReference<List<Row>>() {})) {
      String note = "timed when the region was made (" + made + ")";
      rows.add(row.withNote(row.note().isEmpty() ? note : row.note() + "; " + note));
    }
    return rows;
  }

  /**
   * Replaces {@code target} with a copy of the loaded node (untimed set-up of a run). The lake's
   * files are hard links, not copies: a node never writes a lake file in place (files are written
   * in staging, moved in and at most deleted), so both nodes can share them, and a copy of a
   * hundred-million-crossing node costs no second lake on disk (15 GB). The rest (catalog, keys,
   * staging) is copied.
   */
  void copyLoaded(Path target) throws IOException, InterruptedException {
    Bench.deleteTree(target);
    Path loaded = dir.resolve("loaded");
    Files.createDirectories(target);
    try (Stream<Path> entries = Files.list(loaded)) {
      for (Path entry : entries.toList()) {
        Path copy = target.resolve(entry.getFileName());
        boolean lake = entry.getFileName().toString().equals("lake");
        if (!(lake && cp("-al", entry, copy)) && !cp("-a", entry, copy)) {
          throw new IOException("could not copy " + entry + " to " + copy);
        }
      }
    }
  }

  /** {@code cp FLAGS from to}; false when it failed, and what it made is removed. */
  private static boolean cp(String flags, Path from, Path to)
      throws IOException, InterruptedException {
    Process copy =
        new ProcessBuilder("cp", flags, from.toString(), to.toString()).inheritIO().start();
    if (copy.waitFor() == 0) {
      return true;
    }
    Bench.deleteTree(to);
    return false;
  }

  /**
   * Whether {@code dir} holds a loaded region of this {@code identity} (its marker, written once
   * every export was loaded) and still has each of {@code needed} (country, file) of its exports.
   */
  static boolean reusable(Path dir, String identity, List<String[]> needed) throws IOException {
    Path marker = dir.resolve("loaded/.bench-region");
    if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(identity)) {
      return false;
    }
    for (String[] export : needed) {
      if (!Files.isRegularFile(dir.resolve("region").resolve(export[0]).resolve(export[1]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Deletes a loaded export, and its country's folder once it holds nothing more; the simulator's
   * truth ({@code region/truth}) stays.
   */
  static void dropExport(Path dir, String country, String file) throws IOException {
    Path folder = dir.resolve("region").resolve(country);
    Files.deleteIfExists(folder.resolve(file));
    try (Stream<Path> left = Files.list(folder)) {
      if (left.findAny().isEmpty()) {
        Files.delete(folder);
      }
    }
  }

  /** Country, file and spec of every simulated export. */
  private static List<String[]> exports(Path root) throws IOException {
    List<String[]> exports = new ArrayList<>();
    try (BufferedReader reader =
        Files.newBufferedReader(root.resolve("examples/specs/simulated-region.csv"))) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        exports.add(new String[] {row.get("country"), row.get("file"), row.get("spec")});
      }
    }
    return exports;
  }

  private static long lines(Path file) throws IOException {
    try (var stream = Files.lines(file)) {
      return stream.count();
    }
  }
}
