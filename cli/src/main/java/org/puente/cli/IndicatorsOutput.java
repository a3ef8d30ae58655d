package org.puente.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.puente.indicator.Indicator;
import org.puente.indicator.IndicatorValue;
import org.puente.stats.AlignedText;
import org.puente.stats.TableWriter;

/**
 * Prints computed indicators as aligned text, CSV or JSON. A suppressed value is never printed, nor
 * are the counts it came from: only the word {@code suppressed}.
 */
final class IndicatorsOutput {

  static final String SUPPRESSED = "suppressed";

  /**
   * One indicator for one group, as printed.
   *
   * @param indicator the indicator
   * @param group the group's codes, in column order
   * @param value what the evaluator computed
   * @param minFrequency the threshold the value is checked against
   */
  record Row(
      Indicator indicator, Map<String, String> group, IndicatorValue value, int minFrequency) {

    Row {
      requireNonNull(indicator, "indicator is null");
      requireNonNull(value, "value is null");
      group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
    }

    boolean suppressed() {
      return value.value() != null && value.suppressed(minFrequency);
    }

    /** The value to publish: null when there is none or it is suppressed. */
    BigDecimal shown() {
      return suppressed() ? null : value.value();
    }

    /** Empty for a shown value; {@code suppressed}; or why there is no value. */
    String note() {
      if (value.value() == null) {
        return value.reasonWhenNull();
      }
      return suppressed() ? SUPPRESSED : "";
    }
  }

  private final List<String> columns;
  private final String language;
  private final int minFrequency;

  /**
   * @param columns the group dimensions, in order (the period last)
   * @param language {@code en} or {@code es}, for titles
   */
  IndicatorsOutput(List<String> columns, String language, int minFrequency) {
    this.columns = List.copyOf(columns);
    this.language = requireNonNull(language, "language is null");
    this.minFrequency = minFrequency;
  }

  void text(List<Row> rows, PrintWriter out) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(header());
    for (Row row : rows) {
      lines.add(cells(row, false));
    }
    // Long titles are cut, as in 'puente table': reasons (the last column) are kept whole.
    try {
      AlignedText.write(lines, 2 + columns.size(), true, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long suppressed = rows.stream().filter(Row::suppressed).count();
    long missing = rows.stream().filter(row -> row.value().value() == null).count();
    out.printf(
        "(%d values; %d suppressed below a frequency of %d; %d not computable)%n",
        rows.size(), suppressed, minFrequency, missing);
  }

  void csv(List<Row> rows, PrintWriter out) {
    // CSVFormat.printRecord rather than a CSVPrinter, whose class carries annotations this build
    // cannot resolve (-Xlint with warnings as errors).
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    try {
      format.printRecord(out, header().toArray());
      for (Row row : rows) {
        format.printRecord(out, cells(row, true).toArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void json(List<Row> rows, PrintWriter out) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("id", row.indicator().id());
      value.put("title", title(row.indicator()));
      value.put("group", row.group());
      value.put("value", row.shown());
      value.put("unit", row.indicator().unit());
      value.put("suppressed", row.suppressed());
      value.put("reasonWhenNull", row.value().reasonWhenNull());
      values.add(value);
    }
    Json.print(out, values);
  }

  private List<String> header() {
    List<String> header = new ArrayList<>(List.of("id", "title"));
    header.addAll(columns);
    header.addAll(List.of("value", "unit", "note"));
    return header;
  }

  /**
   * The printed cells of a row. For CSV, text that a spreadsheet would run as a formula is
   * neutralised; the value is a plain number and stays as it is, so a negative net migration is
   * still a number.
   */
  private List<String> cells(Row row, boolean csv) {
    List<String> cells = new ArrayList<>();
    cells.add(row.indicator().id());
    cells.add(text(title(row.indicator()), csv));
    for (String column : columns) {
      cells.add(text(row.group().getOrDefault(column, ""), csv));
    }
    BigDecimal shown = row.shown();
    cells.add(shown == null ? "" : shown.toPlainString());
    cells.add(text(row.indicator().unit(), csv));
    cells.add(text(row.note(), csv));
    return cells;
  }

  private static String text(String text, boolean csv) {
    return csv ? TableWriter.neutralise(text) : text;
  }

  private String title(Indicator indicator) {
    return language.equals("es") ? indicator.titleSpanish() : indicator.titleEnglish();
  }
}
