package org.puente.sdmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.puente.cube.Dimension;
import org.puente.stats.PublishedTable;

class SdmxCsvTest {

  private static final Set<String> STRUCTURES =
      Set.of("dataflow", "datastructure", "dataprovision");
  private static final Set<String> ACTIONS = Set.of("I", "A", "R", "D");
  private static final Pattern STRUCTURE_ID =
      Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z][A-Za-z0-9_-]*(\\([0-9]+(\\.[0-9]+)*\\))?");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  @Test
  void headerIsStructureThenTheDimensionsInDataStructureOrderThenMeasureAndAttributes()
      throws IOException {
    PublishedTable table = SdmxTables.crossings2024();
    List<List<String>> records = parse(csv(table));
    List<String> expected = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
    for (Dimension dimension : table.cube().dimensions()) {
      expected.add(SdmxIds.dimension(dimension));
    }
    expected.addAll(List.of("OBS_VALUE", "OBS_STATUS", "CONF_STATUS", "SDC_RULE"));
    assertThat(records.get(0)).containsExactlyElementsOf(expected);
    assertThat(records.get(0)).contains("TIME_PERIOD", "REPORTING_COUNTRY", "SEX");
    assertThat(records.get(1).subList(0, 3))
        .containsExactly("dataflow", "PUENTE:DF_CROSSINGS(1.0.0)", "I");
  }

  @Test
  void crossingsRoundTripEveryCell() throws IOException {
    PublishedTable table = SdmxTables.crossings2024();
    assertRoundTrip(table, read(csv(table)));
  }

  @Test
  void theSliceOfATravellersTableIsTheTimePeriod() throws IOException {
    PublishedTable table = SdmxTables.travellersByYear();
    List<Map<String, String>> rows = read(csv(table));
    assertRoundTrip(table, rows);
    assertThat(rows).extracting(r -> r.get("TIME_PERIOD")).containsOnly("2023", "2024");
    assertThat(rows)
        .extracting(r -> r.get("STRUCTURE_ID"))
        .containsOnly("PUENTE:DF_TRAVELLERS(1.0.0)");
  }

  @Test
  void suppressedCellsHaveNoValueAndTheirConfidentialityStatus() throws IOException {
    List<Map<String, String>> rows = read(csv(SdmxTables.crossings2024()));
    Map<String, String> primary = find(rows, "GTM", "M");
    assertThat(primary.get("OBS_VALUE")).isEmpty();
    assertThat(primary.get("CONF_STATUS")).isEqualTo("C");
    Map<String, String> secondary = find(rows, "GTM", "F");
    assertThat(secondary.get("OBS_VALUE")).isEmpty();
    assertThat(secondary.get("CONF_STATUS")).isEqualTo("D");
    Map<String, String> published = find(rows, "HND", "M");
    assertThat(published.get("OBS_VALUE")).isEqualTo("55");
    assertThat(published.get("CONF_STATUS")).isEqualTo("F");
    assertThat(rows).extracting(r -> r.get("OBS_STATUS")).containsOnly("A");
    assertThat(rows)
        .extracting(r -> r.get("SDC_RULE"))
        .containsOnly(SdmxData.sdcRule(SdmxTables.crossings2024()));
    assertThat(rows.get(0).get("SDC_RULE")).startsWith("sdc.method=suppression");
  }

  @Test
  void aFilterOnOneCodeIsThatCodeInTheKey() throws IOException {
    PublishedTable table =
        SdmxTables.crossings(Map.of("period", "2024-Q2", "where.direction", "ARRIVAL"));
    List<Map<String, String>> rows = read(csv(table));
    assertRoundTrip(table, rows);
    assertThat(rows).extracting(r -> r.get("DIRECTION")).containsOnly("ARRIVAL");
    assertThat(rows).extracting(r -> r.get("TIME_PERIOD")).containsOnly("2024-Q2");
  }

  @Test
  void textASpreadsheetWouldRunIsNeutralised() throws IOException {
    PublishedTable table = SdmxTables.crossings(Map.of("where.port", "=HYPERLINK(1)"));
    List<Map<String, String>> rows = read(csv(table));
    assertThat(rows).extracting(r -> r.get("PORT")).containsOnly("'=HYPERLINK(1)");
  }

  @Test
  void aTableWithNoSdmxKeyIsRefused() {
    assertThatThrownBy(
            () -> csv(SdmxTables.crossings(Map.of("where.direction", "ARRIVAL,DEPARTURE"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("direction");
    assertThatThrownBy(() -> csv(SdmxTables.crossings(Map.of("period", "2024-01..2024-06"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period");
  }

  @Test
  void theStrictReaderRejectsWhatTheGuideForbids() {
    String good = "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\ndataflow,A:B(1.0.0),I,X,1\n";
    assertThat(read(good)).hasSize(1);
    for (String bad :
        List.of(
            "STRUCTURE_ID,STRUCTURE,ACTION,DIM,OBS_VALUE\nA:B(1.0.0),dataflow,I,X,1\n",
            "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\nDATAFLOW,A:B(1.0.0),I,X,1\n",
            "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\ndataflow,B(1.0.0),I,X,1\n",
            "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\ndataflow,A:B(1.0.0),X,X,1\n",
            "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\ndataflow,A:B(1.0.0),I,X\n",
            "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\ndataflow,A:B(1.0.0),I,X,one\n",
            "STRUCTURE,STRUCTURE_ID,ACTION,DIM,OBS_VALUE\ndataflow,A:B(1.0.0),I,\"X,1\n")) {
      assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void assertRoundTrip(PublishedTable table, List<Map<String, String>> rows) {
    assertThat(rows).hasSize(table.rows().size());
    Map<Map<String, String>, Map<String, String>> byKey = new HashMap<>();
    for (Map<String, String> row : rows) {
      Map<String, String> key = new LinkedHashMap<>();
      for (Dimension dimension : table.cube().dimensions()) {
        key.put(SdmxIds.dimension(dimension), row.get(SdmxIds.dimension(dimension)));
      }
      assertThat(byKey.put(key, row)).as("key %s twice", key).isNull();
    }
    for (PublishedTable.Row cell : table.rows()) {
      Map<String, String> row = byKey.get(SdmxTables.expectedKey(table, cell));
      assertThat(row).as("row of %s", cell).isNotNull();
      assertThat(row.get("OBS_VALUE"))
          .isEqualTo(cell.value().isPresent() ? Long.toString(cell.value().getAsLong()) : "");
      assertThat(row.get("CONF_STATUS")).isEqualTo(SdmxTables.expectedConfStatus(cell.status()));
      assertThat(row.get("OBS_STATUS")).isEqualTo("A");
    }
  }

  private static Map<String, String> find(
      List<Map<String, String>> rows, String country, String sex) {
    return rows.stream()
        .filter(r -> r.get("REPORTING_COUNTRY").equals(country) && r.get("SEX").equals(sex))
        .findFirst()
        .orElseThrow();
  }

  private static String csv(PublishedTable table) throws IOException {
    StringWriter out = new StringWriter();
    SdmxData.csv(table, out);
    return out.toString();
  }

  /**
   * A strict SDMX-CSV 2.0 reader (labels=id, no key columns, comma separator): the header starts
   * STRUCTURE,STRUCTURE_ID,ACTION and has no duplicates; every row has the header's field count, a
   * lower-case structure type, an AGENCY:ID(VERSION) reference, an action I, A, R or D and an
   * OBS_VALUE that is empty or a number.
   */
  static List<Map<String, String>> read(String text) {
    List<List<String>> records = parse(text);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no header");
    }
    List<String> header = records.get(0);
    if (header.size() < 3
        || !header.get(0).equals("STRUCTURE")
        || !header.get(1).equals("STRUCTURE_ID")
        || !header.get(2).equals("ACTION")) {
      throw new IllegalArgumentException("header must start STRUCTURE,STRUCTURE_ID,ACTION");
    }
    if (Set.copyOf(header).size() != header.size()) {
      throw new IllegalArgumentException("duplicate column in " + header);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r);
      if (record.size() != header.size()) {
        throw new IllegalArgumentException("row " + r + " has " + record.size() + " fields");
      }
      if (!STRUCTURES.contains(record.get(0))) {
        throw new IllegalArgumentException("row " + r + ": structure " + record.get(0));
      }
      if (!STRUCTURE_ID.matcher(record.get(1)).matches()) {
        throw new IllegalArgumentException("row " + r + ": structure id " + record.get(1));
      }
      if (!ACTIONS.contains(record.get(2))) {
        throw new IllegalArgumentException("row " + r + ": action " + record.get(2));
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), record.get(c));
      }
      String value = row.get("OBS_VALUE");
      if (value != null && !value.isEmpty() && !NUMBER.matcher(value).matches()) {
        throw new IllegalArgumentException("row " + r + ": OBS_VALUE " + value);
      }
      rows.add(row);
    }
    return rows;
  }

  /** RFC 4180 records: comma-separated, double-quoted fields with doubled quotes, LF or CRLF. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean fieldStart = true;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (fieldStart && c == '"') {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("unterminated quoted field");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            field.append(q);
            i++;
          }
        }
        if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
          throw new IllegalArgumentException("text after a closing quote");
        }
        fieldStart = false;
        continue;
      }
      if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStart = true;
        i++;
      } else if (c == '\r' || c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        fieldStart = true;
        i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
      } else if (c == '"') {
        throw new IllegalArgumentException("quote inside an unquoted field");
      } else {
        field.append(c);
        fieldStart = false;
        i++;
      }
    }
    if (!fieldStart || !record.isEmpty() || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
