package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token (migration V5's {@code api_tokens} table), without the token: the catalog keeps only
 * its SHA-256, and the token is shown once, when it is issued.
 *
 * @param id the catalog's id of the token, which names it in lists and revocations
 * @param userId the account the token acts as
 * @param label what the token is for, as its owner named it
 * @param createdAt when it was issued, by the catalog's clock
 * @param expiresAt when it stops working; empty: it does not expire
 * @param revoked whether it was revoked (revoked tokens are kept)
 */
public record TokenRecord(
    long id,
    long userId,
    String label,
    Instant createdAt,
    Optional<Instant> expiresAt,
    boolean revoked) {

  public TokenRecord {
    requireNonNull(label, "label is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
  }

  /** Whether the token may be used at {@code now}: not revoked and not expired. */
  public boolean usableAt(Instant now) {
    return !revoked && expiresAt.map(now::isBefore).orElse(true);
  }
}
