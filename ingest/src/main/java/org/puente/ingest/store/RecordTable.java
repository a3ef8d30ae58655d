package org.puente.ingest.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.table.Column;
import org.puente.lake.table.ColumnType;
import org.puente.lake.table.TableLayout;
import org.puente.privacy.TokenKind;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import org.puente.schema.VariableUse;

/**
 * The lake table of one event kind: the source reference, every non-identifier variable of the
 * kind, the birth year (statistics keep it, never the birth date), and in place of the personal
 * identifiers their keyed tokens, the hardened name encoding ({@code name_bloom}) and the hardened
 * document-number encoding ({@code doc_bloom}, for matching a number mistyped by one character). No
 * column holds a clear identifier.
 */
public final class RecordTable {

  public static final String RECORD_ID = "record_id";
  public static final String SOURCE_LINE = "source_line";
  public static final String BIRTH_YEAR = "birth_year";
  public static final String KEY_ID = "key_id";
  public static final String NAME_BLOOM = "name_bloom";

  /**
   * The 256-bit document-number encoding ({@code DocumentEncoder}), base64url of 32 bytes (43
   * characters), under the key of {@link #KEY_ID}; null when the record has no document number.
   */
  public static final String DOC_BLOOM = "doc_bloom";

  private RecordTable() {}

  /** The column of a token kind, e.g. {@code tok_document}. */
  public static String tokenColumn(TokenKind kind) {
    return "tok_" + kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The keyed tokens and the two encodings: stored without min/max statistics, which would be work
   * spent on values that are never range-filtered.
   */
  public static Set<String> opaqueColumns() {
    Set<String> columns = new LinkedHashSet<>();
    for (TokenKind token : TokenKind.values()) {
      columns.add(tokenColumn(token));
    }
    columns.add(NAME_BLOOM);
    columns.add(DOC_BLOOM);
    return columns;
  }

  /** The non-identifier variables of a kind, in schema order: the lake's data columns. */
  public static List<Variable> dataVariables(RegionalSchema schema, EventKind kind) {
    List<Variable> variables = new ArrayList<>();
    for (VariableUse use : schema.variablesOf(kind)) {
      if (!use.variable().personalIdentifier()) {
        variables.add(use.variable());
      }
    }
    return variables;
  }

  public static TableLayout layout(RegionalSchema schema, EventKind kind) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(RECORD_ID, ColumnType.VARCHAR));
    columns.add(new Column(SOURCE_LINE, ColumnType.BIGINT));
    for (Variable variable : dataVariables(schema, kind)) {
      columns.add(new Column(variable.name(), type(variable)));
    }
    columns.add(new Column(BIRTH_YEAR, ColumnType.INTEGER));
    columns.add(new Column(KEY_ID, ColumnType.VARCHAR));
    for (TokenKind token : TokenKind.values()) {
      columns.add(new Column(tokenColumn(token), ColumnType.VARCHAR));
    }
    columns.add(new Column(NAME_BLOOM, ColumnType.VARCHAR));
    columns.add(new Column(DOC_BLOOM, ColumnType.VARCHAR));
    return new TableLayout(columns, RegionalSchema.EVENT_DATE);
  }

  /**
   * A DuckDB view named {@code viewName} over the committed records the query selects, with this
   * table's columns; returns the files it reads.
   */
  public static List<LakeFile> createView(
      LakeReader reader, Connection duckdb, String viewName, LakeQuery query) {
    return reader.createView(
        duckdb, viewName, query, layout(RegionalSchema.standard(), query.eventKind()));
  }

  static ColumnType type(Variable variable) {
    return switch (variable.type()) {
      case DATE -> ColumnType.DATE;
      case DATE_TIME -> ColumnType.TIMESTAMP;
      case INTEGER -> ColumnType.INTEGER;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case CODE, TEXT -> ColumnType.VARCHAR;
    };
  }
}
