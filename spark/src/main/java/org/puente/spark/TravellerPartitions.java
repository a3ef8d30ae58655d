package org.puente.spark;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.puente.derive.NodeRecord;
import org.puente.derive.OutputTables;
import org.puente.residence.CrossingOutcome;
import org.puente.residence.Direction;
import org.puente.residence.HistoryEvent;
import org.puente.residence.MigrantRateModel;
import org.puente.residence.ResidenceClass;
import org.puente.residence.ResidenceClassifier;
import org.puente.residence.ResidenceRules;
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
 * The per-traveller steps as Spark partition functions. A partition holds whole travellers, its
 * rows ordered by country, traveller, event time and key ({@link SparkClassification}); each
 * traveller's rows become the {@link HistoryEvent}s the DuckDB engine builds ({@code RecordLoader})
 * and go through the same functions of {@code org.puente.residence} ({@code HistoryWriter}).
 */
final class TravellerPartitions {

  private TravellerPartitions() {}

  /**
   * One traveller's history in one country: its events in time order, and each event's record
   * reference (the lake's {@code record_id}).
   */
  record History(
      String country, long travellerId, List<HistoryEvent> events, List<String> recordRefs) {}

  /** The training cases of every traveller, one row per case (SparkClassification.CASES). */
  static final class TrainingCases implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ClassificationSettings settings;

    TrainingCases(ClassificationSettings settings) {
      this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      ResidenceRules rules = settings.rules();
      return flatMap(
          histories(rows),
          history -> {
            List<Row> cases = new ArrayList<>();
            for (TrainingCase c :
                ResidenceClassifier.trainingCases(history.events(), settings.asOf(), rules)) {
              cases.add(
                  RowFactory.create(
                      history.country(),
                      c.features().direction().name(),
                      c.features().national(),
                      c.features().elapsedBand(),
                      c.features().stillThere(),
                      c.features().countedBand(),
                      c.features().authorisedBand(),
                      c.migrant()));
            }
            return cases;
          });
    }
  }

  /** What a {@link Derive} pass gives: the rows of one of the run's tables. */
  enum Output {
    /** One row per record (SparkClassification.HISTORIES). */
    HISTORIES,
    /** One row per traveller (SparkClassification.TRAVELLERS). */
    TRAVELLERS,
    /** One row per stay (SparkClassification.STAYS). */
    STAYS
  }

  /**
   * Each traveller through the functions HistoryWriter calls, with the provisional-outcome model of
   * the traveller's country fitted from the counted training cases; gives one output's rows.
   */
  static final class Derive implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ClassificationSettings settings;
    private final HashMap<String, ArrayList<CaseCount>> cases;
    private final Output output;

    Derive(
        ClassificationSettings settings,
        HashMap<String, ArrayList<CaseCount>> cases,
        Output output) {
      this.settings = requireNonNull(settings, "settings is null");
      this.cases = requireNonNull(cases, "cases is null");
      this.output = requireNonNull(output, "output is null");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      ResidenceRules rules = settings.rules();
      Map<String, MigrantRateModel> models = new HashMap<>();
      return flatMap(
          histories(rows),
          history -> {
            MigrantRateModel model =
                models.computeIfAbsent(
                    history.country(),
                    country ->
                        MigrantRateModel.fit(
                            CaseCount.expand(cases.getOrDefault(country, new ArrayList<>())),
                            rules.priorStrength()));
            List<CrossingOutcome> outcomes =
                ResidenceClassifier.classify(history.events(), settings.asOf(), rules, model);
            return switch (output) {
              case HISTORIES -> records(history, outcomes, rules);
              case TRAVELLERS -> List.of(traveller(history, outcomes.size()));
              case STAYS -> stays(history);
            };
          });
    }

    private List<Row> records(
        History history, List<CrossingOutcome> crossings, ResidenceRules rules) {
      LocalDate asOf = settings.asOf();
      List<HistoryEvent> events = history.events();
      Map<Long, CrossingOutcome> outcomes = new HashMap<>();
      for (CrossingOutcome outcome : crossings) {
        outcomes.put(outcome.recordId(), outcome);
      }
      Map<Long, UnOutcome> unOutcomes = new HashMap<>();
      for (UnOutcome outcome :
          UnDurationClassifier.classify(events, asOf, settings.unRules(), rules)) {
        unOutcomes.put(outcome.recordId(), outcome);
      }
      Map<Long, ReturnLink> returns = new HashMap<>();
      for (ReturnLink link : Returns.link(events, asOf)) {
        returns.put(link.returnRecordId(), link);
      }
      Map<Long, UnmatchedCrossing.Reason> unmatched = new HashMap<>();
      for (UnmatchedCrossing crossing : Stays.unmatched(events, asOf)) {
        unmatched.put(crossing.recordId(), crossing.reason());
      }
      List<Row> classes = new ArrayList<>(events.size());
      for (int i = 0; i < events.size(); i++) {
        HistoryEvent event = events.get(i);
        long key = event.recordId();
        CrossingOutcome outcome = outcomes.get(key);
        ReturnLink link = returns.get(key);
        boolean provisional =
            outcome != null && outcome.residenceClass() == ResidenceClass.PROVISIONAL;
        // HistoryWriter's row (OutputTables.HISTORIES_LAYOUT), then the return's status.
        classes.add(
            RowFactory.create(
                NodeRecord.submissionOf(key),
                NodeRecord.sourceLineOf(key),
                history.recordRefs().get(i),
                history.country(),
                event.kind().name(),
                event.date(),
                event.direction() == null ? null : event.direction().name(),
                event.port(),
                event.citizenship(),
                history.travellerId(),
                outcome == null ? null : outcome.residenceClass().name(),
                provisional ? outcome.predictedClass().name() : null,
                provisional ? (int) Math.round(outcome.migrantProbability() * 1000) : null,
                outcome == null ? null : outcome.residentBefore(),
                unOutcomes.containsKey(key) ? unOutcomes.get(key).unClass().name() : null,
                link == null || link.daysAbroad().isEmpty() ? null : link.daysAbroad().getAsInt(),
                unmatched.containsKey(key) ? unmatched.get(key).name() : null,
                link == null ? null : link.status().name()));
      }
      return classes;
    }

    /** The traveller's row, as HistoryWriter's writeTravellerRow makes it. */
    private Row traveller(History history, int crossings) {
      List<HistoryEvent> events = history.events();
      RollingLimit.Result rolling = settings.rollingLimit().check(events, settings.asOf());
      HistoryEvent first = events.get(0);
      return RowFactory.create(
          history.travellerId(),
          history.country(),
          first.date(),
          events.get(events.size() - 1).date(),
          events.size(),
          crossings,
          first.citizenship(),
          rolling.maxDaysInWindow(),
          rolling.daysOver(),
          rolling.firstDayOver().orElse(null),
          first.kind().name(),
          rolling.exceeded());
    }

    /** The traveller's stays, as HistoryWriter's writeStay makes them. */
    private List<Row> stays(History history) {
      String citizenship = history.events().get(0).citizenship();
      List<Row> rows = new ArrayList<>();
      for (Stay stay : Stays.of(history.events(), settings.asOf())) {
        Object[] row = OutputTables.stayRow(history.travellerId(), stay, citizenship);
        Object[] extended = java.util.Arrays.copyOf(row, row.length + 3);
        extended[row.length] = stay.end().name();
        extended[row.length + 1] = stay.overstay().name();
        extended[row.length + 2] = history.country();
        rows.add(RowFactory.create(extended));
      }
      return rows;
    }
  }

  /** Groups a partition's ordered rows into travellers, one at a time. */
  static Iterator<History> histories(Iterator<Row> rows) {
    return new Iterator<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public History next() {
        if (pending == null) {
          throw new NoSuchElementException();
        }
        String country = pending.getAs(SparkClassification.REPORTING_COUNTRY);
        long traveller = pending.<Long>getAs(SparkClassification.TRAVELLER_ID);
        List<HistoryEvent> events = new ArrayList<>();
        List<String> recordRefs = new ArrayList<>();
        while (pending != null
            && pending.<Long>getAs(SparkClassification.TRAVELLER_ID) == traveller
            && country.equals(pending.getAs(SparkClassification.REPORTING_COUNTRY))) {
          events.add(event(pending));
          recordRefs.add(pending.getAs(SparkClassification.RECORD_ID));
          pending = rows.hasNext() ? rows.next() : null;
        }
        return new History(country, traveller, events, recordRefs);
      }
    };
  }

  /** The event of a linked row, as RecordLoader builds it from the same lake columns. */
  static HistoryEvent event(Row row) {
    long key =
        NodeRecord.key(
            row.<Long>getAs(SparkLake.SUBMISSION_ID),
            row.<Long>getAs(SparkClassification.SOURCE_LINE));
    EventKind kind = EventKind.valueOf(row.getAs(SparkClassification.EVENT_KIND));
    String direction = row.getAs(SparkClassification.DIRECTION);
    return new HistoryEvent(
        key,
        kind,
        row.<LocalDate>getAs(SparkClassification.EVENT_DATE),
        row.<Long>getAs(SparkClassification.EVENT_SECOND),
        kind == EventKind.BORDER_CROSSING && direction != null
            ? Direction.valueOf(direction)
            : null,
        row.getAs(SparkClassification.PORT),
        row.getAs(SparkClassification.REPORTING_COUNTRY),
        row.getAs(SparkClassification.CITIZENSHIP),
        row.getAs(SparkClassification.COUNTRY_OF_RESIDENCE),
        row.getAs(SparkClassification.AUTHORISED_STAY_DAYS),
        row.getAs(SparkClassification.COUNTERPART_COUNTRY));
  }

  /** The rows {@code expand} gives for each history, lazily, one history at a time. */
  private static Iterator<Row> flatMap(
      Iterator<History> histories, Function<History, List<Row>> expand) {
    return new Iterator<>() {
      private Iterator<Row> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && histories.hasNext()) {
          current = expand.apply(histories.next()).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
