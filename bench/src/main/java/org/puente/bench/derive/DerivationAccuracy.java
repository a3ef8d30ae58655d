package org.puente.bench.derive;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The 12/16-month classes of {@code puente export crossings} against the simulator's truth: for
 * every exported crossing whose class is final, whether it agrees with the true final class
 * (migrant or not), by reporting country, with the disagreements by the true traveller's behaviour.
 * Usage: {@code DerivationAccuracy CROSSINGS.csv REGION/truth}.
 */
public final class DerivationAccuracy {

  private DerivationAccuracy() {}

  public static void main(String[] args) throws IOException {
    Path crossings = Path.of(args[0]);
    Path truth = Path.of(args[1]);
    Map<String, String[]> records = new HashMap<>();
    for (CSVRecord row : csv(truth.resolve("records.csv"), ',')) {
      records.put(
          row.get("file") + "/" + row.get("record_id"),
          new String[] {row.get("country"), row.get("traveller_id"), row.get("crossing_seq")});
    }
    Map<String, String> classes = new HashMap<>();
    for (CSVRecord row : csv(truth.resolve("crossings.csv"), ',')) {
      classes.put(row.get("traveller_id") + "/" + row.get("seq"), row.get("class"));
    }
    Map<String, String> behaviour = new HashMap<>();
    for (CSVRecord row : csv(truth.resolve("travellers.csv"), ',')) {
      behaviour.put(row.get("traveller_id"), row.get("behaviour"));
    }
    Map<String, long[]> byCountry = new TreeMap<>();
    Map<String, Long> wrongBy = new TreeMap<>();
    for (CSVRecord row : csv(crossings, ',')) {
      String[] record = records.get(row.get("file") + "/" + row.get("record_id"));
      if (record == null) {
        throw new IllegalArgumentException(
            "no truth for " + row.get("file") + " " + row.get("record_id"));
      }
      long[] counts = byCountry.computeIfAbsent(record[0], c -> new long[4]);
      counts[0]++;
      String ours = row.get("class");
      if (ours.equals("PROVISIONAL")) {
        counts[3]++;
        continue;
      }
      counts[1]++;
      boolean migrant = ours.startsWith("MIGRANT_");
      boolean trulyMigrant = "LONG_TERM".equals(classes.get(record[1] + "/" + record[2]));
      if (migrant == trulyMigrant) {
        counts[2]++;
      } else {
        wrongBy.merge(
            ours
                + " (truly "
                + (trulyMigrant ? "long-term" : "short-term")
                + "), "
                + behaviour.get(record[1]),
            1L,
            Long::sum);
      }
    }
    long[] total = new long[4];
    System.out.println("country  crossings  final  agree   share  provisional");
    for (Map.Entry<String, long[]> country : byCountry.entrySet()) {
      long[] c = country.getValue();
      print(country.getKey(), c);
      for (int i = 0; i < 4; i++) {
        total[i] += c[i];
      }
    }
    print("all", total);
    System.out.println("disagreements by our class, the true class and the traveller's behaviour:");
    wrongBy.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(12)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %,8d  %s%n", e.getValue(), e.getKey()));
  }

  private static void print(String name, long[] c) {
    System.out.printf(
        Locale.ROOT,
        "%-7s %,10d %,6d %,6d  %.4f  %,d%n",
        name,
        c[0],
        c[1],
        c[2],
        c[1] == 0 ? 0.0 : c[2] / (double) c[1],
        c[3]);
  }

  private static Iterable<CSVRecord> csv(Path file, char delimiter) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setDelimiter(delimiter)
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
