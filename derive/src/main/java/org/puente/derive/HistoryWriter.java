package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.lake.RunWriter;
import org.puente.lake.parquet.PartitionedParquetWriter;
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
  private final HistoryCounts counts = new HistoryCounts();
  private final RevisionCounts revisionCounts = new RevisionCounts();

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
   * Writes the histories of one country's {@code travellers} (walked twice: first to fit the model
   * of undecided outcomes on every traveller's final ones, then to classify and write); returns the
   * number of travellers. Each record carries the class the previous run gave it, which the
   * revisions compare ({@link NodeRecord#previousClass}).
   */
  long write(String country, RecordLoader.Travellers travellers) {
    MigrantRateModel.Fitter fitter = new MigrantRateModel.Fitter();
    travellers.forEach(
        (travellerId, history) ->
            fitter.add(
                ResidenceClassifier.trainingCases(
                    events(history), options.asOf(), options.rules())));
    MigrantRateModel model = fitter.fit(options.rules().priorStrength());
    counts.trainingCases(fitter.cases());
    long[] written = {0};
    travellers.forEach(
        (travellerId, history) -> {
          writeTraveller(country, travellerId, history, model);
          written[0]++;
        });
    // Its files wait for the commit; its open row groups leave the heap before the next country.
    writer.finishCountry(country);
    return written[0];
  }

  private void writeTraveller(
      String country, long travellerId, List<NodeRecord> history, MigrantRateModel model) {
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
      counts.returnLink(link.status());
    }
    Map<Long, UnmatchedCrossing.Reason> unmatched = new HashMap<>();
    for (UnmatchedCrossing crossing : Stays.unmatched(events, options.asOf())) {
      unmatched.put(crossing.recordId(), crossing.reason());
      counts.unmatched(crossing.reason());
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
        counts.crossing(outcome.residenceClass());
        revise(record, outcome, permille);
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
      counts.rollingLimitExceeded();
    }
  }

  private void writeStay(String country, long travellerId, Stay stay, String citizenship) {
    table(OutputTables.STAYS, EventKind.BORDER_CROSSING, country, OutputTables.STAYS_LAYOUT)
        .append(OutputTables.stayRow(travellerId, stay, citizenship));
    counts.stay(stay.end(), stay.overstay());
  }

  private void revise(NodeRecord record, CrossingOutcome outcome, Integer permille) {
    if (!revising) {
      return;
    }
    revisionCounts.crossing(
        outcome.date(),
        outcome.direction(),
        outcome.residenceClass(),
        permille,
        record.previousClass(),
        record.previousPermille());
  }

  List<MonthRevision> revisions() {
    return revisionCounts.revisions();
  }

  Map<String, Object> summary() {
    return counts.summary();
  }

  private PartitionedParquetWriter table(
      String name, EventKind kind, String country, org.puente.lake.table.TableLayout layout) {
    return writer.table(name, kind, country, layout);
  }

  private static List<HistoryEvent> events(List<NodeRecord> history) {
    List<HistoryEvent> events = new ArrayList<>(history.size());
    for (NodeRecord record : history) {
      events.add(record.event());
    }
    return events;
  }
}
