package org.puente.bench.privacy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.puente.bench.linkage.FebrlRecords;
import org.puente.privacy.PersonName;

/** Reads the FEBRL synthetic data sets (Christen 2008) as normalised names. */
final class Febrl {

  /** One FEBRL record: its id ({@code rec-12-org}, {@code rec-12-dup-0}) and name. */
  record Person(String id, PersonName name, String dateOfBirth) {
    /** The number shared by an original and its duplicates. */
    String entity() {
      return id.split("-")[1];
    }
  }

  private Febrl() {}

  static List<Person> read(Path file) throws IOException {
    List<Person> people = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CSVFormat format = FebrlRecords.FEBRL_CSV;
      for (CSVRecord row : format.parse(reader)) {
        people.add(
            new Person(
                row.get("rec_id"),
                PersonName.of(row.get("given_name"), row.get("surname")),
                row.get("date_of_birth")));
      }
    }
    return people;
  }
}
