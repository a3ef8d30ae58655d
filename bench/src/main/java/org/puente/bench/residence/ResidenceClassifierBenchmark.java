package org.puente.bench.residence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.puente.residence.Direction;
import org.puente.residence.HistoryEvent;
import org.puente.residence.MigrantRateModel;
import org.puente.residence.ResidenceClassifier;
import org.puente.residence.ResidenceRules;
import org.puente.residence.Stays;
import org.puente.residence.TrainingCase;

/**
 * Single-country residence functions per traveller: 1,024 seeded travellers of one country (70%
 * visitors with one to three short trips, 20% residents with trips abroad over three years, 10%
 * settlers with trips home), observed to 2025-12-31 so that recent crossings are provisional and
 * use the fitted model. One operation = one traveller.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class ResidenceClassifierBenchmark {

  private static final int TRAVELLERS = 1024;
  private static final LocalDate START = LocalDate.of(2023, 1, 1);
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  private final List<List<HistoryEvent>> histories = new ArrayList<>();
  private final MigrantRateModel model;

  public ResidenceClassifierBenchmark() {
    SplittableRandom random = new SplittableRandom(11);
    long id = 1;
    for (int t = 0; t < TRAVELLERS; t++) {
      int kind = random.nextInt(10);
      String citizenship = kind < 7 ? "NIC" : kind < 9 ? "CRI" : "PAN";
      List<HistoryEvent> h = new ArrayList<>();
      int day = random.nextInt(0, 900);
      if (kind >= 7 && kind < 9) {
        for (int trip = 0; trip < 6 && day < 1090; trip++) {
          h.add(crossing(id++, day, Direction.DEPARTURE, citizenship));
          day += random.nextInt(2, 30);
          h.add(crossing(id++, day, Direction.ARRIVAL, citizenship));
          day += random.nextInt(30, 200);
        }
      } else {
        int trips = kind == 9 ? 3 : random.nextInt(1, 4);
        for (int trip = 0; trip < trips && day < 1090; trip++) {
          h.add(crossing(id++, day, Direction.ARRIVAL, citizenship));
          day += kind == 9 ? random.nextInt(150, 400) : random.nextInt(2, 40);
          if (day < 1095) {
            h.add(crossing(id++, day, Direction.DEPARTURE, citizenship));
          }
          day += random.nextInt(5, 200);
        }
      }
      histories.add(List.copyOf(h));
    }
    List<TrainingCase> cases = new ArrayList<>();
    for (List<HistoryEvent> h : histories) {
      cases.addAll(ResidenceClassifier.trainingCases(h, AS_OF, ResidenceRules.DEFAULT));
    }
    model = MigrantRateModel.fit(cases, 20.0);
  }

  private static HistoryEvent crossing(long id, int day, Direction direction, String citizenship) {
    return HistoryEvent.crossing(id, START.plusDays(day), direction, "SJO", "CRI", citizenship);
  }

  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public int classify() {
    int n = 0;
    for (List<HistoryEvent> h : histories) {
      n += ResidenceClassifier.classify(h, AS_OF, ResidenceRules.DEFAULT, model).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public int trainingCases() {
    int n = 0;
    for (List<HistoryEvent> h : histories) {
      n += ResidenceClassifier.trainingCases(h, AS_OF, ResidenceRules.DEFAULT).size();
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(TRAVELLERS)
  public int stays() {
    int n = 0;
    for (List<HistoryEvent> h : histories) {
      n += Stays.of(h, AS_OF).size();
    }
    return n;
  }
}
