package org.puente.bench.privacy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.puente.bench.Zipf;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.NodeKey;
import org.puente.privacy.PersonName;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;

/**
 * Runs {@link FrequencyAttack} on name populations and prints the share re-identified with and
 * without hardening, and for the deterministic first-surname token.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.privacy.AttackEvaluation \
 *     febrl [DIR]                       # the 10,000 names of FEBRL4 (dataset4a + dataset4b)
 *     zipf RECORDS EXPONENT SEED [DIR]  # given name and surname drawn independently, Zipf over
 *                                       # the distinct FEBRL4 given names and surnames
 *     names FILE.csv                    # any population: columns given_names,surnames
 * </pre>
 *
 * {@code -Dencodings=10:0,15:0.02} chooses the encodings attacked (hashes:flipProbability).
 */
public final class AttackEvaluation {

  /** The attacker tries several cluster thresholds; the report gives each. */
  private static final double[] CLUSTER_THRESHOLDS = {0.7, 0.8, 0.9};

  private AttackEvaluation() {}

  public static void main(String[] args) throws IOException {
    List<PersonName> population = population(args);
    List<String> trueNames = new ArrayList<>();
    List<String> trueSurnames = new ArrayList<>();
    for (PersonName name : population) {
      trueNames.add(String.join(" ", name.allWords()));
      trueSurnames.add(name.surnames().isEmpty() ? "" : name.surnames().get(0));
    }
    System.out.printf(
        "population %s: %d records, %d distinct full names, %d distinct first surnames%n",
        String.join(" ", args),
        population.size(),
        new LinkedHashSet<>(trueNames).size(),
        new LinkedHashSet<>(trueSurnames).size());
    NodeKey key = EvaluationKey.fromSeed(Long.getLong("keySeed", 2026));
    for (EncodingParameters parameters : settings()) {
      BloomEncoder encoder = new BloomEncoder(key, parameters);
      SplittableRandom random = new SplittableRandom(7);
      List<long[]> encodings = new ArrayList<>();
      for (PersonName name : population) {
        encodings.add(encoder.encodeBits(name.allWords(), random));
      }
      String what = "encoding k=" + parameters.hashes() + " flip=" + parameters.flipProbability();
      print(what + ", exact attacker", FrequencyAttack.exact(trueNames, encodings));
      for (double threshold : CLUSTER_THRESHOLDS) {
        print(
            what + ", clustering attacker (Dice>=" + threshold + ")",
            FrequencyAttack.clustering(trueNames, encodings, threshold));
      }
    }
    TokenDeriver deriver = new TokenDeriver(key);
    List<String> tokens = new ArrayList<>();
    for (String surname : trueSurnames) {
      tokens.add(deriver.token(TokenKind.FIRST_SURNAME, "surname1|" + surname).value());
    }
    print("FIRST_SURNAME token, exact attacker", FrequencyAttack.exact(trueSurnames, tokens));
  }

  /** {@code -Dencodings=10:0,15:0.02} (hashes:flipProbability), else unhardened and standard. */
  private static List<EncodingParameters> settings() {
    String property = System.getProperty("encodings");
    if (property == null) {
      return List.of(EncodingParameters.UNHARDENED, EncodingParameters.STANDARD);
    }
    List<EncodingParameters> settings = new ArrayList<>();
    for (String setting : property.split(",")) {
      String[] parts = setting.split(":");
      settings.add(
          new EncodingParameters(Integer.parseInt(parts[0]), Double.parseDouble(parts[1])));
    }
    return settings;
  }

  private static void print(String what, FrequencyAttack.Result result) {
    System.out.printf(
        "%-52s re-identified: %6.2f%% of records (%d), %6.2f%% of distinct names (%d)%n",
        what,
        result.recordsPercent(),
        result.records(),
        result.namesPercent(),
        result.distinctNames());
  }

  private static List<PersonName> population(String[] args) throws IOException {
    String kind = args.length > 0 ? args[0] : "febrl";
    switch (kind) {
      case "febrl" -> {
        Path dir = Path.of(args.length > 1 ? args[1] : "/work/shared/data/febrl");
        List<PersonName> names = new ArrayList<>();
        for (String file : List.of("dataset4a.csv", "dataset4b.csv")) {
          Febrl.read(dir.resolve(file)).forEach(person -> names.add(person.name()));
        }
        return names;
      }
      case "zipf" -> {
        int records = Integer.parseInt(args[1]);
        double exponent = Double.parseDouble(args[2]);
        long seed = Long.parseLong(args[3]);
        Path dir = Path.of(args.length > 4 ? args[4] : "/work/shared/data/febrl");
        return zipf(dir, records, exponent, seed);
      }
      case "names" -> {
        return readNames(Path.of(args[1]));
      }
      default -> throw new IllegalArgumentException("population is febrl, zipf or names");
    }
  }

  /**
   * A population whose given names and surnames follow Zipf laws over the distinct FEBRL4 given
   * names and surnames (in the order first met, shuffled by the seed).
   */
  static List<PersonName> zipf(Path dir, int records, double exponent, long seed)
      throws IOException {
    LinkedHashSet<String> given = new LinkedHashSet<>();
    LinkedHashSet<String> surnames = new LinkedHashSet<>();
    for (Febrl.Person person : Febrl.read(dir.resolve("dataset4a.csv"))) {
      given.addAll(person.name().givenNames());
      surnames.addAll(person.name().surnames());
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<String> givenVocabulary = shuffled(new ArrayList<>(given), random);
    List<String> surnameVocabulary = shuffled(new ArrayList<>(surnames), random);
    double[] givenCdf = Zipf.cdf(givenVocabulary.size(), exponent);
    double[] surnameCdf = Zipf.cdf(surnameVocabulary.size(), exponent);
    List<PersonName> names = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      names.add(
          new PersonName(
              List.of(givenVocabulary.get(Zipf.draw(givenCdf, random))),
              List.of(surnameVocabulary.get(Zipf.draw(surnameCdf, random)))));
    }
    return names;
  }

  private static List<String> shuffled(List<String> words, SplittableRandom random) {
    for (int i = words.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = words.get(i);
      words.set(i, words.get(j));
      words.set(j, swap);
    }
    return words;
  }

  private static List<PersonName> readNames(Path file) throws IOException {
    List<PersonName> names = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(reader)) {
        names.add(PersonName.of(row.get("given_names"), row.get("surnames")));
      }
    }
    return names;
  }
}
