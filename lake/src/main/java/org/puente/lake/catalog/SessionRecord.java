package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A sign-in session (migration V5's {@code sessions} table).
 *
 * @param sessionHash SHA-256 (hex) of the session id the browser holds; the id itself is never
 *     stored
 * @param userId the signed-in account
 * @param csrfToken the token the session's forms must send back
 * @param createdAt when the session began, by the catalog's clock
 * @param expiresAt when it ends; the catalog returns expired sessions, the caller refuses them
 */
public record SessionRecord(
    String sessionHash, long userId, String csrfToken, Instant createdAt, Instant expiresAt) {

  public SessionRecord {
    requireNonNull(sessionHash, "sessionHash is null");
    requireNonNull(csrfToken, "csrfToken is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(expiresAt, "expiresAt is null");
  }

  /** Whether the session has ended at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Without the CSRF token, which is as good as the session to a forger. */
  @Override
  public String toString() {
    return "SessionRecord[sessionHash="
        + sessionHash
        + ", userId="
        + userId
        + ", createdAt="
        + createdAt
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
