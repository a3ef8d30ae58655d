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
import org.puente.sim.output.ChunkFile;
import org.puente.sim.output.EncodedRows;
import org.puente.sim.region.Port;
import org.puente.sim.truth.Dimensions;
import org.puente.sim.truth.TruthTables;
import org.puente.sim.truth.TruthTables.Table;

/**
 * Turns travellers into one chunk's output: truth lines (travellers, crossings with their
 * 12/16-month classes, residence changes), aggregate counts (added to the worker thread's own
 * tables), and an export row for every recorded event in the exported period, encoded to the file's
 * bytes here in the worker.
 */
final class TravellerTruth {

  private final Period period;
  private final Set<String> countries;
  private final IdentifierNoise noise;
  private final List<RowFormatter> formatters;
  private final SplittableRandom random;
  private final List<ChunkFile> files = new ArrayList<>();
  private final List<String[]> columns = new ArrayList<>();
  private final ChunkSizes sizes;
  private final EncodedRows travellers;
  private final EncodedRows crossings;
  private final EncodedRows changes;
  private final TruthTables tables;
  private long travellerCount;

  TravellerTruth(
      Period period,
      Set<String> countries,
      IdentifierNoise noise,
      List<RowFormatter> formatters,
      TruthTables tables,
      ChunkSizes sizes,
      SplittableRandom random) {
    this.period = period;
    this.countries = countries;
    this.noise = noise;
    this.formatters = formatters;
    this.tables = tables;
    this.random = random;
    this.sizes = sizes;
    this.travellers = sizes.utf8(ChunkSizes.TRAVELLERS);
    this.crossings = sizes.utf8(ChunkSizes.CROSSINGS);
    this.changes = sizes.utf8(ChunkSizes.CHANGES);
    Map<String, Map<RecordKind, List<Integer>>> byCountry = new HashMap<>();
    for (int i = 0; i < formatters.size(); i++) {
      ExportSpec spec = formatters.get(i).spec();
      EncodedRows truth = sizes.utf8(ChunkSizes.truth(i));
      files.add(
          spec.format() == ExportSpec.Format.XLSX
              ? ChunkFile.cells(truth)
              : ChunkFile.text(sizes.buffer(ChunkSizes.text(i), spec.encoding()), truth));
      columns.add(spec.columns().values().toArray(new String[0]));
      byCountry
          .computeIfAbsent(spec.country(), k -> new HashMap<>())
          .computeIfAbsent(spec.kind(), k -> new ArrayList<>())
          .add(i);
    }
    byCountry.forEach(
        (country, kinds) -> {
          int[][] byKind = new int[RecordKind.values().length][];
          kinds.forEach(
              (kind, indexes) ->
                  byKind[kind.ordinal()] = indexes.stream().mapToInt(Integer::intValue).toArray());
          filesOf.put(country, byKind);
        });
  }

  /** Export files by country, then by record kind (its ordinal). */
  private final Map<String, int[][]> filesOf = new HashMap<>();

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
      documents.append(document.number()).append('@').append(IsoDates.text(document.validFrom()));
    }
    String[] cells = {
      t.id(),
      t.householdId(),
      t.behaviour().name(),
      t.identity().sex().name(),
      IsoDates.text(t.identity().birthDate()),
      t.citizenship(),
      t.initialResidence(),
      t.identity().givenNamesText(),
      t.identity().surname1(),
      t.identity().surname2().orElse(""),
      documents.toString(),
      t.namesakeOf().orElse("")
    };
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        travellers.ascii(',');
      }
      travellers.csv(cells[i], ',');
    }
    travellers.ascii('\n');
  }

  private void crossing(
      Traveller t,
      Event.Crossing c,
      int seq,
      ClassifiedCrossing finalClass,
      ClassifiedCrossing endClass) {
    String port = c.port().map(Port::code).orElse("");
    crossings.text(t.id()).ascii(',').number(seq).ascii(',');
    crossings.text(IsoDates.text(c.date())).ascii(',').text(c.country()).ascii(',');
    crossings.text(c.direction().name()).ascii(',').text(port).ascii(',');
    crossings.text(c.counterpart()).ascii(',').text(c.recorded() ? "true" : "false").ascii(',');
    crossings.text(finalClass.migrationClass().name()).ascii(',');
    crossings.text(endClass.migrationClass().name()).ascii('\n');
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
      changes.text(t.id()).ascii(',').text(IsoDates.text(c.date())).ascii(',');
      changes.text(c.country()).ascii(',');
      changes.text(c.direction() == Direction.ARRIVAL ? "BECAME_RESIDENT" : "CEASED_RESIDENT");
      changes.ascii(',').text(finalClass.residenceBefore().orElse("")).ascii(',');
      changes.number(seq).ascii('\n');
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
            + IsoDates.text(date).substring(0, 7)
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
    int[][] byKind = filesOf.get(event.country());
    int[] indexes = byKind == null ? null : byKind[kind.ordinal()];
    if (indexes == null) {
      return;
    }
    for (int f : indexes) {
      RowFormatter formatter = formatters.get(f);
      ExportSpec spec = formatter.spec();
      RecordedIdentity identity =
          noise.apply(t.identity(), t.documentOn(event.date()).number(), random);
      String[] cells = formatter.cells(t, event, identity);
      ChunkFile file = files.get(f);
      switch (spec.format()) {
        case XLSX -> file.cellRows().add(cells);
        case JSONL -> jsonRow(file.text(), columns.get(f), cells, formatter.idIndex());
        case CSV -> csvRow(file.text(), cells, formatter.idIndex(), spec.delimiter());
      }
      EncodedRows truth = file.truth();
      truth.markId();
      truth.ascii(',').text(t.id()).ascii(',').text(kind.name()).ascii(',');
      if (crossingSeq >= 0) {
        truth.number(crossingSeq);
      }
      truth.ascii('\n').endRow();
    }
  }

  private static void csvRow(EncodedRows out, String[] cells, int idIndex, char delimiter) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.ascii(delimiter);
      }
      if (i == idIndex) {
        out.markId();
      } else {
        out.csv(cells[i], delimiter);
      }
    }
    out.ascii('\n').endRow();
  }

  private static void jsonRow(EncodedRows out, String[] columns, String[] cells, int idIndex) {
    out.ascii('{');
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      out.json(columns[i]).ascii(':');
      if (i == idIndex) {
        out.ascii('"').markId();
        out.ascii('"');
      } else if (cells[i].isEmpty()) {
        out.text("null");
      } else {
        out.json(cells[i]);
      }
    }
    out.text("}\n").endRow();
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
    for (ChunkFile file : files) {
      file.shuffle(shuffle);
    }
    sizes.record(ChunkSizes.TRAVELLERS, travellers);
    sizes.record(ChunkSizes.CROSSINGS, crossings);
    sizes.record(ChunkSizes.CHANGES, changes);
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).text() != null) {
        sizes.record(ChunkSizes.text(i), files.get(i).text());
      }
      sizes.record(ChunkSizes.truth(i), files.get(i).truth());
    }
    return new ChunkResult(files, travellers, crossings, changes, travellerCount);
  }
}
