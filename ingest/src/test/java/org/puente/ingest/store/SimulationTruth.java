package org.puente.ingest.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What the simulator's truth files say about the records of its exports: which traveller each
 * record is (records.csv), the traveller's true sex, birth date, citizenship and residence
 * (travellers.csv), each recorded crossing's date, direction, port and counterpart (crossings.csv),
 * and the recorded returns per month, origin and type (returns.csv).
 */
final class SimulationTruth {

  record Traveller(
      String sex,
      LocalDate birthDate,
      String citizenship,
      String residence,
      String givenNames,
      String surname1) {}

  record TrueCrossing(LocalDate date, String direction, String port, String counterpart) {}

  record Ref(String traveller, String crossingSeq) {}

  /** "COUNTRY/file" to record id to the record's traveller. */
  final Map<String, Map<String, Ref>> records = new HashMap<>();

  final Map<String, Traveller> travellers = new HashMap<>();

  /** "traveller#seq" of the recorded crossings. */
  final Map<String, TrueCrossing> crossings = new HashMap<>();

  /** "COUNTRY|yyyy-MM|returned from|return type" to the number of recorded returns. */
  final Map<String, Long> recordedReturns = new HashMap<>();

  private SimulationTruth() {}

  static SimulationTruth read(Path truthDir) throws IOException {
    SimulationTruth truth = new SimulationTruth();
    try (CSVParser records = parse(truthDir.resolve("records.csv"))) {
      for (CSVRecord r : records) {
        truth
            .records
            .computeIfAbsent(r.get("country") + "/" + r.get("file"), k -> new HashMap<>())
            .put(r.get("record_id"), new Ref(r.get("traveller_id"), r.get("crossing_seq")));
      }
    }
    try (CSVParser travellers = parse(truthDir.resolve("travellers.csv"))) {
      for (CSVRecord t : travellers) {
        truth.travellers.put(
            t.get("traveller_id"),
            new Traveller(
                t.get("sex"),
                LocalDate.parse(t.get("birth_date")),
                t.get("citizenship"),
                t.get("initial_residence"),
                t.get("given_names"),
                t.get("surname_1")));
      }
    }
    try (CSVParser crossings = parse(truthDir.resolve("crossings.csv"))) {
      for (CSVRecord c : crossings) {
        if (Boolean.parseBoolean(c.get("recorded"))) {
          truth.crossings.put(
              c.get("traveller_id") + "#" + c.get("seq"),
              new TrueCrossing(
                  LocalDate.parse(c.get("date")),
                  c.get("direction"),
                  c.get("port"),
                  c.get("counterpart")));
        }
      }
    }
    try (CSVParser returns = parse(truthDir.resolve("returns.csv"))) {
      for (CSVRecord r : returns) {
        truth.recordedReturns.merge(
            String.join(
                "|",
                r.get("country"),
                r.get("month"),
                r.get("returned_from"),
                r.get("return_type")),
            Long.parseLong(r.get("recorded_returns")),
            Long::sum);
      }
    }
    return truth;
  }

  Traveller traveller(Ref ref) {
    return travellers.get(ref.traveller());
  }

  TrueCrossing crossing(Ref ref) {
    return crossings.get(ref.traveller() + "#" + ref.crossingSeq());
  }

  private static CSVParser parse(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader().get());
  }
}
