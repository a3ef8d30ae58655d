package org.puente.derive;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.puente.lake.RunWriter;
import org.puente.lake.parquet.PartitionedParquetWriter;
import org.puente.linkage.Clusters;
import org.puente.residence.CrossingOutcome;
import org.puente.residence.HistoryEvent;
import org.puente.residence.MigrantRateModel;
import org.puente.residence.ResidenceClass;
import org.puente.residence.ResidenceClassifier;
import org.puente.residence.ReturnLink;
import org.puente.residence.Returns;
import org.puente.residence.RollingLimit;
import org.puente.residence.Stay;
import org.puente.residence.Stays;
import org.puente.residence.TrainingCase;
import org.puente.residence.UnDurationClassifier;
import org.puente.residence.UnOutcome;
import org.puente.residence.UnmatchedCrossing;
import org.puente.schema.EventKind;

/**
 * Turns one country's linked records into travellers' histories and writes the run's {@code
 * histories} and {@code stays} rows: the pure functions of {@code org.puente.residence} called once
 * per traveller, over the traveller's records in time order.
 */
final class HistoryWriter {

  private final RunWriter writer;
  private final DerivationOptions options;
  private final boolean revising;
  private final Map<String, Long> counts = new TreeMap<>();
  private final Map<String, long[]> revisionCounts = new TreeMap<>();
  private final Map<String, double[]> revisionMigrants = new HashMap<>();

  /**
   * @param revising whether there is an earlier run to report revisions against (its classes come
   *     with each country's records, in {@link #write})
   */
  HistoryWriter(RunWriter writer, DerivationOptions options, boolean revising) {
    this.writer = requireNonNull(writer, "writer is null");
    this.options = requireNonNull(options, "options is null");
    this.revising = revising;
  }

  /**
   * Writes the histories of {@code records} (one country, in time order) as {@code clusters} links
   * them; returns the number of travellers. {@code previous} holds the earlier run's traveller and
   * class of each of these records it had (empty when there is no earlier run).
   */
  long write(
      String country,
      List<NodeRecord> records,
      Clusters clusters,
      LongObjectHashMap<PreviousRecord> previous) {
    requireNonNull(previous, "previous is null");
    Map<Long, List<NodeRecord>> travellers = new LinkedHashMap<>();
    for (NodeRecord record : records) {
      long traveller = clusters.assignments().get(record.key(), Long.MIN_VALUE);
      if (traveller == Long.MIN_VALUE) {
        throw new IllegalStateException("linkage left record " + record.key() + " unassigned");
      }
      travellers.computeIfAbsent(traveller, t -> new ArrayList<>()).add(record);
    }
    // The model of undecided outcomes learns from the final outcomes of every traveller first.
    List<TrainingCase> cases = new ArrayList<>();
    for (List<NodeRecord> history : travellers.values()) {
      cases.addAll(
          ResidenceClassifier.trainingCases(events(history), options.asOf(), options.rules()));
    }
    MigrantRateModel model = MigrantRateModel.fit(cases, options.rules().priorStrength());
    add("training_cases", cases.size());
    for (Map.Entry<Long, List<NodeRecord>> traveller : travellers.entrySet()) {
      writeTraveller(country, traveller.getKey(), traveller.getValue(), model, previous);
    }
    return travellers.size();
  }

  private void writeTraveller(
      String country,
      long travellerId,
      List<NodeRecord> history,
      MigrantRateModel model,
      LongObjectHashMap<PreviousRecord> previous) {
    List<HistoryEvent> events = events(history);
    Map<Long, CrossingOutcome> outcomes = new HashMap<>();
    for (CrossingOutcome outcome :
        ResidenceClassifier.classify(events, options.asOf(), options.rules(), model)) {
      outcomes.put(outcome.recordId(), outcome);
    }
    Map<Long, UnOutcome> unOutcomes = new HashMap<>();
    for (UnOutcome outcome :
        UnDurationClassifier.classify(events, options.asOf(), options.unRules(), options.rules())) {
      unOutcomes.put(outcome.recordId(), outcome);
    }
    Map<Long, ReturnLink> returns = new HashMap<>();
    for (ReturnLink link : Returns.link(events, options.asOf())) {
      returns.put(link.returnRecordId(), link);
      add("returns_" + link.status().name().toLowerCase(java.util.Locale.ROOT), 1);
    }
    Map<Long, UnmatchedCrossing.Reason> unmatched = new HashMap<>();
    for (UnmatchedCrossing crossing : Stays.unmatched(events, options.asOf())) {
      unmatched.put(crossing.recordId(), crossing.reason());
      add("unmatched_" + crossing.reason().name().toLowerCase(java.util.Locale.ROOT), 1);
    }
    for (NodeRecord record : history) {
      HistoryEvent event = record.event();
      CrossingOutcome outcome = outcomes.get(record.key());
      ReturnLink link = returns.get(record.key());
      String residenceClass = outcome == null ? null : outcome.residenceClass().name();
      boolean provisional =
          outcome != null && outcome.residenceClass() == ResidenceClass.PROVISIONAL;
      Integer permille = provisional ? (int) Math.round(outcome.migrantProbability() * 1000) : null;
      table(OutputTables.HISTORIES, event.kind(), country, OutputTables.HISTORIES_LAYOUT)
          .append(
              new Object[] {
                record.submissionId(),
                NodeRecord.sourceLineOf(record.key()),
                record.recordRef(),
                country,
                event.kind().name(),
                event.date(),
                event.direction() == null ? null : event.direction().name(),
                event.port(),
                event.citizenship(),
                travellerId,
                residenceClass,
                provisional ? outcome.predictedClass().name() : null,
                permille,
                outcome == null ? null : outcome.residentBefore(),
                unOutcomes.containsKey(record.key())
                    ? unOutcomes.get(record.key()).unClass().name()
                    : null,
                link == null || link.daysAbroad().isEmpty() ? null : link.daysAbroad().getAsInt(),
                unmatched.containsKey(record.key()) ? unmatched.get(record.key()).name() : null
              });
      if (outcome != null) {
        add("class_" + residenceClass.toLowerCase(java.util.Locale.ROOT), 1);
        revise(record.key(), outcome, permille, previous);
      }
    }
    writeTravellerRow(country, travellerId, history, events, outcomes.size());
    for (Stay stay : Stays.of(events, options.asOf())) {
      writeStay(country, travellerId, stay, history.get(0).event().citizenship());
    }
  }

  private void writeTravellerRow(
      String country,
      long travellerId,
      List<NodeRecord> history,
      List<HistoryEvent> events,
      int crossings) {
    RollingLimit.Result rolling = options.rollingLimit().check(events, options.asOf());
    HistoryEvent first = history.get(0).event();
    table(OutputTables.TRAVELLERS, first.kind(), country, OutputTables.TRAVELLERS_LAYOUT)
        .append(
            new Object[] {
              travellerId,
              country,
              first.date(),
              history.get(history.size() - 1).event().date(),
              history.size(),
              crossings,
              first.citizenship(),
              rolling.maxDaysInWindow(),
              rolling.daysOver(),
              rolling.firstDayOver().orElse(null)
            });
    if (rolling.exceeded()) {
      add("rolling_limit_exceeded", 1);
    }
  }

  private void writeStay(String country, long travellerId, Stay stay, String citizenship) {
    table(OutputTables.STAYS, EventKind.BORDER_CROSSING, country, OutputTables.STAYS_LAYOUT)
        .append(OutputTables.stayRow(travellerId, stay, citizenship));
    add("stays", 1);
    add("stays_" + stay.end().name().toLowerCase(java.util.Locale.ROOT), 1);
    add("overstay_" + stay.overstay().name().toLowerCase(java.util.Locale.ROOT), 1);
  }

  private void revise(
      long key,
      CrossingOutcome outcome,
      Integer permille,
      LongObjectHashMap<PreviousRecord> previous) {
    if (!revising) {
      return;
    }
    String month = YearMonth.from(outcome.date()) + " " + outcome.direction().name();
    long[] cells = revisionCounts.computeIfAbsent(month, m -> new long[5]);
    double[] migrants = revisionMigrants.computeIfAbsent(month, m -> new double[2]);
    PreviousRecord earlier = previous.get(key);
    if (earlier == null || earlier.residenceClass() == null) {
      cells[4]++;
      return;
    }
    String now = outcome.residenceClass().name();
    cells[0]++;
    boolean wasProvisional = earlier.residenceClass().equals(ResidenceClass.PROVISIONAL.name());
    if (!now.equals(earlier.residenceClass())) {
      cells[1]++;
      if (wasProvisional) {
        cells[2]++;
      } else if (outcome.isFinal()) {
        cells[3]++;
      }
    }
    migrants[0] +=
        wasProvisional
            ? earlier.predictedPermille() / 1000.0
            : ResidenceClass.valueOf(earlier.residenceClass()).isMigrant() ? 1 : 0;
    migrants[1] +=
        permille != null ? permille / 1000.0 : outcome.residenceClass().isMigrant() ? 1 : 0;
  }

  List<MonthRevision> revisions() {
    List<MonthRevision> revisions = new ArrayList<>();
    for (Map.Entry<String, long[]> month : revisionCounts.entrySet()) {
      String[] parts = month.getKey().split(" ");
      long[] cells = month.getValue();
      double[] migrants = revisionMigrants.get(month.getKey());
      revisions.add(
          new MonthRevision(
              YearMonth.parse(parts[0]),
              parts[1],
              cells[0],
              cells[1],
              cells[2],
              cells[3],
              cells[4],
              migrants[0],
              migrants[1]));
    }
    return revisions;
  }

  Map<String, Object> summary() {
    return new LinkedHashMap<>(counts);
  }

  private PartitionedParquetWriter table(
      String name, EventKind kind, String country, org.puente.lake.table.TableLayout layout) {
    return writer.table(name, kind, country, layout);
  }

  private void add(String counter, long value) {
    counts.merge(counter, value, Long::sum);
  }

  private static List<HistoryEvent> events(List<NodeRecord> history) {
    List<HistoryEvent> events = new ArrayList<>(history.size());
    for (NodeRecord record : history) {
      events.add(record.event());
    }
    return events;
  }
}
