package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A person who signs in to the node server (migration V5's {@code users} table).
 *
 * @param id the catalog's id of the account
 * @param name the sign-in name, 1 to 64 characters of {@code [A-Za-z0-9._@-]}
 * @param role the role's code, e.g. {@code analyst}; the server decides what it may do
 * @param country the alpha-3 code of the country a country-bound role works for, else empty
 * @param disabled whether sign-in, sessions and tokens are refused
 * @param passwordHash the password's PHC string (Argon2id), never the password
 * @param createdAt when the account was added, by the catalog's clock
 */
public record UserAccount(
    long id,
    String name,
    String role,
    Optional<String> country,
    boolean disabled,
    String passwordHash,
    Instant createdAt) {

  public UserAccount {
    requireNonNull(name, "name is null");
    requireNonNull(role, "role is null");
    requireNonNull(country, "country is null");
    requireNonNull(passwordHash, "passwordHash is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  /** Without the password hash: an account printed in a log must not help an offline guess. */
  @Override
  public String toString() {
    return "UserAccount[id="
        + id
        + ", name="
        + name
        + ", role="
        + role
        + ", country="
        + country.orElse("-")
        + ", disabled="
        + disabled
        + ", createdAt="
        + createdAt
        + "]";
  }
}
