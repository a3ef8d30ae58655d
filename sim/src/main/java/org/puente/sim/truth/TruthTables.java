package org.puente.sim.truth;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
  private final LongCounters crossings = new LongCounters(Table.CROSSINGS.width());
  private final LongCounters bilateral = new LongCounters(Table.BILATERAL_FLOWS.width());

  public TruthTables() {
    for (Table table : Table.values()) {
      tables.put(table, new HashMap<>(1 << 8));
    }
  }

  /**
   * Adds a crossing to the crossings table: country and citizenship as {@link
   * Dimensions#country(String)}, month as year × 12 + month − 1, age group as {@link
   * Dimensions#ageGroup(int)}.
   */
  public void addCrossing(
      int country,
      long month,
      boolean arrival,
      boolean male,
      int ageGroup,
      int citizenship,
      boolean recorded,
      boolean longTerm) {
    long key =
        ((long) country << 40)
            | (month << 24)
            | ((arrival ? 0L : 1L) << 23)
            | ((male ? 1L : 0L) << 22)
            | ((long) ageGroup << 16)
            | citizenship;
    int at = crossings.offset(key);
    long[] counters = crossings.counts();
    counters[at]++;
    counters[at + 1] += recorded ? 1 : 0;
    counters[at + 2] += longTerm ? 1 : 0;
    counters[at + 3] += longTerm ? 0 : 1;
  }

  /** Adds an arrival to the bilateral flows. */
  public void addArrival(int year, int from, int to, boolean recorded, boolean longTerm) {
    int at = bilateral.offset(((long) year << 20) | ((long) from << 10) | to);
    long[] counters = bilateral.counts();
    counters[at]++;
    counters[at + 1] += recorded ? 1 : 0;
    counters[at + 2] += longTerm ? 1 : 0;
  }

  private static String crossingKey(long key) {
    return Dimensions.country(key >>> 40)
        + ","
        + Dimensions.month((key >>> 24) & 0xFFFF)
        + ","
        + (((key >>> 23) & 1) == 0 ? "ARRIVAL" : "DEPARTURE")
        + ","
        + (((key >>> 22) & 1) == 1 ? "M" : "F")
        + ","
        + Dimensions.ageGroup((key >>> 16) & 0x3F)
        + ","
        + Dimensions.country(key & 0xFFFF);
  }

  private static String bilateralKey(long key) {
    return (key >>> 20)
        + ","
        + Dimensions.country((key >>> 10) & 0x3FF)
        + ","
        + Dimensions.country(key & 0x3FF);
  }

  private Map<String, long[]> decoded(Table table) {
    Map<String, long[]> result = new HashMap<>();
    switch (table) {
      case CROSSINGS -> crossings.forEach((key, values) -> result.put(crossingKey(key), values));
      case BILATERAL_FLOWS ->
          bilateral.forEach((key, values) -> result.put(bilateralKey(key), values));
      case RETURNS -> result.putAll(tables.get(table));
    }
    return result;
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
    other.crossings.forEach(crossings::add);
    other.bilateral.forEach(bilateral::add);
  }

  /** The crossings table's file of 12/16-month classes (its last two counters). */
  public static final String MIGRANTS_FILE = "migrants_12_16.csv";

  /** Writes a table as CSV, keys in sorted order, counters {@code from} to {@code to}. */
  public void write(Table table, String header, int from, int to, Writer out) throws IOException {
    out.write(header);
    out.write('\n');
    if (table == Table.RETURNS) {
      for (Map.Entry<String, long[]> entry : new TreeMap<>(tables.get(table)).entrySet()) {
        line(entry.getKey(), entry.getValue(), 0, from, to, out);
      }
      return;
    }
    // Packed keys sort like their text once the age group is replaced by its rank in text order
    // ("100+" sorts before "15-19"): no field's text is a prefix of another value of the field.
    boolean crossing = table == Table.CROSSINGS;
    LongCounters counters = crossing ? crossings : bilateral;
    long[] keys = counters.keys();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = crossing ? withAgeGroup(keys[i], AGE_RANK) : keys[i];
    }
    Arrays.sort(keys);
    for (long sorted : keys) {
      long key = crossing ? withAgeGroup(sorted, AGE_BY_RANK) : sorted;
      String text = crossing ? crossingKey(key) : bilateralKey(key);
      line(text, counters.counts(), counters.offset(key), from, to, out);
    }
  }

  private static void line(String key, long[] counts, int at, int from, int to, Writer out)
      throws IOException {
    out.write(key);
    for (int i = from; i < to; i++) {
      out.write(',');
      out.write(Long.toString(counts[at + i]));
    }
    out.write('\n');
  }

  /** Age-group index to its rank in text order, and back. */
  private static final int[] AGE_RANK = new int[21];

  private static final int[] AGE_BY_RANK = new int[21];

  static {
    List<Integer> groups = new ArrayList<>();
    for (int i = 0; i < AGE_RANK.length; i++) {
      groups.add(i);
    }
    groups.sort(Comparator.comparing(i -> Dimensions.ageGroup((long) i)));
    for (int rank = 0; rank < groups.size(); rank++) {
      AGE_RANK[groups.get(rank)] = rank;
      AGE_BY_RANK[rank] = groups.get(rank);
    }
  }

  private static long withAgeGroup(long key, int[] mapping) {
    int age = (int) ((key >>> 16) & 0x3F);
    return (key & ~(0x3FL << 16)) | ((long) mapping[age] << 16);
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
    return decoded(table).size();
  }
}
