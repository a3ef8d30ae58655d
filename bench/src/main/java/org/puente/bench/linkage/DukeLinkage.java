package org.puente.bench.linkage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.DataSource;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.datasources.InMemoryDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.puente.linkage.PairwiseQuality;

/**
 * Duke (no.priv.garshol.duke:duke:1.2), the reference linker of the benchmark, run in this JVM
 * through its Java API on clear data, scored the way Puente's own linkage is scored: Duke's matches
 * are closed transitively into clusters and {@link PairwiseQuality} counts the pairs within
 * clusters against the truth labels. Prints one JSON object.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.linkage.DukeLinkage febrl FEBRL_DIR [threshold]
 * java -cp bench/target/benchmarks.jar org.puente.bench.linkage.DukeLinkage sim EXPORT_CSV TRUTH_RECORDS_CSV [threshold]
 * </pre>
 *
 * <p>{@code febrl}: record linkage of FEBRL4's dataset4a against dataset4b ({@link
 * DukeSchema#febrl4}), truth the entity number in {@code rec_id}. {@code sim}: deduplication of a
 * simulated Guatemalan crossing export ({@link DukeSchema#gtmCrossings}), truth the {@code
 * traveller_id} of the simulator's {@code truth/records.csv}.
 */
public final class DukeLinkage {

  /** The FEBRL4 threshold measured best in docs/LINKAGE.md. */
  public static final double FEBRL_THRESHOLD = 0.95;

  /** The crossings threshold measured best on a simulated region (docs/LINKAGE.md). */
  public static final double SIM_THRESHOLD = 0.95;

  /** Records per batch, the command-line Duke's default. */
  private static final int BATCH_SIZE = 40_000;

  private DukeLinkage() {}

  /**
   * The outcome of one run.
   *
   * @param records the records Duke linked
   * @param truePairs pairs of records with the same truth label
   * @param foundPairs pairs of records in the same cluster of Duke's matches
   * @param seconds wall time of Duke's indexing and matching, not of reading the files
   * @param comparisons record pairs Duke compared ({@link Processor#getComparisonCount})
   * @param matches distinct record pairs Duke reported above the threshold
   * @param trueMatches those of the matches whose records carry the same truth label (their share
   *     of the matches is the precision Duke's own {@code --testfile} evaluation reports)
   */
  public record Result(
      String tool,
      String dataset,
      int records,
      double threshold,
      long truePairs,
      long foundPairs,
      long truePositives,
      double precision,
      double recall,
      double f1,
      double seconds,
      long comparisons,
      long matches,
      long trueMatches) {}

  /**
   * Records to link and their truth.
   *
   * @param groups one group (deduplication) or two (record linkage of the first against the second)
   * @param truth the truth label of each record id; records without one are linked but not scored
   */
  public record Input(List<List<Record>> groups, Map<String, String> truth) {
    public Input {
      groups = List.copyOf(requireNonNull(groups, "groups is null"));
      truth = Map.copyOf(requireNonNull(truth, "truth is null"));
      if (groups.isEmpty() || groups.size() > 2) {
        throw new IllegalArgumentException("one or two groups, not " + groups.size());
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: DukeLinkage febrl FEBRL_DIR [threshold]\n"
              + "       DukeLinkage sim EXPORT_CSV TRUTH_RECORDS_CSV [threshold]");
      System.exit(2);
    }
    Result result =
        switch (args[0]) {
          case "febrl" -> febrl(Path.of(args[1]), threshold(args, 2, FEBRL_THRESHOLD));
          case "sim" -> {
            if (args.length < 3) {
              throw new IllegalArgumentException("sim needs EXPORT_CSV and TRUTH_RECORDS_CSV");
            }
            yield sim(Path.of(args[1]), Path.of(args[2]), threshold(args, 3, SIM_THRESHOLD));
          }
          default -> throw new IllegalArgumentException("febrl or sim, not " + args[0]);
        };
    System.out.println(new ObjectMapper().writeValueAsString(result));
  }

  private static double threshold(String[] args, int index, double fallback) {
    return args.length > index ? Double.parseDouble(args[index]) : fallback;
  }

  /** FEBRL4: dataset4a linked against dataset4b. */
  public static Result febrl(Path dir, double threshold) throws IOException {
    DukeSchema schema = DukeSchema.febrl4(threshold);
    Map<String, String> truth = new HashMap<>();
    List<List<Record>> groups = new ArrayList<>();
    CSVFormat format = FebrlRecords.FEBRL_CSV;
    for (String name : List.of("dataset4a.csv", "dataset4b.csv")) {
      List<Record> group = new ArrayList<>();
      for (CSVRecord row : rows(dir.resolve(name), StandardCharsets.UTF_8, format)) {
        String id = row.get(schema.idColumn());
        truth.put(id, id.split("-")[1]);
        group.add(schema.record(row::get));
      }
      groups.add(group);
    }
    return run("febrl4", schema, new Input(groups, truth));
  }

  /** A simulated Guatemalan crossing export, deduplicated. */
  public static Result sim(Path export, Path truthRecords, double threshold) throws IOException {
    DukeSchema schema = DukeSchema.gtmCrossings(threshold);
    return run("sim-gtm", schema, crossings(export, truthRecords, schema));
  }

  /**
   * The records of a crossing export in the layout of examples/specs/gtm-crossings.yaml
   * (semicolon-separated Latin-1 with a header) and their travellers from the simulator's truth
   * (rows of the export's file name). Lines that are not data, blank or with another number of
   * fields than the header (a title or totals line), are skipped.
   */
  public static Input crossings(Path export, Path truthRecords, DukeSchema schema)
      throws IOException {
    CSVFormat exportFormat =
        CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
    List<Record> records = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (CSVRecord row : rows(export, StandardCharsets.ISO_8859_1, exportFormat)) {
      if (row.isConsistent() && !row.get(schema.idColumn()).isBlank()) {
        Record record = schema.record(row::get);
        records.add(record);
        ids.add(record.getValue(DukeSchema.ID));
      }
    }
    String file = export.getFileName().toString();
    CSVFormat truthFormat = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    Map<String, String> truth = new HashMap<>();
    for (CSVRecord row : rows(truthRecords, StandardCharsets.UTF_8, truthFormat)) {
      String id = row.get("record_id");
      if (row.get("file").equals(file) && ids.contains(id)) {
        truth.put(id, row.get("traveller_id"));
      }
    }
    return new Input(List.of(records), truth);
  }

  private static List<CSVRecord> rows(Path file, Charset charset, CSVFormat format)
      throws IOException {
    try (Reader reader = Files.newBufferedReader(file, charset);
        CSVParser parser = format.parse(reader)) {
      return parser.getRecords();
    }
  }

  /**
   * Links the input with Duke in one thread, an in-memory Lucene index and every match above the
   * threshold kept (the command-line Duke's defaults), and scores the clusters of the matches.
   */
  public static Result run(String dataset, DukeSchema schema, Input input) {
    ConfigurationImpl configuration = schema.configuration();
    List<Collection<DataSource>> sources = new ArrayList<>();
    for (int group = 0; group < input.groups().size(); group++) {
      DataSource source = new InMemoryDataSource(input.groups().get(group));
      // Group 0 is deduplication; groups 1 and 2 are record linkage.
      configuration.addDataSource(input.groups().size() == 1 ? 0 : group + 1, source);
      sources.add(List.of(source));
    }
    List<String> ids = new ArrayList<>();
    input.groups().forEach(group -> group.forEach(r -> ids.add(r.getValue(DukeSchema.ID))));
    Matches matches = new Matches();
    long start = System.nanoTime();
    Processor processor = new Processor(configuration);
    long comparisons;
    try {
      processor.addMatchListener(matches);
      if (sources.size() == 1) {
        processor.deduplicate(sources.get(0), BATCH_SIZE);
      } else {
        processor.link(sources.get(0), sources.get(1), true, BATCH_SIZE);
      }
      comparisons = processor.getComparisonCount();
    } finally {
      processor.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PairwiseQuality quality = quality(ids, input.truth(), matches.pairs);
    return new Result(
        "duke",
        dataset,
        ids.size(),
        schema.threshold(),
        quality.truePositives() + quality.falseNegatives(),
        quality.truePositives() + quality.falsePositives(),
        quality.truePositives(),
        quality.precision(),
        quality.recall(),
        quality.f1(),
        seconds,
        comparisons,
        matches.pairs.size(),
        trueMatches(input.truth(), matches.pairs));
  }

  private static long trueMatches(Map<String, String> truth, Collection<Match> matches) {
    long count = 0;
    for (Match match : matches) {
      String label = truth.get(match.first());
      if (label != null && label.equals(truth.get(match.second()))) {
        count++;
      }
    }
    return count;
  }

  /** A matched pair of record ids, in either order. */
  public record Match(String first, String second) {
    public Match {
      requireNonNull(first, "first is null");
      requireNonNull(second, "second is null");
    }
  }

  /**
   * Pairwise quality of the transitive closure of the matches: every record of {@code ids} starts
   * alone, each match joins two clusters, and {@link PairwiseQuality} compares the clusters with
   * the truth labels, as {@code puente linkage evaluate} and {@link FebrlLinkage} do.
   */
  public static PairwiseQuality quality(
      List<String> ids, Map<String, String> truth, Collection<Match> matches) {
    Map<String, Integer> index = new HashMap<>();
    for (String id : ids) {
      if (index.putIfAbsent(id, index.size()) != null) {
        throw new IllegalArgumentException("record id " + id + " appears twice");
      }
    }
    int[] parent = new int[index.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Match match : matches) {
      int a = root(parent, index.get(match.first()));
      int b = root(parent, index.get(match.second()));
      parent[Math.max(a, b)] = Math.min(a, b);
    }
    Map<Long, String> labels = new LinkedHashMap<>();
    Map<Long, Long> clusters = new HashMap<>();
    for (Map.Entry<String, Integer> entry : index.entrySet()) {
      String label = truth.get(entry.getKey());
      if (label != null) {
        long record = entry.getValue();
        labels.put(record, label);
        clusters.put(record, (long) root(parent, entry.getValue()));
      }
    }
    return PairwiseQuality.of(labels, clusters);
  }

  private static int root(int[] parent, int node) {
    int root = node;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[node] != root) {
      int next = parent[node];
      parent[node] = root;
      node = next;
    }
    return root;
  }

  /** Collects the distinct pairs Duke reports as matches (deduplication reports each twice). */
  private static final class Matches extends AbstractMatchListener {
    private final Set<Match> pairs = new HashSet<>();

    @Override
    public void matches(Record first, Record second, double confidence) {
      String a = first.getValue(DukeSchema.ID);
      String b = second.getValue(DukeSchema.ID);
      pairs.add(a.compareTo(b) < 0 ? new Match(a, b) : new Match(b, a));
    }
  }
}
