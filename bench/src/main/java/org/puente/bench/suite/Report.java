package org.puente.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the benchmark's results: {@code bench-STARTED.md} (a table per region size, the scaling
 * table when there are several sizes, the microbenchmarks) and {@code bench-STARTED.json} (every
 * run of every row), named by the time the benchmark started so that a later benchmark in the same
 * folder (which reuses its regions) keeps them; {@code bench.md} and {@code bench.json} are copies
 * of the latest. Returns the Markdown.
 */
final class Report {

  private Report() {}

  static String write(
      Path out,
      String started,
      Machine machine,
      List<Row> rows,
      List<MicroResult> micro,
      boolean finished)
      throws IOException {
    String markdown = markdown(machine, rows, micro, finished);
    Files.writeString(out.resolve("bench-" + started + ".md"), markdown);
    Files.writeString(out.resolve("bench.md"), markdown);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("machine", machine);
    List<Map<String, Object>> measured = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("size", row.size());
      entry.put("leg", row.leg());
      entry.put("name", row.name());
      entry.put("records", row.records());
      entry.put("unit", row.unit());
      entry.put("medianSeconds", row.medianSeconds());
      entry.put("minSeconds", row.minSeconds());
      entry.put("maxSeconds", row.maxSeconds());
      entry.put("medianCpuSeconds", row.medianCpuSeconds());
      entry.put("peakRssMib", row.peakRssMib());
      entry.put("liveHeapMib", row.liveHeapMib());
      entry.put("perSecond", row.perSecond());
      entry.put("reference", row.reference());
      ratio(row, rows).ifPresent(ratio -> entry.put("ratioToReference", ratio));
      entry.put("note", row.note());
      entry.put("target", row.target());
      entry.put("met", row.met());
      entry.put("runs", row.runs());
      measured.add(entry);
    }
    json.put("rows", measured);
    json.put("micro", micro);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.writeValue(out.resolve("bench-" + started + ".json").toFile(), json);
    mapper.writeValue(out.resolve("bench.json").toFile(), json);
    return markdown;
  }

  /** This row's median time divided by its reference's, on the same region. */
  static Optional<Double> ratio(Row row, List<Row> rows) {
    if (row.reference().isEmpty()) {
      return Optional.empty();
    }
    return rows.stream()
        .filter(other -> other.size() == row.size() && other.name().equals(row.reference()))
        .findFirst()
        .map(reference -> row.medianSeconds() / reference.medianSeconds());
  }

  /** A row's live heap for a table: empty when no full collection showed it. */
  private static String liveHeap(Row row) {
    return row.liveHeapMib() > 0 ? String.format(Locale.ROOT, "%,.0f", row.liveHeapMib()) : "";
  }

  static String markdown(
      Machine machine, List<Row> rows, List<MicroResult> micro, boolean finished) {
    StringBuilder text = new StringBuilder();
    text.append("# puente bench").append(finished ? "" : " (in progress)").append("\n\n");
    text.append("Machine: ").append(machine).append(".\n");
    Set<Long> sizes = new LinkedHashSet<>();
    rows.forEach(row -> sizes.add(row.size()));
    for (long size : sizes) {
      text.append(String.format(Locale.ROOT, "%n## Region of %,d crossings (requested)%n%n", size));
      text.append(
          "| leg | what | records | runs | median s | spread s | CPU s | peak RSS MiB | live heap MiB"
              + " | records/s | time vs reference | target | met | note |\n");
      text.append("|---|---|--:|--:|--:|---|--:|--:|--:|--:|---|---|---|---|\n");
      for (Row row : rows) {
        if (row.size() != size) {
          continue;
        }
        text.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,d %s | %d | %.2f | %.2f-%.2f | %.1f | %,.0f | %s | %,.0f | %s | %s | %s"
                    + " | %s |%n",
                row.leg(),
                row.name(),
                row.records(),
                row.unit(),
                row.runs().size(),
                row.medianSeconds(),
                row.minSeconds(),
                row.maxSeconds(),
                row.medianCpuSeconds(),
                row.peakRssMib(),
                liveHeap(row),
                row.perSecond(),
                ratio(row, rows)
                    .map(r -> String.format(Locale.ROOT, "%.2f x %s", r, row.reference()))
                    .orElse(""),
                row.target(),
                row.met() == null ? "" : row.met() ? "yes" : "**no**",
                row.note()));
      }
    }
    if (sizes.size() > 1) {
      text.append("\n## Scaling\n\n");
      text.append(
          "| what | crossings | median s | records/s | peak RSS MiB | live heap MiB | time ratio to"
              + " the first size | size ratio |\n|---|--:|--:|--:|--:|--:|--:|--:|\n");
      // Rows measured at two sizes or more (linkage runs once, setup only where a region was made).
      Map<String, Long> sizesOf =
          rows.stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      Row::name, LinkedHashMap::new, java.util.stream.Collectors.counting()));
      Set<String> names = new LinkedHashSet<>();
      sizesOf.forEach(
          (name, count) -> {
            if (count > 1) {
              names.add(name);
            }
          });
      for (String name : names) {
        Row first = null;
        for (Row row : rows) {
          if (!row.name().equals(name)) {
            continue;
          }
          first = first == null ? row : first;
          text.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %,d | %.2f | %,.0f | %,.0f | %s | %.2f | %.2f |%n",
                  name,
                  row.records(),
                  row.medianSeconds(),
                  row.perSecond(),
                  row.peakRssMib(),
                  liveHeap(row),
                  row.medianSeconds() / first.medianSeconds(),
                  (double) row.records() / first.records()));
        }
      }
    }
    if (!micro.isEmpty()) {
      text.append("\n## Microbenchmarks (JMH, one thread, 1 fork, 3 x 1 s warm-up, 5 x 1 s)\n\n");
      text.append(
          "| benchmark | score | error (99.9%) | unit | target | met |\n|---|--:|--:|---|---|---|\n");
      for (MicroResult result : micro) {
        text.append(
            String.format(
                Locale.ROOT,
                "| %s | %,.0f | %,.0f | %s | %s | %s |%n",
                result.name(),
                result.score(),
                result.error(),
                result.unit(),
                result.target(),
                result.met() == null ? "" : result.met() ? "yes" : "**no**"));
      }
    }
    return text.toString();
  }
}
