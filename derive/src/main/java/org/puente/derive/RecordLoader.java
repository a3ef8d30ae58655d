package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.table.TableLayout;
import org.puente.linkage.IdMap;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.TokenDigest;
import org.puente.privacy.TokenKind;
import org.puente.residence.Direction;
import org.puente.residence.HistoryEvent;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/**
 * Reads the committed records of a node's lake, every event kind, in time order (event time, else
 * the event date at 00:00; then the key): their linkage side as {@link LinkageRecord}s, tokens
 * becoming 64-bit digests as they are read, packed out of the heap ({@link #loadLinkage}), or their
 * history side as {@link NodeRecord}s grouped by traveller ({@link #travellers}), which reads only
 * the history's columns.
 */
public final class RecordLoader {

  private final LakeReader reader;

  public RecordLoader(LakeReader reader) {
    this.reader = requireNonNull(reader, "reader is null");
  }

  /**
   * The reporting countries of the committed records from submissions with an id up to {@code
   * lastSubmissionId}, in code order.
   */
  public List<String> countries(Connection duckdb, long lastSubmissionId) {
    java.util.SortedSet<String> countries = new java.util.TreeSet<>();
    for (EventKind kind : EventKind.values()) {
      TableLayout layout = RecordTable.layout(RegionalSchema.standard(), kind);
      String view = "countries_" + kind.name().toLowerCase(java.util.Locale.ROOT);
      reader.createViewWithSubmission(duckdb, view, LakeQuery.of(kind), layout);
      try (Statement statement = duckdb.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "SELECT DISTINCT "
                      + RegionalSchema.REPORTING_COUNTRY
                      + " FROM "
                      + view
                      + " WHERE submission_id <= "
                      + lastSubmissionId)) {
        while (row.next()) {
          countries.add(row.getString(1));
        }
      } catch (SQLException e) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE,
            "cannot read the lake's " + kind + " records: " + e.getMessage(),
            e);
      }
    }
    return List.copyOf(countries);
  }

  /**
   * The history side of the records of {@code country} from the committed submissions with an id up
   * to {@code lastSubmissionId}, grouped by traveller as {@code assignments} (record key to
   * traveller) link them: what the residence functions and the output rows need, without tokens or
   * encodings. DuckDB joins the records to their travellers and sorts them into a temporary table,
   * spilling to its temporary directory when they outgrow its memory limit, so that walking them
   * holds one traveller's records in the heap at a time. Close it to drop the table.
   *
   * <p>{@code previousHistories}, when given, names a view of the previous run's histories table
   * ({@link OutputTables#HISTORIES}): each record then carries the class and predicted thousandths
   * that run gave it ({@link NodeRecord#previousClass}), joined by DuckDB in the same sort, so that
   * a run's revisions never hold the previous run's records in the heap.
   */
  public Travellers travellers(
      Connection duckdb,
      String country,
      long lastSubmissionId,
      IdMap assignments,
      Optional<String> previousHistories) {
    return new Travellers(duckdb, country, lastSubmissionId, assignments, previousHistories);
  }

  /** What {@link Travellers#forEach} calls for each traveller. */
  public interface TravellerVisitor {
    /** {@code history}: the traveller's records in time order (not kept by the caller). */
    void visit(long travellerId, List<NodeRecord> history);
  }

  /**
   * A country's travellers sorted by DuckDB ({@link #travellers}): in the order of their first
   * records, each traveller's records in time order, as a walk over the records in time order would
   * meet them. Walked as often as needed.
   */
  public final class Travellers implements AutoCloseable {

    private static final String ASSIGNMENTS = "traveller_assignments";
    private static final String SORTED = "traveller_histories";

    /**
     * Column positions after {@link #FIRST_TOKEN} history columns: kind, traveller, and the class
     * and predicted thousandths the previous run gave the record.
     */
    private static final int KIND = FIRST_TOKEN;

    private static final int TRAVELLER = FIRST_TOKEN + 1;
    private static final int PREVIOUS_CLASS = FIRST_TOKEN + 2;
    private static final int PREVIOUS_PERMILLE = FIRST_TOKEN + 3;

    /** The sorted table's columns in those positions, and the ones read packed. */
    private static final List<String> SORTED_COLUMNS = sortedColumns();

    private static final Set<Integer> SORTED_TEXT = sortedText();

    private static List<String> sortedColumns() {
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < FIRST_TOKEN; i++) {
        columns.add("c" + i);
      }
      columns.addAll(List.of("kind", "traveller", "previous_class", "previous_permille"));
      return List.copyOf(columns);
    }

    private static Set<Integer> sortedText() {
      Set<Integer> text = new java.util.HashSet<>(HISTORY_TEXT);
      text.addAll(List.of(KIND, PREVIOUS_CLASS));
      return Set.copyOf(text);
    }

    private final Connection duckdb;
    private final long records;

    private Travellers(
        Connection duckdb,
        String country,
        long lastSubmissionId,
        IdMap assignments,
        Optional<String> previousHistories) {
      this.duckdb = requireNonNull(duckdb, "duckdb is null");
      requireNonNull(country, "country is null");
      requireNonNull(assignments, "assignments is null");
      requireNonNull(previousHistories, "previousHistories is null");
      if (!country.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("not a country code: " + country);
      }
      try (Statement statement = duckdb.createStatement()) {
        // No primary key: the assignments' keys are distinct already (an IdMap), the join below is
        // a hash join either way, and the index DuckDB would build cost about 0.6 µs and 18 bytes
        // a record (Mexico's 58 million at 100 million crossings: some 35 s and 1 GB of DuckDB's
        // memory, which its sort below then has less of).
        statement.execute(
            "CREATE OR REPLACE TEMP TABLE "
                + ASSIGNMENTS
                + " (record_key BIGINT NOT NULL, traveller BIGINT NOT NULL)");
        try (DuckDBAppender appender =
            duckdb.unwrap(DuckDBConnection.class).createAppender("temp", "main", ASSIGNMENTS)) {
          for (int i = 0; i < assignments.size(); i++) {
            appender.beginRow().append(assignments.keyAt(i)).append(assignments.valueAt(i));
            appender.endRow();
          }
        }
        List<String> kinds = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
          kinds.add(historySelect(duckdb, country, kind, lastSubmissionId));
        }
        // What the previous run said of each record, by the same key (a record has one row in a
        // run's histories table).
        String previousColumns =
            previousHistories.isPresent()
                ? ", p.previous_class, p.previous_permille"
                : ", CAST(NULL AS VARCHAR) AS previous_class,"
                    + " CAST(NULL AS INTEGER) AS previous_permille";
        String previousJoin =
            previousHistories
                .map(
                    view ->
                        " LEFT JOIN (SELECT "
                            + keyExpression("submission_id", "source_line")
                            + " AS record_key, class AS previous_class,"
                            + " predicted_permille AS previous_permille FROM "
                            + view
                            + " WHERE reporting_country = '"
                            + country
                            + "') p ON p.record_key = records.record_key")
                .orElse("");
        // The order a walk over the records in time order meets them: a traveller's first record
        // is the one whose key is its id (the linker names a traveller after its first record).
        statement.execute(
            "CREATE OR REPLACE TEMP TABLE "
                + SORTED
                + " AS WITH records AS ("
                + String.join(" UNION ALL ", kinds)
                + "), linked AS (SELECT records.*, a.traveller"
                + previousColumns
                + " FROM records LEFT JOIN "
                + ASSIGNMENTS
                + " a ON a.record_key = records.record_key"
                + previousJoin
                + "),"
                + " firsts AS (SELECT traveller, min(event_second) AS first_second FROM linked"
                + " GROUP BY traveller)"
                + " SELECT linked.* EXCLUDE (record_key, event_second) FROM linked"
                + " LEFT JOIN firsts USING (traveller)"
                + " ORDER BY first_second, traveller, event_second, record_key");
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + SORTED)) {
          count.next();
          this.records = count.getLong(1);
        }
      } catch (SQLException e) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE,
            "cannot sort the lake's " + country + " records by traveller: " + e.getMessage(),
            e);
      }
    }

    /** How many records the travellers have. */
    public long records() {
      return records;
    }

    /**
     * Calls {@code visitor} with each traveller in turn. Every record must have a traveller: one
     * that linkage left out is an error, never a record dropped. The rows are read and made into
     * records on a thread of their own ({@link Handoff}) while the visitor works on the caller's;
     * the connection is used by that thread alone until this returns.
     */
    public void forEach(TravellerVisitor visitor) {
      requireNonNull(visitor, "visitor is null");
      Handoff.<Traveller>run(
          List.of(this::read),
          "puente-histories-read",
          traveller -> visitor.visit(traveller.id(), traveller.history()));
    }

    /** A traveller and its records, as {@link #read} hands them on. */
    private record Traveller(long id, List<NodeRecord> history) {}

    private void read(java.util.function.Consumer<Traveller> out) {
      try (Statement statement = duckdb.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "SELECT "
                      + DuckDbRows.selectList(SORTED_COLUMNS, SORTED_TEXT)
                      + " FROM "
                      + SORTED)) {
        DuckDbRows columns = DuckDbRows.of(row, SORTED_COLUMNS.size(), SORTED_TEXT);
        List<NodeRecord> history = new ArrayList<>();
        long traveller = 0;
        while (columns.next()) {
          Long next = columns.numberOrNull(TRAVELLER);
          if (next == null) {
            throw new IllegalStateException(
                "linkage left record "
                    + NodeRecord.key(columns.number(0), columns.number(1))
                    + " unassigned");
          }
          if (!history.isEmpty() && next != traveller) {
            out.accept(new Traveller(traveller, history));
            history = new ArrayList<>();
          }
          traveller = next;
          Integer permille = columns.integer(PREVIOUS_PERMILLE);
          history.add(
              history(
                  columns,
                  EventKind.valueOf(columns.string(KIND)),
                  columns.string(PREVIOUS_CLASS),
                  permille == null ? -1 : permille));
        }
        if (!history.isEmpty()) {
          out.accept(new Traveller(traveller, history));
        }
      } catch (SQLException e) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE, "cannot read the sorted histories: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try (Statement statement = duckdb.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + SORTED);
        statement.execute("DROP TABLE IF EXISTS " + ASSIGNMENTS);
      } catch (SQLException e) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE, "cannot drop the sorted histories: " + e.getMessage(), e);
      }
    }
  }

  /**
   * One kind's history columns for {@link Travellers}: {@link #columns} 0 to {@link #FIRST_TOKEN} -
   * 1 (each cast to its type, NULL where the kind's table lacks it, so that every kind's select has
   * the same columns), the kind, the record's key and its time order as {@link #eventSecond}
   * computes it.
   */
  private String historySelect(
      Connection duckdb, String country, EventKind kind, long lastSubmissionId) {
    TableLayout layout = RecordTable.layout(RegionalSchema.standard(), kind);
    String view = "histories_" + kind.name().toLowerCase(java.util.Locale.ROOT);
    reader.createViewWithSubmission(duckdb, view, LakeQuery.of(kind).country(country), layout);
    List<String> columns = columns(kind);
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < FIRST_TOKEN; i++) {
      String column = columns.get(i);
      boolean present = hasColumn(layout, column);
      select
          .append(present ? "CAST(\"" + column + "\" AS " : "CAST(NULL AS ")
          .append(HISTORY_TYPES.get(i))
          .append(") AS c")
          .append(i)
          .append(", ");
    }
    select
        .append("'")
        .append(kind.name())
        .append("' AS kind, ")
        .append(keyExpression("submission_id", "CAST(c1 AS BIGINT)"))
        .append(" AS record_key, CAST(floor(epoch(CASE WHEN c5 IS NOT NULL")
        .append(" AND CAST(c5 AS DATE) = c4 THEN c5 ELSE CAST(c4 AS TIMESTAMP) END)) AS BIGINT)")
        .append(" AS event_second FROM ")
        .append(view)
        .append(" WHERE submission_id <= ")
        .append(lastSubmissionId);
    return select.toString();
  }

  /** {@link NodeRecord#key} in DuckDB's SQL, of a submission id and a source line expression. */
  private static String keyExpression(String submission, String line) {
    return submission + " * " + (1L << NodeRecord.LINE_BITS) + " + " + line;
  }

  /** Whether a kind's lake table (or its view, which adds {@code submission_id}) has the column. */
  private static boolean hasColumn(TableLayout layout, String column) {
    return column.equals("submission_id")
        || layout.columns().stream().anyMatch(c -> c.name().equals(column));
  }

  /** The DuckDB types of {@link #columns} 0 to {@link #FIRST_TOKEN} - 1. */
  private static final List<String> HISTORY_TYPES =
      List.of(
          "BIGINT",
          "BIGINT",
          "VARCHAR",
          "VARCHAR",
          "DATE",
          "TIMESTAMP",
          "VARCHAR",
          "VARCHAR",
          "VARCHAR",
          "VARCHAR",
          "VARCHAR",
          "INTEGER",
          "DATE",
          "VARCHAR");

  /**
   * The linkage side of the same records, in the same order, with ids {@link NodeRecord#key}:
   * tokens as digests, encodings, blocking keys; packed out of the heap in a scratch file in {@code
   * scratch} ({@link PackedRecords}), which the caller closes. Read apart from {@link #travellers}
   * so that a country's linkage state and its histories are never in the heap together. Read on
   * {@link #linkageReaders} DuckDB connections of their own at once ({@link LinkageReading});
   * {@code duckdb} reads them when there is one reader.
   */
  public PackedRecords loadLinkage(
      Connection duckdb, Optional<String> country, long lastSubmissionId, Path scratch) {
    return loadLinkage(duckdb, country, lastSubmissionId, scratch, linkageReaders());
  }

  /** {@link #loadLinkage(Connection, Optional, long, Path)} on {@code readers} connections. */
  PackedRecords loadLinkage(
      Connection duckdb,
      Optional<String> country,
      long lastSubmissionId,
      Path scratch,
      int readers) {
    PackedRecords read = PackedRecords.in(scratch);
    try {
      LinkageReading.read(this, duckdb, country, lastSubmissionId, readers, read::add);
      PackedRecords ordered = read.ordered();
      if (ordered != read) {
        read.close();
      }
      return ordered;
    } catch (RuntimeException e) {
      read.close();
      throw e;
    }
  }

  /**
   * How many connections read a country's linkage side: the machine's threads, at most {@value
   * #MAX_LINKAGE_READERS}. Turning DuckDB's result chunks into Java values, value by value through
   * the JDBC driver, is most of the time it takes (a profile of a ten million crossing run: 33% of
   * its CPU in the driver's fetch), and that runs on the reading thread.
   */
  static int linkageReaders() {
    return Math.max(1, Math.min(MAX_LINKAGE_READERS, Runtime.getRuntime().availableProcessors()));
  }

  static final int MAX_LINKAGE_READERS = 4;

  /**
   * Creates, on {@code duckdb}, the view of the committed records of {@code kind} (of the country
   * if given) and returns the select of the columns {@link #columns} of those up to {@code
   * lastSubmissionId}: what {@link #loadLinkage} reads for one kind.
   */
  String linkageView(
      Connection duckdb, Optional<String> country, EventKind kind, long lastSubmissionId) {
    LakeQuery query = LakeQuery.of(kind);
    if (country.isPresent()) {
      query = query.country(country.get());
    }
    TableLayout layout = RecordTable.layout(RegionalSchema.standard(), kind);
    String view = "records_" + kind.name().toLowerCase(java.util.Locale.ROOT);
    reader.createViewWithSubmission(duckdb, view, query, layout);
    return select(view, kind, layout, lastSubmissionId);
  }

  /** The position of the first linkage-only column in {@link #columns}. */
  public static final int FIRST_TOKEN = 14;

  /** The error of a lake's records that cannot be read. */
  static PuenteException unreadable(EventKind kind, SQLException e) {
    return new PuenteException(
        ErrorCode.UNAVAILABLE, "cannot read the lake's " + kind + " records: " + e.getMessage(), e);
  }

  private static String select(
      String view, EventKind kind, TableLayout layout, long lastSubmissionId) {
    List<String> columns = columns(kind);
    List<String> expressions = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      // The record reference is free text that the linkage side never reads.
      boolean read = i != RECORD_REFERENCE && hasColumn(layout, column);
      expressions.add(read ? "\"" + column + "\"" : "NULL");
    }
    return "SELECT "
        + DuckDbRows.selectList(expressions, LINKAGE_TEXT)
        + " FROM "
        + view
        + " WHERE submission_id <= "
        + lastSubmissionId;
  }

  /** The position of the record reference in {@link #columns}: free text, never packed. */
  private static final int RECORD_REFERENCE = 2;

  /** The positions of {@link #columns}' history part that hold codes: read packed. */
  private static final Set<Integer> HISTORY_TEXT = historyText();

  /**
   * The positions of {@link #columns} that {@link #linkageRecord} reads as text (the history part's
   * codes, every token and encoding), which the DuckDB engine fetches packed ({@link DuckDbRows}).
   */
  static final Set<Integer> LINKAGE_TEXT = linkageText();

  private static Set<Integer> historyText() {
    Set<Integer> text = new java.util.TreeSet<>();
    for (int i = 0; i < FIRST_TOKEN; i++) {
      if (i != RECORD_REFERENCE && HISTORY_TYPES.get(i).equals("VARCHAR")) {
        text.add(i);
      }
    }
    return Set.copyOf(text);
  }

  private static Set<Integer> linkageText() {
    Set<Integer> text = new java.util.TreeSet<>(HISTORY_TEXT);
    for (int i = FIRST_TOKEN; i < columns(EventKind.BORDER_CROSSING).size(); i++) {
      text.add(i);
    }
    return Set.copyOf(text);
  }

  /**
   * The columns a record of {@code kind} is read with, in the positions {@link RecordColumns} gives
   * their values: the submission, the source line, the record reference, the history's variables,
   * then the tokens and encodings of its linkage side (from {@link #FIRST_TOKEN} on). Either engine
   * selects these (NULL for a column the kind's table lacks) and builds the record with {@link
   * #linkageRecord}. The lake's stored blocking tokens ({@code BLOCK_*}) are not read: {@link
   * #blockingKeys} mixes the keys from the date and name tokens.
   */
  public static List<String> columns(EventKind kind) {
    return List.of(
        "submission_id",
        RecordTable.SOURCE_LINE,
        RecordTable.RECORD_ID,
        RegionalSchema.REPORTING_COUNTRY,
        RegionalSchema.EVENT_DATE,
        RegionalSchema.EVENT_TIME,
        RegionalSchema.DIRECTION,
        RegionalSchema.PORT,
        RegionalSchema.CITIZENSHIP,
        RegionalSchema.COUNTRY_OF_RESIDENCE,
        kind == EventKind.RETURN_OF_NATIONAL
            ? RegionalSchema.RETURNED_FROM
            : RegionalSchema.COUNTERPART_COUNTRY,
        RegionalSchema.AUTHORISED_STAY_DAYS,
        RegionalSchema.PERMIT_END,
        RegionalSchema.SEX,
        RecordTable.tokenColumn(TokenKind.DOCUMENT),
        RecordTable.tokenColumn(TokenKind.BIRTH_DATE),
        RecordTable.tokenColumn(TokenKind.BIRTH_DATE_SWAPPED),
        RecordTable.tokenColumn(TokenKind.BIRTH_YEAR),
        RecordTable.tokenColumn(TokenKind.FIRST_GIVEN_NAME),
        RecordTable.tokenColumn(TokenKind.FIRST_SURNAME),
        RecordTable.tokenColumn(TokenKind.GIVEN_NAMES),
        RecordTable.tokenColumn(TokenKind.SURNAMES),
        RecordTable.tokenColumn(TokenKind.NAME_SET),
        RecordTable.NAME_BLOOM,
        RecordTable.DOC_BLOOM);
  }

  /**
   * One row's values by position in {@link #columns}: how either engine hands a row to {@link
   * #linkageRecord}. A missing value is null (0 for the two numbers, which are never missing).
   */
  public interface RecordColumns {
    String string(int position);

    /** The digest of the stored token at {@code position} ({@link TokenDigest#of(String)}). */
    default long digest(int position) {
      return TokenDigest.of(string(position));
    }

    /** The stored name encoding at {@code position} ({@link TokenDigest#bloom(String)}). */
    default long[] nameBloom(int position) {
      return TokenDigest.bloom(string(position));
    }

    /**
     * The stored document encoding at {@code position} ({@link TokenDigest#documentBloom(String)}).
     */
    default long[] documentBloom(int position) {
      return TokenDigest.documentBloom(string(position));
    }

    long number(int position);

    Integer integer(int position);

    LocalDate date(int position);

    LocalDateTime timestamp(int position);
  }

  /** The record's time order: its event time, else its event date at 00:00. */
  private static long eventSecond(RecordColumns row, LocalDate date) {
    LocalDateTime time = row.timestamp(5);
    // A time on another day than the event date (an inconsistent source) is not used for order.
    LocalDateTime at = time != null && time.toLocalDate().equals(date) ? time : date.atStartOfDay();
    return at.toEpochSecond(ZoneOffset.UTC);
  }

  private static Direction direction(RecordColumns row, EventKind kind) {
    String code = row.string(6);
    return kind == EventKind.BORDER_CROSSING && code != null ? Direction.valueOf(code) : null;
  }

  /**
   * The linkage side of one record of {@code kind} from its columns ({@link #columns}), with id
   * {@link NodeRecord#key}: tokens as digests, encodings, blocking keys. Both engines pack it at
   * once ({@link PackedRecords}, whose dictionary keeps one instance of each code).
   */
  public static LinkageRecord linkageRecord(RecordColumns row, EventKind kind) {
    long key = NodeRecord.key(row.number(0), row.number(1));
    LocalDate date = row.date(4);
    String sex = row.string(13);
    long document = row.digest(14);
    long birthDate = row.digest(15);
    long swappedDate = row.digest(16);
    long firstGivenName = row.digest(18);
    long firstSurname = row.digest(19);
    long nameSet = row.digest(22);
    return new LinkageRecord(
        key,
        document,
        birthDate,
        swappedDate,
        row.digest(17),
        firstGivenName,
        firstSurname,
        row.digest(20),
        row.digest(21),
        nameSet,
        blockingKeys(document, birthDate, swappedDate, firstGivenName, firstSurname, nameSet),
        row.nameBloom(23),
        row.documentBloom(24),
        sex,
        row.string(8),
        eventSecond(row, date),
        direction(row, kind),
        row.string(7));
  }

  private NodeRecord history(
      RecordColumns row, EventKind kind, String previousClass, int previousPermille) {
    long key = NodeRecord.key(row.number(0), row.number(1));
    LocalDate date = row.date(4);
    HistoryEvent event =
        new HistoryEvent(
            key,
            kind,
            date,
            eventSecond(row, date),
            direction(row, kind),
            row.string(7),
            row.string(3),
            row.string(8),
            row.string(9),
            row.integer(11),
            row.string(10));
    return new NodeRecord(key, row.string(2), event, previousClass, previousPermille);
  }

  /**
   * The keys a record is blocked on: its document; and its birth date, and its day/month-swapped
   * birth date, each with its first given name and with its first surname; and its birth date with
   * its set of names (given names and surnames exchanged). The swapped date's keys equal the plain
   * date's keys of a record whose source wrote the date the other way round (the swapped token is
   * made from the same text as the other record's birth-date token). The keys are mixed here from
   * the stored tokens' digests, so that the plain and the swapped keys can meet.
   *
   * <p>Every key joins a person's name or document to the date, so a block holds the people who
   * share a date and a name (a number that still grows with the population for common names): a
   * pair is missed only when its document, its first given name, its first surname and its name set
   * all differ (or its birth date is missing). Blocking on the birth date and sex alone, as earlier
   * versions did, made blocks grow with the country (about 100 records each among Mexico's 5.8
   * million) and linkage time grow with its square; the first surname with the birth year (also
   * stored) is left out for the same reason.
   */
  static long[] blockingKeys(
      long document,
      long birthDate,
      long swappedDate,
      long firstGivenName,
      long firstSurname,
      long nameSet) {
    long[] keys = {
      document,
      mix(birthDate, firstGivenName),
      mix(birthDate, firstSurname),
      mix(birthDate, nameSet),
      mix(swappedDate, firstGivenName),
      mix(swappedDate, firstSurname)
    };
    int count = 0;
    for (long key : keys) {
      if (key != 0) {
        keys[count++] = key;
      }
    }
    return java.util.Arrays.copyOf(keys, count);
  }

  /**
   * A 64-bit key from a date token's digest and a name token's digest (MurmurHash3's finaliser); 0,
   * no key, when either is missing.
   */
  static long mix(long dateDigest, long nameDigest) {
    if (dateDigest == 0 || nameDigest == 0) {
      return 0;
    }
    long h = dateDigest ^ Long.rotateLeft(nameDigest * 0x9E3779B97F4A7C15L, 31);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
