package org.puente.bench.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.puente.linkage.Clusters;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.Linker;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.PairwiseQuality;
import org.puente.linkage.TermFrequencies;
import org.puente.residence.Direction;

/**
 * Chooses the same-direction penalty on seeded synthetic travellers: persons with Zipf-distributed
 * names from a small vocabulary (so that different people share names and birth years), trips of an
 * arrival and a departure, typos and missing documents; departures through ports without exit
 * control are not recorded, so true clusters hold arrival after arrival too. One model is trained,
 * then linked with each penalty; pairwise quality against the persons.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.linkage.DirectionPenalty \
 *     [persons (5000)] [share of ports without exit control (0.3)] [penalties (0,1,2,3,4,6,8,12)]
 * </pre>
 */
public final class DirectionPenalty {

  private static final String[] PORTS = {"AIR1", "AIR2", "SEA1", "LAND1", "LAND2", "LAND3"};
  private static final long START = 1_767_225_600L; // 2026-01-01

  private DirectionPenalty() {}

  public static void main(String[] args) {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    double uncontrolled = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
    String penalties = args.length > 2 ? args[2] : "0,1,2,3,4,6,8,12";
    Map<Long, String> truth = new HashMap<>();
    List<LinkageRecord> records = generate(persons, uncontrolled, new SplittableRandom(5), truth);
    LinkageModel model =
        ModelTraining.train(records, LinkageSettings.DEFAULTS, new SplittableRandom(1)).model();
    TermFrequencies frequencies = TermFrequencies.of(records);
    System.out.printf(
        Locale.ROOT,
        "%d persons, %d crossings, %.0f%% of ports without exit control%n",
        persons,
        records.size(),
        100 * uncontrolled);
    for (String value : penalties.split(",")) {
      double penalty = Double.parseDouble(value);
      LinkageModel withPenalty =
          model.withSettings(model.settings().withSameDirectionPenalty(penalty));
      Clusters clusters = Linker.link(withPenalty, frequencies, records);
      System.out.printf(
          Locale.ROOT,
          "penalty %5.1f bits: %s; %d penalised candidates%n",
          penalty,
          PairwiseQuality.of(truth, clusters.assignments()),
          clusters.report().directionPenalties());
    }
  }

  static List<LinkageRecord> generate(
      int persons, double uncontrolled, SplittableRandom random, Map<Long, String> truth) {
    FebrlRecords febrl = new FebrlRecords(2026);
    String[] givens = words(60, random);
    String[] surnames = words(150, random);
    int uncontrolledPorts = (int) Math.round(uncontrolled * PORTS.length);
    List<LinkageRecord> records = new ArrayList<>();
    for (int p = 0; p < persons; p++) {
      String given = givens[zipf(givens.length, random)];
      String surname = surnames[zipf(surnames.length, random)];
      LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(40 * 365));
      String document = Long.toString(10_000_000L + random.nextInt(90_000_000));
      String sex = random.nextBoolean() ? "F" : "M";
      String citizenship = random.nextInt(3) == 0 ? "JAM" : "BLZ";
      long second = START + random.nextInt(200 * 86_400);
      int trips = 1 + random.nextInt(4);
      for (int t = 0; t < trips; t++) {
        for (Direction direction : Direction.values()) {
          int port = random.nextInt(PORTS.length);
          if (direction == Direction.DEPARTURE && port < uncontrolledPorts) {
            second += 86_400 + random.nextInt(20 * 86_400);
            continue; // left through a port that records no departures
          }
          long id = records.size();
          records.add(
              febrl.record(
                  id,
                  typo(given, 0.1, random),
                  typo(surname, 0.1, random),
                  random.nextInt(20) == 0 ? null : birth,
                  random.nextInt(3) == 0 ? null : typo(document, 0.05, random),
                  sex,
                  citizenship,
                  second,
                  direction,
                  PORTS[port],
                  random.nextLong()));
          truth.put(id, "p" + p);
          second += 86_400 + random.nextInt(20 * 86_400);
        }
      }
    }
    return records;
  }

  private static String[] words(int count, SplittableRandom random) {
    String[] words = new String[count];
    for (int i = 0; i < count; i++) {
      StringBuilder word = new StringBuilder();
      int length = 4 + random.nextInt(5);
      for (int c = 0; c < length; c++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      words[i] = word.toString();
    }
    return words;
  }

  private static int zipf(int n, SplittableRandom random) {
    double u = random.nextDouble() * Math.log(n + 1.0);
    return Math.min(n - 1, (int) Math.floor(Math.exp(u)) - 1);
  }

  private static String typo(String text, double probability, SplittableRandom random) {
    if (random.nextDouble() >= probability) {
      return text;
    }
    int at = random.nextInt(text.length());
    char replacement =
        Character.isDigit(text.charAt(at))
            ? (char) ('0' + random.nextInt(10))
            : (char) ('a' + random.nextInt(26));
    return text.substring(0, at) + replacement + text.substring(at + 1);
  }
}
