package org.puente.exchange;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.privacy.TokenKind;

/**
 * One field exchanged under an agreement: a near-unique token kind alone ({@code DOCUMENT}, {@code
 * BLOCK_GIVEN_DATE}, {@code BLOCK_DATE_SEX}), or {@code NAME_SET} combined with the birth date or
 * year (and optionally the sex), written {@code NAME_SET+BIRTH_DATE}. A combined field leaves the
 * node as one token of all its parts, so the hub never sees the name token alone (docs/PRIVACY.md,
 * "Findings": deterministic name tokens re-identify by frequency).
 *
 * @param kinds the token kinds, in the order written
 */
public record AgreementField(List<TokenKind> kinds) {

  /** Kinds that may be exchanged alone: their values are near-unique per person. */
  public static final Set<TokenKind> ALONE =
      EnumSet.of(TokenKind.DOCUMENT, TokenKind.BLOCK_GIVEN_DATE, TokenKind.BLOCK_DATE_SEX);

  /** Kinds a combined field may add to {@code NAME_SET}; it needs a birth date or year. */
  static final Set<TokenKind> WITH_NAME_SET =
      EnumSet.of(TokenKind.BIRTH_DATE, TokenKind.BIRTH_YEAR, TokenKind.SEX);

  private static final Set<TokenKind> SINGLE_NAME =
      EnumSet.of(
          TokenKind.FIRST_GIVEN_NAME,
          TokenKind.FIRST_SURNAME,
          TokenKind.GIVEN_NAMES,
          TokenKind.SURNAMES,
          TokenKind.BLOCK_SURNAME_YEAR);

  public AgreementField {
    requireNonNull(kinds, "kinds is null");
    kinds = List.copyOf(kinds);
    String problem = problem(kinds);
    if (problem != null) {
      throw new PuenteException(ErrorCode.USAGE, problem);
    }
  }

  /** Parses {@code DOCUMENT} or {@code NAME_SET+BIRTH_DATE} (case-insensitive). */
  public static AgreementField parse(String text) {
    requireNonNull(text, "text is null");
    List<TokenKind> kinds = new ArrayList<>();
    for (String part : text.trim().split("\\+")) {
      try {
        kinds.add(TokenKind.valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new PuenteException(ErrorCode.USAGE, "unknown token kind '" + part.trim() + "'");
      }
    }
    return new AgreementField(kinds);
  }

  /** Parses a comma-separated list of fields; at least one, none twice. */
  public static List<AgreementField> parseList(String text) {
    List<AgreementField> fields = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        AgreementField field = parse(part);
        if (fields.contains(field)) {
          throw new PuenteException(ErrorCode.USAGE, "field " + field.code() + " given twice");
        }
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      throw new PuenteException(ErrorCode.USAGE, "an agreement needs at least one field");
    }
    return List.copyOf(fields);
  }

  /** {@code DOCUMENT}, {@code NAME_SET+BIRTH_DATE}. */
  public String code() {
    return String.join("+", kinds.stream().map(TokenKind::name).toList());
  }

  /** The column of this field in an exchange file: its code in lower case. */
  public String column() {
    return code().toLowerCase(Locale.ROOT);
  }

  /** Whether the field combines several kinds (all must agree). */
  public boolean combined() {
    return kinds.size() > 1;
  }

  private static String problem(List<TokenKind> kinds) {
    if (kinds.isEmpty()) {
      return "a field needs a token kind";
    }
    if (EnumSet.copyOf(kinds).size() != kinds.size()) {
      return "a field names a token kind twice";
    }
    for (TokenKind kind : kinds) {
      if (SINGLE_NAME.contains(kind)) {
        return kind
            + " may not leave a node: a single-name token re-identifies names by their frequency"
            + " (docs/PRIVACY.md, Findings); use NAME_SET combined with BIRTH_DATE or"
            + " BIRTH_YEAR, or DOCUMENT, BLOCK_GIVEN_DATE, BLOCK_DATE_SEX";
      }
    }
    if (kinds.size() == 1) {
      TokenKind kind = kinds.get(0);
      if (ALONE.contains(kind)) {
        return null;
      }
      if (kind == TokenKind.NAME_SET) {
        return "NAME_SET may leave a node only combined, e.g. NAME_SET+BIRTH_DATE";
      }
      return kind
          + " alone is shared by too many people to link on; use DOCUMENT, BLOCK_GIVEN_DATE,"
          + " BLOCK_DATE_SEX or NAME_SET+BIRTH_DATE";
    }
    if (!kinds.contains(TokenKind.NAME_SET)) {
      return "a combined field is NAME_SET with BIRTH_DATE or BIRTH_YEAR (and SEX): "
          + String.join("+", kinds.stream().map(TokenKind::name).toList());
    }
    for (TokenKind kind : kinds) {
      if (kind != TokenKind.NAME_SET && !WITH_NAME_SET.contains(kind)) {
        return kind + " cannot be combined with NAME_SET; combine BIRTH_DATE, BIRTH_YEAR or SEX";
      }
    }
    if (!kinds.contains(TokenKind.BIRTH_DATE) && !kinds.contains(TokenKind.BIRTH_YEAR)) {
      return "NAME_SET needs BIRTH_DATE or BIRTH_YEAR beside it to be near-unique";
    }
    return null;
  }
}
