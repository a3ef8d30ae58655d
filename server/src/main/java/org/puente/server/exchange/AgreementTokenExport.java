package org.puente.server.exchange;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.AgreementSide;
import org.puente.exchange.LinkKind;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.DuckDb;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.LakeQuery;
import org.puente.privacy.AgreementTokens;
import org.puente.privacy.MatchToken;
import org.puente.privacy.NodeKey;
import org.puente.privacy.TokenKind;
import org.puente.residence.Direction;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/**
 * One node's side of an agreement as CSV (docs/EXCHANGE.md): a header {@code event_date,<field
 * column>…}, then per record of the side its event day and, per agreed field, its per-agreement
 * token (empty when the record lacks a part). Nothing else: no record id, no other variable, no
 * stored token. Rows are streamed from DuckDB to the writer, never held.
 */
public final class AgreementTokenExport {

  /** The first column of an exchange file. */
  public static final String EVENT_DATE = "event_date";

  private final LakeReader reader;
  private final AgreementTokens tokens;

  public AgreementTokenExport(LakeReader reader, NodeKey agreementKey) {
    this.reader = requireNonNull(reader, "reader is null");
    this.tokens = new AgreementTokens(requireNonNull(agreementKey, "agreementKey is null"));
  }

  /** The header of a side's file. */
  public static List<String> header(Agreement agreement) {
    List<String> header = new ArrayList<>();
    header.add(EVENT_DATE);
    for (AgreementField field : agreement.fields()) {
      header.add(field.column());
    }
    return header;
  }

  /**
   * Writes the side's records with an event in {@code from}..{@code to}; returns how many.
   *
   * @throws PuenteException USAGE when the agreement's key is not the one given
   */
  public long write(
      Agreement agreement, AgreementSide side, YearMonth from, YearMonth to, Writer out) {
    if (!agreement.keyId().equals(tokens.keyId())) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "agreement " + agreement.id() + " names key " + agreement.keyId() + ", not this one");
    }
    EventKind kind =
        side == AgreementSide.B && agreement.link() == LinkKind.RETURNS_TO_DEPARTURES
            ? EventKind.RETURN_OF_NATIONAL
            : EventKind.BORDER_CROSSING;
    Set<TokenKind> needed = EnumSet.noneOf(TokenKind.class);
    agreement.fields().forEach(field -> needed.addAll(field.kinds()));
    List<TokenKind> columns = List.copyOf(needed);
    StringBuilder sql =
        new StringBuilder("SELECT " + RegionalSchema.EVENT_DATE + ", " + RecordTable.KEY_ID);
    for (TokenKind token : columns) {
      sql.append(", ").append(RecordTable.tokenColumn(token));
    }
    sql.append(" FROM side WHERE ")
        .append(RegionalSchema.EVENT_DATE)
        .append(" BETWEEN ? AND ? AND ");
    if (kind == EventKind.RETURN_OF_NATIONAL) {
      sql.append(RegionalSchema.RETURNED_FROM).append(" = ?");
    } else {
      sql.append(RegionalSchema.COUNTERPART_COUNTRY)
          .append(" = ? AND ")
          .append(RegionalSchema.DIRECTION)
          .append(" = '")
          .append(side == AgreementSide.A ? Direction.DEPARTURE : Direction.ARRIVAL)
          .append("'");
    }
    long rows = 0;
    try (Connection duckdb = DuckDb.streaming()) {
      RecordTable.createView(
          reader,
          duckdb,
          "side",
          LakeQuery.of(kind).country(agreement.party(side)).periods(from, to));
      try (PreparedStatement statement = duckdb.prepareStatement(sql.toString())) {
        statement.setDate(1, Date.valueOf(from.atDay(1)));
        statement.setDate(2, Date.valueOf(to.atEndOfMonth()));
        statement.setString(3, agreement.counterpart(side));
        out.write(String.join(",", header(agreement)));
        out.write('\n');
        try (ResultSet row = statement.executeQuery()) {
          String[] stored = new String[columns.size()];
          while (row.next()) {
            String keyId = row.getString(2);
            for (int i = 0; i < stored.length; i++) {
              stored[i] = row.getString(i + 3);
            }
            out.write(row.getDate(1).toLocalDate().toString());
            for (AgreementField field : agreement.fields()) {
              out.write(',');
              out.write(token(field, columns, keyId, stored));
            }
            out.write('\n');
            rows++;
          }
        }
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot read the lake's " + kind + " records: " + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the exchange rows", e);
    }
    return rows;
  }

  /** The per-agreement token of one field, or empty when a part is missing. */
  private String token(
      AgreementField field, List<TokenKind> columns, String keyId, String[] stored) {
    List<MatchToken> parts = new ArrayList<>(field.kinds().size());
    for (TokenKind kind : field.kinds()) {
      String value = stored[columns.indexOf(kind)];
      if (value == null || value.isEmpty() || keyId == null) {
        return "";
      }
      // The lake keeps a token's value in its column and the network key's id in key_id.
      parts.add(new MatchToken(kind, keyId, value));
    }
    return parts.size() == 1 ? tokens.derive(parts.get(0)).value() : tokens.deriveCombined(parts);
  }
}
