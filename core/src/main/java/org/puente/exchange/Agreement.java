package org.puente.exchange;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * An agreement between two nodes to link their records on per-agreement tokens (docs/EXCHANGE.md).
 * Checked where it is built; a bad agreement is a USAGE error naming what is wrong.
 *
 * @param id e.g. {@code GTM-MEX-2026}: letters, digits and dashes
 * @param partyA the alpha-3 code of the country whose departures are linked
 * @param partyB the alpha-3 code of the country whose arrivals or returns are linked
 * @param link what is linked with what
 * @param purpose why (required; recorded and shown with every export)
 * @param validFrom first day the agreement allows exchanges
 * @param validUntil last day it allows them
 * @param fields the tokens exchanged
 * @param keyId the id of the agreement key both parties hold ({@code agr-…})
 */
public record Agreement(
    String id,
    String partyA,
    String partyB,
    LinkKind link,
    String purpose,
    LocalDate validFrom,
    LocalDate validUntil,
    List<AgreementField> fields,
    String keyId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

  public Agreement {
    requireNonNull(id, "id is null");
    requireNonNull(partyA, "partyA is null");
    requireNonNull(partyB, "partyB is null");
    requireNonNull(link, "link is null");
    requireNonNull(purpose, "purpose is null");
    requireNonNull(validFrom, "validFrom is null");
    requireNonNull(validUntil, "validUntil is null");
    requireNonNull(fields, "fields is null");
    requireNonNull(keyId, "keyId is null");
    fields = List.copyOf(fields);
    if (!ID.matcher(id).matches()) {
      throw usage("agreement id '" + id + "': letters, digits and dashes, at most 64");
    }
    for (String party : List.of(partyA, partyB)) {
      if (!ALPHA3.matcher(party).matches()) {
        throw usage("party '" + party + "' is not an ISO 3166-1 alpha-3 code");
      }
    }
    if (partyA.equals(partyB)) {
      throw usage("an agreement links two different countries, not " + partyA + " with itself");
    }
    if (purpose.isBlank()) {
      throw usage("an agreement needs a purpose");
    }
    if (validUntil.isBefore(validFrom)) {
      throw usage("valid until " + validUntil + " is before valid from " + validFrom);
    }
    if (fields.isEmpty()) {
      throw usage("an agreement needs at least one field");
    }
    if (!keyId.startsWith("agr-")) {
      throw usage("the agreement key id must be an agreement key's (agr-…), not " + keyId);
    }
  }

  /** Whether exchanges are allowed on {@code day} (inclusive bounds). */
  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validUntil);
  }

  /** The party of a side. */
  public String party(AgreementSide side) {
    return side == AgreementSide.A ? partyA : partyB;
  }

  /** The other party of a side: the counterpart its records must name. */
  public String counterpart(AgreementSide side) {
    return side == AgreementSide.A ? partyB : partyA;
  }

  private static PuenteException usage(String message) {
    return new PuenteException(ErrorCode.USAGE, message);
  }
}
