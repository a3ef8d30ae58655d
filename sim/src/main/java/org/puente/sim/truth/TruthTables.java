package org.puente.sim.truth;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The true aggregate tables, accumulated in bounded maps: each key is a combination of dimension
 * values (country, month, sex, age group, citizenship ...), so the size depends on the number of
 * categories, never on the number of travellers.
 */
public final class TruthTables {

  /** One table: its CSV header and, per key, its counters. */
  public enum Table {
    /**
     * True crossings by month and person; written as two files, crossings_by_month.csv (the first
     * two counters) and migrants_12_16.csv (the last two), which share their keys.
     */
    CROSSINGS(
        "crossings_by_month.csv",
        "country,month,direction,sex,age_group,citizenship",
        "true_crossings,recorded_crossings,long_term,short_term"),
    BILATERAL_FLOWS(
        "bilateral_flows.csv",
        "year,from_country,to_country",
        "true_arrivals,recorded_arrivals,long_term_arrivals"),
    RETURNS(
        "returns.csv",
        "country,year,month,returned_from,return_type,sex,age_group",
        "true_returns,recorded_returns");

    private final String fileName;
    private final String keyHeader;
    private final String valueHeader;
    private final int width;

    Table(String fileName, String keyHeader, String valueHeader) {
      this.fileName = fileName;
      this.keyHeader = keyHeader;
      this.valueHeader = valueHeader;
      this.width = valueHeader.split(",").length;
    }

    public String fileName() {
      return fileName;
    }

    public String header() {
      return keyHeader + "," + valueHeader;
    }

    int width() {
      return width;
    }
  }

  private final Map<Table, Map<String, long[]>> tables = new HashMap<>();

  public TruthTables() {
    for (Table table : Table.values()) {
      tables.put(table, new HashMap<>(1 << 12));
    }
  }

  /** Adds {@code amounts} to the counters of a key (a comma-joined list of dimension values). */
  public void add(Table table, String key, long... amounts) {
    if (amounts.length != table.width()) {
      throw new IllegalArgumentException(table + " has " + table.width() + " counters");
    }
    long[] counters = tables.get(table).computeIfAbsent(key, k -> new long[table.width()]);
    for (int i = 0; i < amounts.length; i++) {
      counters[i] += amounts[i];
    }
  }

  public void merge(TruthTables other) {
    for (Table table : Table.values()) {
      other.tables.get(table).forEach((key, amounts) -> add(table, key, amounts));
    }
  }

  /** The crossings table's file of 12/16-month classes (its last two counters). */
  public static final String MIGRANTS_FILE = "migrants_12_16.csv";

  /** Writes a table as CSV, keys in sorted order, counters {@code from} to {@code to}. */
  public void write(Table table, String header, int from, int to, Writer out) throws IOException {
    out.write(header);
    out.write('\n');
    for (Map.Entry<String, long[]> entry : new TreeMap<>(tables.get(table)).entrySet()) {
      out.write(entry.getKey());
      long[] values = entry.getValue();
      for (int i = from; i < to; i++) {
        out.write(',');
        out.write(Long.toString(values[i]));
      }
      out.write('\n');
    }
  }

  /** Writes a table as CSV with all its counters. */
  public void write(Table table, Writer out) throws IOException {
    write(table, table.header(), 0, table.width(), out);
  }

  /** The files the tables are written to, with their headers. */
  public static String[][] files() {
    return new String[][] {
      {
        "crossings_by_month.csv",
        "country,month,direction,sex,age_group,citizenship," + "true_crossings,recorded_crossings"
      },
      {MIGRANTS_FILE, "country,month,direction,sex,age_group,citizenship,long_term,short_term"},
      {Table.BILATERAL_FLOWS.fileName(), Table.BILATERAL_FLOWS.header()},
      {Table.RETURNS.fileName(), Table.RETURNS.header()}
    };
  }

  public int size(Table table) {
    return tables.get(table).size();
  }
}
