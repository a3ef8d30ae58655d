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
import org.puente.residence.CrossingOutcome;
import org.puente.residence.Direction;
import org.puente.residence.HistoryEvent;
import org.puente.residence.MigrantRateModel;
import org.puente.residence.ResidenceClass;
import org.puente.residence.ResidenceClassifier;
import org.puente.residence.ResidenceRules;
import org.puente.residence.ReturnLink;
import org.puente.residence.Returns;
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

  /** One traveller's history in one country: its events in time order. */
  record History(String country, long travellerId, List<HistoryEvent> events) {}

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

  /** Each record's classes, one row per record (SparkClassification.CLASSES). */
  static final class Classify implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ClassificationSettings settings;
    private final HashMap<String, ArrayList<CaseCount>> cases;

    Classify(ClassificationSettings settings, HashMap<String, ArrayList<CaseCount>> cases) {
      this.settings = requireNonNull(settings, "settings is null");
      this.cases = requireNonNull(cases, "cases is null");
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
            return classify(history, rules, model);
          });
    }

    private List<Row> classify(History history, ResidenceRules rules, MigrantRateModel model) {
      LocalDate asOf = settings.asOf();
      List<HistoryEvent> events = history.events();
      Map<Long, CrossingOutcome> outcomes = new HashMap<>();
      for (CrossingOutcome outcome : ResidenceClassifier.classify(events, asOf, rules, model)) {
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
      for (HistoryEvent event : events) {
        long key = event.recordId();
        CrossingOutcome outcome = outcomes.get(key);
        ReturnLink link = returns.get(key);
        boolean provisional =
            outcome != null && outcome.residenceClass() == ResidenceClass.PROVISIONAL;
        classes.add(
            RowFactory.create(
                NodeRecord.submissionOf(key),
                NodeRecord.sourceLineOf(key),
                history.country(),
                event.kind().name(),
                history.travellerId(),
                outcome == null ? null : outcome.residenceClass().name(),
                provisional ? outcome.predictedClass().name() : null,
                provisional ? (int) Math.round(outcome.migrantProbability() * 1000) : null,
                outcome == null ? null : outcome.residentBefore(),
                unOutcomes.containsKey(key) ? unOutcomes.get(key).unClass().name() : null,
                link == null || link.daysAbroad().isEmpty() ? null : link.daysAbroad().getAsInt(),
                unmatched.containsKey(key) ? unmatched.get(key).name() : null));
      }
      return classes;
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
        while (pending != null
            && pending.<Long>getAs(SparkClassification.TRAVELLER_ID) == traveller
            && country.equals(pending.getAs(SparkClassification.REPORTING_COUNTRY))) {
          events.add(event(pending));
          pending = rows.hasNext() ? rows.next() : null;
        }
        return new History(country, traveller, events);
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
