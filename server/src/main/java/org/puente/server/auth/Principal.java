package org.puente.server.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who is calling: a signed-in user (through a session cookie) or a machine (through an API token).
 *
 * @param userId the user's catalog id
 * @param name the user's name, as the audit log writes it
 * @param role what the user may do
 * @param country the user's country (alpha-3) for the roles bound to one
 * @param csrfToken the session's form token; empty for API tokens, which forms never carry
 */
public record Principal(
    long userId, String name, Role role, Optional<String> country, Optional<String> csrfToken) {

  public Principal {
    requireNonNull(name, "name is null");
    requireNonNull(role, "role is null");
    requireNonNull(country, "country is null");
    requireNonNull(csrfToken, "csrfToken is null");
  }

  public boolean is(Role other) {
    return role == other;
  }

  /** Whether this user belongs to {@code alpha3} (stewards and analysts of that country). */
  public boolean ofCountry(String alpha3) {
    return country.isPresent() && country.get().equals(alpha3);
  }
}
