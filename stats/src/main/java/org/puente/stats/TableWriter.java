package org.puente.stats;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.puente.cube.Dimension;
import org.puente.cube.RollUp;

/**
 * Writes a published table as text for a terminal, CSV, XLSX or JSON. Every format carries the
 * codes, the labels in the chosen language, the value (empty when suppressed), the status, and the
 * metadata (CSV: a sidecar the caller writes with {@link #metadataJson}). Text that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) is neutralised with a
 * leading apostrophe: port codes and other open-list values come from the countries' exports.
 */
public final class TableWriter {

  private final RollUp rollUp;
  private final String language;

  public TableWriter(RollUp rollUp, String language) {
    this.rollUp = requireNonNull(rollUp, "rollUp is null");
    this.language = requireNonNull(language, "language is null");
  }

  /** The header: for a sliced table the period first, then each dimension's code and label. */
  public List<String> header(PublishedTable table) {
    List<String> header = new ArrayList<>();
    if (table.sliced()) {
      header.add("period");
    }
    for (Dimension dimension : table.dimensions()) {
      header.add(dimension.id());
      header.add(dimension.id() + "_label");
    }
    header.add("value");
    header.add("status");
    return header;
  }

  /** The cells of a row, in header order; the value is empty when suppressed. */
  public List<String> cells(PublishedTable table, PublishedTable.Row row) {
    List<String> cells = new ArrayList<>();
    if (table.sliced()) {
      cells.add(row.slice());
    }
    for (int d = 0; d < table.dimensions().size(); d++) {
      String code = row.codes().get(d);
      cells.add(neutralise(code));
      cells.add(neutralise(rollUp.label(table.dimensions().get(d), code, language)));
    }
    cells.add(row.value().isPresent() ? Long.toString(row.value().getAsLong()) : "");
    cells.add(row.status().name());
    return cells;
  }

  /** Aligned columns for a terminal, then the protection in one line. */
  public void text(PublishedTable table, Writer out) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    lines.add(header(table));
    for (PublishedTable.Row row : table.rows()) {
      lines.add(cells(table, row));
    }
    AlignedText.write(lines, lines.get(0).size() - 2, false, out);
    Map<String, String> meta = table.metadata();
    out.write(
        "("
            + table.rows().size()
            + " non-zero cells; protection "
            + meta.getOrDefault("sdc.method", "?")
            + ", "
            + meta.get("suppressed_cells")
            + " suppressed; run "
            + meta.get("run")
            + " as of "
            + meta.get("as_of")
            + ")"
            + System.lineSeparator());
  }

  public void csv(PublishedTable table, Writer out) throws IOException {
    // CSVFormat.printRecord rather than a CSVPrinter, whose class carries annotations this build
    // cannot resolve (-Xlint with warnings as errors).
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    format.printRecord(out, header(table).toArray());
    for (PublishedTable.Row row : table.rows()) {
      format.printRecord(out, cells(table, row).toArray());
    }
    out.flush();
  }

  /** A workbook with the table on the first sheet and the metadata on the second. */
  public void xlsx(PublishedTable table, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      Sheet sheet = workbook.createSheet("table");
      List<String> header = header(table);
      write(sheet.createRow(0), header, -1);
      int r = 1;
      for (PublishedTable.Row row : table.rows()) {
        write(sheet.createRow(r++), cells(table, row), header.size() - 2);
      }
      Sheet metadata = workbook.createSheet("metadata");
      int m = 0;
      for (Map.Entry<String, String> entry : table.metadata().entrySet()) {
        write(metadata.createRow(m++), List.of(entry.getKey(), neutralise(entry.getValue())), -1);
      }
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }

  /** {@code {"metadata": {...}, "dimensions": [...], "cells": [...]}}. */
  public void json(PublishedTable table, OutputStream out) throws IOException {
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeObjectField("metadata", table.metadata());
      json.writeArrayFieldStart("dimensions");
      if (table.sliced()) {
        json.writeString("period");
      }
      for (Dimension dimension : table.dimensions()) {
        json.writeString(dimension.id());
      }
      json.writeEndArray();
      json.writeArrayFieldStart("cells");
      for (PublishedTable.Row row : table.rows()) {
        json.writeStartObject();
        if (table.sliced()) {
          json.writeStringField("period", row.slice());
        }
        for (int d = 0; d < table.dimensions().size(); d++) {
          Dimension dimension = table.dimensions().get(d);
          json.writeStringField(dimension.id(), row.codes().get(d));
          json.writeStringField(
              dimension.id() + "_label", rollUp.label(dimension, row.codes().get(d), language));
        }
        if (row.value().isPresent()) {
          json.writeNumberField("value", row.value().getAsLong());
        } else {
          json.writeNullField("value");
        }
        json.writeStringField("status", row.status().name());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** The metadata alone, as JSON (the sidecar of a CSV table). */
  public static void metadataJson(PublishedTable table, OutputStream out) throws IOException {
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, table.metadata());
  }

  /** A text a spreadsheet would evaluate, made inert with a leading apostrophe. */
  public static String neutralise(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static void write(Row row, List<String> cells, int numberColumn) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i == numberColumn && !cell.isEmpty()) {
        row.createCell(i).setCellValue(Long.parseLong(cell));
      } else {
        row.createCell(i).setCellValue(cell);
      }
    }
  }
}
