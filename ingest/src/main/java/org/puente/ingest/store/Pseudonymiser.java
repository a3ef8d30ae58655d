package org.puente.ingest.store;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.MatchToken;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.PersonName;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import org.puente.spec.FieldMapping;
import org.puente.spec.MappedRecord;
import org.puente.spec.MappingSpec;

/**
 * Turns a mapped record (clear identifiers) into a lake row of {@link RecordTable}: the identifiers
 * become keyed tokens, one hardened name encoding and one hardened document-number encoding, the
 * birth date becomes a birth year, and nothing clear is kept. Thread-safe.
 *
 * <p>The encodings' random bit flips are drawn from generators seeded by keyed hashes of the file's
 * content hash and the record reference ({@link BloomEncoder#flipSeed}, {@link
 * DocumentEncoder#flipSeed}, under different prefixes): the same file gives the same lake, two
 * records of one name get different flips, which is what defeats frequency alignment, and a reader
 * of the lake and catalog cannot recompute the flips without the key.
 */
public final class Pseudonymiser implements Function<MappedRecord, Object[]> {

  private final TokenDeriver tokens;
  private final BloomEncoder encoder;
  private final DocumentEncoder documents;
  private final String contentSha256;
  private final List<Variable> dataVariables;
  private final int width;
  private final int surnameWords;

  /**
   * @param spec the spec the records were mapped with: its event kind, and how its full-name field
   *     (if any) splits into given names and surnames ({@code surname_words})
   */
  public Pseudonymiser(
      RegionalSchema schema,
      MappingSpec spec,
      TokenDeriver tokens,
      BloomEncoder encoder,
      DocumentEncoder documents,
      String contentSha256) {
    EventKind kind = spec.kind();
    this.surnameWords =
        spec.field(RegionalSchema.FULL_NAME).map(FieldMapping::surnameWords).orElse(0);
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.encoder = requireNonNull(encoder, "encoder is null");
    this.documents = requireNonNull(documents, "documents is null");
    this.contentSha256 = requireNonNull(contentSha256, "contentSha256 is null");
    this.dataVariables = RecordTable.dataVariables(schema, kind);
    this.width = RecordTable.layout(schema, kind).columns().size();
    if (!tokens.keyId().equals(encoder.keyId()) || !tokens.keyId().equals(documents.keyId())) {
      throw new IllegalArgumentException("tokens and encodings must use the same network key");
    }
  }

  @Override
  public Object[] apply(MappedRecord record) {
    Object[] row = new Object[width];
    int at = 0;
    row[at++] = record.recordId();
    row[at++] = record.line();
    for (Variable variable : dataVariables) {
      row[at++] = record.value(variable.name());
    }
    LocalDate birthDate = (LocalDate) record.value(RegionalSchema.BIRTH_DATE);
    row[at++] = birthDate == null ? null : birthDate.getYear();
    row[at++] = tokens.keyId();
    PersonIdentifiers person = identifiers(record);
    Map<TokenKind, MatchToken> derived = tokens.tokens(person);
    for (TokenKind kind : TokenKind.values()) {
      MatchToken token = derived.get(kind);
      row[at++] = token == null ? null : token.value();
    }
    row[at++] = person.name().isEmpty() ? null : encode(record, person.name());
    row[at] = person.documentNumber().map(number -> encode(record, number)).orElse(null);
    return row;
  }

  /**
   * The identifiers of a mapped record exactly as ingestion tokenises and encodes them: separate
   * given-name and surname fields, else the full-name field split. In memory only; the privacy
   * evaluation (bench) reads them to attack what ingestion stores.
   */
  public PersonIdentifiers identifiers(MappedRecord record) {
    LocalDate birthDate = (LocalDate) record.value(RegionalSchema.BIRTH_DATE);
    String given = text(record, RegionalSchema.GIVEN_NAMES);
    String surnames = text(record, RegionalSchema.SURNAMES);
    String full = text(record, RegionalSchema.FULL_NAME);
    String documentCountry = text(record, RegionalSchema.DOCUMENT_COUNTRY);
    if (documentCountry == null) {
      documentCountry = text(record, RegionalSchema.CITIZENSHIP);
    }
    PersonIdentifiers person =
        PersonIdentifiers.fromRaw(
            given,
            surnames,
            documentCountry,
            text(record, RegionalSchema.DOCUMENT_NUMBER),
            birthDate,
            text(record, RegionalSchema.SEX));
    if (person.name().isEmpty() && full != null) {
      person =
          new PersonIdentifiers(
              PersonName.parseFull(full, surnameWords),
              person.documentCountry(),
              person.documentNumber(),
              person.birthDate(),
              person.sex());
    }
    return person;
  }

  private String encode(MappedRecord record, PersonName name) {
    long seed = encoder.flipSeed(contentSha256 + "|" + record.recordId());
    return encoder.encode(name.allWords(), new SplittableRandom(seed)).toBase64();
  }

  /** The document number's encoding, its flips seeded apart from the name's ({@code dblip|v1|}). */
  private String encode(MappedRecord record, String documentNumber) {
    long seed = documents.flipSeed(contentSha256 + "|" + record.recordId());
    return documents.encode(documentNumber, new SplittableRandom(seed)).toBase64();
  }

  private static String text(MappedRecord record, String variable) {
    Object value = record.value(variable);
    return value == null ? null : value.toString();
  }
}
