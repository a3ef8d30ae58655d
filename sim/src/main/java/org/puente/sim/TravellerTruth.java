package org.puente.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.puente.codelist.AgeGroups;
import org.puente.residence.ClassifiedCrossing;
import org.puente.residence.Crossing;
import org.puente.residence.Direction;
import org.puente.residence.MigrationClass;
import org.puente.residence.TwelveSixteenRule;
import org.puente.sim.behaviour.Event;
import org.puente.sim.behaviour.Period;
import org.puente.sim.behaviour.Traveller;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.RecordKind;
import org.puente.sim.dialect.RowFormatter;
import org.puente.sim.noise.IdentifierNoise;
import org.puente.sim.noise.RecordedIdentity;
import org.puente.sim.output.ChunkRow;
import org.puente.sim.output.Rows;
import org.puente.sim.region.Port;
import org.puente.sim.truth.Dimensions;
import org.puente.sim.truth.TruthTables;
import org.puente.sim.truth.TruthTables.Table;

/**
 * Turns travellers into one chunk's output: truth lines (travellers, crossings with their
 * 12/16-month classes, residence changes), aggregate counts, and an export row for every recorded
 * event in the exported period.
 */
final class TravellerTruth {

  private final Period period;
  private final Set<String> countries;
  private final IdentifierNoise noise;
  private final List<RowFormatter> formatters;
  private final SplittableRandom random;
  private final List<List<ChunkRow>> rows = new ArrayList<>();
  private final StringBuilder travellers = new StringBuilder(1 << 16);
  private final StringBuilder crossings = new StringBuilder(1 << 16);
  private final StringBuilder changes = new StringBuilder(1 << 12);
  private final TruthTables tables = new TruthTables();
  private long travellerCount;

  TravellerTruth(
      Period period,
      Set<String> countries,
      IdentifierNoise noise,
      List<RowFormatter> formatters,
      SplittableRandom random) {
    this.period = period;
    this.countries = countries;
    this.noise = noise;
    this.formatters = formatters;
    this.random = random;
    Map<String, List<Integer>> byKind = new HashMap<>();
    for (int i = 0; i < formatters.size(); i++) {
      rows.add(new ArrayList<>());
      ExportSpec spec = formatters.get(i).spec();
      byKind.computeIfAbsent(spec.country() + spec.kind(), k -> new ArrayList<>()).add(i);
    }
    byKind.forEach(
        (key, indexes) -> filesOf.put(key, indexes.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Export files by country and record kind ("CRICROSSING"). */
  private final Map<String, int[]> filesOf = new HashMap<>();

  void add(Traveller traveller) {
    boolean seen = false;
    for (Event event : traveller.events()) {
      seen |= period.contains(event.date());
    }
    if (!seen) {
      return;
    }
    travellerCount++;
    writeTraveller(traveller);
    List<Event.Crossing> trueCrossings = new ArrayList<>();
    List<Crossing> all = new ArrayList<>();
    List<Crossing> observable = new ArrayList<>();
    for (Event event : traveller.events()) {
      if (event instanceof Event.Crossing c) {
        trueCrossings.add(c);
        Crossing crossing = new Crossing(c.date(), c.direction(), c.country());
        all.add(crossing);
        if (!c.date().isAfter(period.end())) {
          observable.add(crossing);
        }
      }
    }
    Optional<String> initial =
        countries.contains(traveller.initialResidence())
            ? Optional.of(traveller.initialResidence())
            : Optional.empty();
    List<ClassifiedCrossing> classes = TwelveSixteenRule.classify(initial, all, period.horizon());
    List<ClassifiedCrossing> atEnd = TwelveSixteenRule.classify(initial, observable, period.end());
    int seq = 0;
    for (Event event : traveller.events()) {
      int crossingSeq = -1;
      if (event instanceof Event.Crossing c) {
        crossingSeq = seq++;
        if (period.contains(c.date())) {
          crossing(traveller, c, crossingSeq, classes.get(crossingSeq), atEnd.get(crossingSeq));
        }
      } else if (event instanceof Event.Return r && period.contains(r.date())) {
        returned(traveller, r);
      }
      if (period.contains(event.date()) && event.recorded()) {
        record(traveller, event, crossingSeq);
      }
    }
  }

  private void writeTraveller(Traveller t) {
    StringBuilder documents = new StringBuilder();
    for (Traveller.Document document : t.documents()) {
      if (documents.length() > 0) {
        documents.append(';');
      }
      documents.append(document.number()).append('@').append(document.validFrom());
    }
    String[] cells = {
      t.id(),
      t.householdId(),
      t.behaviour().name(),
      t.identity().sex().name(),
      t.identity().birthDate().toString(),
      t.citizenship(),
      t.initialResidence(),
      t.identity().givenNamesText(),
      t.identity().surname1(),
      t.identity().surname2().orElse(""),
      documents.toString(),
      t.namesakeOf().orElse("")
    };
    travellers.append(Rows.csvLine(cells, ',')).append('\n');
  }

  private void crossing(
      Traveller t,
      Event.Crossing c,
      int seq,
      ClassifiedCrossing finalClass,
      ClassifiedCrossing endClass) {
    String port = c.port().map(Port::code).orElse("");
    crossings
        .append(t.id())
        .append(',')
        .append(seq)
        .append(',')
        .append(c.date())
        .append(',')
        .append(c.country())
        .append(',')
        .append(c.direction())
        .append(',')
        .append(port)
        .append(',')
        .append(c.counterpart())
        .append(',')
        .append(c.recorded())
        .append(',')
        .append(finalClass.migrationClass())
        .append(',')
        .append(endClass.migrationClass())
        .append('\n');
    int age = t.identity().ageOn(c.date());
    boolean longTerm = finalClass.migrationClass() == MigrationClass.LONG_TERM;
    boolean arrival = c.direction() == Direction.ARRIVAL;
    int country = Dimensions.country(c.country());
    tables.addCrossing(
        country,
        c.date().getYear() * 12L + c.date().getMonthValue() - 1,
        arrival,
        t.identity().sex() == org.puente.sim.people.Sex.M,
        Dimensions.ageGroup(age),
        Dimensions.country(t.citizenship()),
        c.recorded(),
        longTerm);
    if (arrival) {
      tables.addArrival(
          c.date().getYear(), Dimensions.country(c.counterpart()), country, c.recorded(), longTerm);
    }
    if (longTerm) {
      changes
          .append(t.id())
          .append(',')
          .append(c.date())
          .append(',')
          .append(c.country())
          .append(',')
          .append(c.direction() == Direction.ARRIVAL ? "BECAME_RESIDENT" : "CEASED_RESIDENT")
          .append(',')
          .append(finalClass.residenceBefore().orElse(""))
          .append(',')
          .append(seq)
          .append('\n');
    }
  }

  private void returned(Traveller t, Event.Return r) {
    LocalDate date = r.date();
    int age = t.identity().ageOn(date);
    String key =
        r.country()
            + ","
            + date.getYear()
            + ","
            + date.toString().substring(0, 7)
            + ","
            + r.returnedFrom()
            + ","
            + r.returnType()
            + ","
            + t.identity().sex()
            + ","
            + AgeGroups.groupOf(Math.min(age, AgeGroups.MAX_AGE));
    tables.add(Table.RETURNS, key, 1, r.recorded() ? 1 : 0);
  }

  private void record(Traveller t, Event event, int crossingSeq) {
    RecordKind kind = kindOf(event);
    int[] files = filesOf.get(event.country() + kind);
    if (files == null) {
      return;
    }
    for (int f : files) {
      RowFormatter formatter = formatters.get(f);
      ExportSpec spec = formatter.spec();
      RecordedIdentity identity =
          noise.apply(t.identity(), t.documentOn(event.date()).number(), random);
      String[] cells = formatter.cells(t, event, identity);
      String truth = t.id() + "," + kind + "," + (crossingSeq >= 0 ? crossingSeq : "");
      ChunkRow row;
      if (spec.format() == ExportSpec.Format.XLSX) {
        row = new ChunkRow(null, null, cells, truth);
      } else if (spec.format() == ExportSpec.Format.JSONL) {
        String[] around =
            Rows.jsonAround(
                spec.columns().values().toArray(new String[0]), cells, formatter.idIndex());
        row = new ChunkRow(around[0], around[1], null, truth);
      } else {
        String[] around = Rows.csvAround(cells, formatter.idIndex(), spec.delimiter());
        row = new ChunkRow(around[0], around[1], null, truth);
      }
      rows.get(f).add(row);
    }
  }

  static RecordKind kindOf(Event event) {
    if (event instanceof Event.Crossing) {
      return RecordKind.CROSSING;
    }
    if (event instanceof Event.Permit p) {
      return p.work() ? RecordKind.WORK_PERMIT : RecordKind.RESIDENCE_PERMIT;
    }
    return RecordKind.RETURN;
  }

  ChunkResult result(SplittableRandom shuffle) {
    // Rows of one traveller must not sit together in an export: that would leak the linkage.
    for (List<ChunkRow> fileRows : rows) {
      for (int i = fileRows.size() - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        ChunkRow swap = fileRows.get(i);
        fileRows.set(i, fileRows.get(j));
        fileRows.set(j, swap);
      }
    }
    return new ChunkResult(
        rows,
        travellers.toString(),
        crossings.toString(),
        changes.toString(),
        tables,
        travellerCount);
  }
}
