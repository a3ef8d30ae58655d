package org.puente.bench.privacy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.puente.ingest.pipeline.IngestCounts;
import org.puente.ingest.pipeline.IngestOutputs;
import org.puente.ingest.pipeline.IngestPipeline;
import org.puente.ingest.pipeline.RecordKeys;
import org.puente.ingest.read.ExportReaders;
import org.puente.ingest.store.Pseudonymiser;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.ContentHash;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.BloomEncoding;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.NodeKey;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.PersonName;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;
import org.puente.schema.RegionalSchema;
import org.puente.spec.FieldSource;
import org.puente.spec.MappingSpec;
import org.puente.spec.RowMapper;
import org.puente.spec.SpecParser;
import org.puente.spec.Violation;

/**
 * The frequency-alignment attack of issue 4 on the stored name encodings of a simulated region.
 *
 * <p>Every export of the region is read with its shipped spec and pseudonymised by ingestion's own
 * {@link Pseudonymiser} (same key for all nodes, the production BLIP seeding), so the encodings
 * attacked are byte for byte those a node would store. Each accepted record is labelled with its
 * traveller's true name from the simulator's truth ({@code records.csv} → {@code travellers.csv},
 * normalised), which is what the attacker is assumed to know the frequencies of. The attack runs
 * per country (one node's lake: what a thief of one node holds) and on the pooled region, against
 * the stored encodings, against the same names encoded without hardening, and against the
 * deterministic first-surname token.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.privacy.RegionAttack REGION [SPECS]
 *     REGION  the directory of ./puente simulate --out REGION
 *     SPECS   the shipped specs (default examples/specs)
 * -Dthresholds=0.8      the clustering attacker's Dice thresholds (comma-separated)
 * -Dpooled=true         also attack the whole region as one population
 * -Dcountries=BLZ,JAM   only these reporting countries (default all)
 * -DkeySeed=2026        the network key (EvaluationKey)
 * -Dmix=dob             attack record-level encodings of names and birth dates instead
 *                       (RecordLevelWords), stored and unhardened alike
 * </pre>
 */
public final class RegionAttack {

  private static final Pattern FILE_IN_DESCRIPTION = Pattern.compile("\\(([^()]+\\.[a-z]+)\\)$");

  /** One stored record: its true name, the stored and the unhardened encoding, the token. */
  private record Stored(String trueName, long[] stored, long[] unhardened, String firstSurname) {}

  /** An accepted record without a name: it has no encoding. */
  private static final Stored NAMELESS = new Stored("", new long[16], new long[16], "");

  private RegionAttack() {}

  public static void main(String[] args) throws IOException {
    Path region = Path.of(args[0]);
    Path specs = Path.of(args.length > 1 ? args[1] : "examples/specs");
    NodeKey key = EvaluationKey.fromSeed(Long.getLong("keySeed", 2026));
    TokenDeriver deriver = new TokenDeriver(key);
    BloomEncoder standard = new BloomEncoder(key, EncodingParameters.STANDARD);
    BloomEncoder unhardened = new BloomEncoder(key, EncodingParameters.UNHARDENED);
    DocumentEncoder documents = new DocumentEncoder(key, EncodingParameters.DOCUMENT_STANDARD);
    Map<String, String> trueNames = trueNames(region.resolve("truth/travellers.csv"));
    Map<String, String> travellerOf = travellerOfRecord(region.resolve("truth/records.csv"));
    Map<String, List<Stored>> byCountry = new TreeMap<>();
    List<String> countries =
        System.getProperty("countries", "").isEmpty()
            ? List.of()
            : List.of(System.getProperty("countries").split(","));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(specs, "*.yaml")) {
      for (Path specFile : files) {
        if (specFile.getFileName().toString().startsWith("example")) {
          continue;
        }
        MappingSpec spec =
            SpecParser.standard()
                .parse(specFile.getFileName().toString(), Files.readString(specFile));
        String country = reportingCountry(spec);
        if (!countries.isEmpty() && !countries.contains(country)) {
          continue;
        }
        Matcher file = FILE_IN_DESCRIPTION.matcher(spec.description());
        if (!file.find()) {
          throw new IllegalStateException(specFile + ": no export file name in the description");
        }
        Path export = region.resolve(country).resolve(file.group(1));
        if (!Files.exists(export)) {
          System.out.printf("%-28s no export %s%n", specFile.getFileName(), export);
          continue;
        }
        List<Stored> stored = byCountry.computeIfAbsent(country, c -> new ArrayList<>());
        int before = stored.size();
        IngestCounts counts =
            read(
                spec,
                export,
                deriver,
                standard,
                documents,
                unhardened,
                trueNames,
                travellerOf,
                stored);
        System.out.printf(
            "%-28s %-32s read %7d accepted %7d with a name %7d%n",
            specFile.getFileName(),
            country + "/" + file.group(1),
            counts.read(),
            counts.accepted(),
            stored.size() - before);
      }
    }
    List<String> thresholds = List.of(System.getProperty("thresholds", "0.8").split(","));
    List<Stored> pooled = new ArrayList<>();
    for (Map.Entry<String, List<Stored>> country : byCountry.entrySet()) {
      attack(country.getKey(), country.getValue(), thresholds);
      pooled.addAll(country.getValue());
    }
    if (Boolean.parseBoolean(System.getProperty("pooled", "true"))) {
      attack("region", pooled, thresholds);
    }
  }

  private static IngestCounts read(
      MappingSpec spec,
      Path export,
      TokenDeriver deriver,
      BloomEncoder standard,
      DocumentEncoder documents,
      BloomEncoder unhardened,
      Map<String, String> trueNames,
      Map<String, String> travellerOf,
      List<Stored> out) {
    RowMapper mapper = RowMapper.standard(spec);
    String contentSha256 = ContentHash.sha256(export);
    Pseudonymiser pseudonymiser =
        new Pseudonymiser(
            RegionalSchema.standard(), spec, deriver, standard, documents, contentSha256);
    int nameBloom =
        RecordTable.layout(RegionalSchema.standard(), spec.kind()).indexOf(RecordTable.NAME_BLOOM);
    String country = reportingCountry(spec);
    String file = export.getFileName().toString();
    IngestPipeline<Stored> pipeline =
        new IngestPipeline<>(
            mapper,
            record -> {
              Object[] row = pseudonymiser.apply(record);
              String encoding = (String) row[nameBloom];
              if (encoding == null) {
                return NAMELESS;
              }
              PersonIdentifiers identifiers = pseudonymiser.identifiers(record);
              PersonName name = identifiers.name();
              String traveller = travellerOf.get(country + "|" + file + "|" + record.recordId());
              if (traveller == null) {
                throw new IllegalStateException("no truth for record " + record.recordId());
              }
              String surname = name.surnames().isEmpty() ? "" : name.surnames().get(0);
              String date =
                  identifiers.birthDate().map(d -> d.toString().replace("-", "")).orElse(null);
              long[] stored =
                  RecordLevelWords.mixBirthDate()
                      // The record-level variant under study: names and birth date, the
                      // production flip seed.
                      ? standard.encodeBits(
                          RecordLevelWords.of(name, date),
                          new SplittableRandom(
                              standard.flipSeed(contentSha256 + "|" + record.recordId())))
                      : BloomEncoding.fromBase64(deriver.keyId(), encoding).bits();
              return new Stored(
                  trueNames.get(traveller),
                  stored,
                  // Unhardened: no flips, so the generator is never used.
                  unhardened.encodeBits(RecordLevelWords.of(name, date), new SplittableRandom(0)),
                  deriver.token(TokenKind.FIRST_SURNAME, "surname1|" + surname).value());
            },
            2);
    return pipeline.run(
        export,
        ExportReaders.forFormat(spec.source(), mapper.columns()),
        new RecordKeys(),
        new IngestOutputs<>() {
          @Override
          public void accepted(Stored row) {
            if (row != NAMELESS) {
              out.add(row);
            }
          }

          @Override
          public void rejected(
              long line, String recordId, List<Violation> violations, List<String> original) {}

          @Override
          public void duplicate(long line, String recordId) {}
        },
        done -> {});
  }

  private static void attack(String what, List<Stored> records, List<String> thresholds) {
    List<String> names = new ArrayList<>(records.size());
    List<long[]> stored = new ArrayList<>(records.size());
    List<long[]> plain = new ArrayList<>(records.size());
    List<String> tokens = new ArrayList<>(records.size());
    for (Stored record : records) {
      names.add(record.trueName());
      stored.add(record.stored());
      plain.add(record.unhardened());
      tokens.add(record.firstSurname());
    }
    System.out.printf(
        "%n%s: %d records with a name, %d distinct true names%n",
        what, records.size(), new LinkedHashSet<>(names).size());
    print(what, "stored encoding (k=15, p=0.01), exact", FrequencyAttack.exact(names, stored));
    print(what, "unhardened (k=15, p=0), exact", FrequencyAttack.exact(names, plain));
    for (String threshold : thresholds) {
      double t = Double.parseDouble(threshold);
      long started = System.nanoTime();
      print(
          what,
          "stored encoding, clustering at Dice>=" + threshold,
          FrequencyAttack.clustering(names, stored, t));
      print(
          what,
          "unhardened, clustering at Dice>=" + threshold,
          FrequencyAttack.clustering(names, plain, t));
      System.out.printf("  (clustering took %.0f s)%n", (System.nanoTime() - started) / 1e9);
    }
    print(
        what, "FIRST_SURNAME token, exact", FrequencyAttack.exact(firstSurnames(records), tokens));
  }

  /** The true first surname of each record: the traveller's, normalised (first surname word). */
  private static List<String> firstSurnames(List<Stored> records) {
    List<String> surnames = new ArrayList<>(records.size());
    for (Stored record : records) {
      surnames.add(record.trueName().split("\\|", 2)[1]);
    }
    return surnames;
  }

  private static void print(String what, String attack, FrequencyAttack.Result result) {
    System.out.printf(
        "  %-6s %-44s re-identified: %6.2f%% of records (%d), %6.2f%% of distinct names (%d)%n",
        what,
        attack,
        result.recordsPercent(),
        result.records(),
        result.namesPercent(),
        result.distinctNames());
  }

  private static String reportingCountry(MappingSpec spec) {
    return spec.field(RegionalSchema.REPORTING_COUNTRY)
        .map(field -> field.source())
        .filter(FieldSource.Constant.class::isInstance)
        .map(constant -> ((FieldSource.Constant) constant).value())
        .orElseThrow();
  }

  /**
   * Traveller id → the true name as the label the attacker aligns: the normalised words, given
   * names first, and after a bar the first surname ({@code "maria jose garcia lopez|garcia"}).
   */
  private static Map<String, String> trueNames(Path travellers) throws IOException {
    Map<String, String> names = new HashMap<>();
    for (CSVRecord row : csv(travellers)) {
      PersonName name =
          PersonName.of(row.get("given_names"), row.get("surname_1") + " " + row.get("surname_2"));
      String first = name.surnames().isEmpty() ? "" : name.surnames().get(0);
      names.put(row.get("traveller_id"), String.join(" ", name.allWords()) + "|" + first);
    }
    return names;
  }

  /** {@code country|file|record id} → traveller id. */
  private static Map<String, String> travellerOfRecord(Path records) throws IOException {
    Map<String, String> travellers = new HashMap<>();
    for (CSVRecord row : csv(records)) {
      travellers.put(
          row.get("country") + "|" + row.get("file") + "|" + row.get("record_id"),
          row.get("traveller_id"));
    }
    return travellers;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
