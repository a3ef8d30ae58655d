package org.puente.server.auth;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Optional;
import org.puente.codelist.CodeList;
import org.puente.codelist.CodeLists;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.UserAccount;

/** Adding a user: the checks the catalog cannot make, then the password's hash stored. */
public final class Accounts {

  private static final CodeList COUNTRIES = CodeLists.standard().require("country");

  private Accounts() {}

  /**
   * Checks and adds an enabled account. The caller keeps (and should clear) the password array.
   *
   * @param country the alpha-3 code of the country for a role that {@link Role#countryRequired()
   *     requires one}; empty for the others
   * @throws PuenteException USAGE when the role and the country do not go together, the country is
   *     not a known ISO 3166-1 alpha-3 code, the password is too short or the name is not allowed;
   *     CONFLICT when the name is taken
   */
  public static UserAccount add(
      Catalog catalog,
      String name,
      Role role,
      Optional<String> country,
      char[] password,
      SecureRandom random) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(name, "name is null");
    requireNonNull(role, "role is null");
    requireNonNull(country, "country is null");
    requireNonNull(password, "password is null");
    requireNonNull(random, "random is null");
    if (role.countryRequired() && country.isEmpty()) {
      throw new PuenteException(
          ErrorCode.USAGE, "the role " + role.code() + " works for one country: give its code");
    }
    if (!role.countryRequired() && country.isPresent()) {
      throw new PuenteException(
          ErrorCode.USAGE, "the role " + role.code() + " is not bound to a country: give none");
    }
    if (country.isPresent()
        && !(country.get().matches("[A-Z]{3}") && COUNTRIES.contains(country.get()))) {
      throw new PuenteException(
          ErrorCode.USAGE, "'" + country.get() + "' is not an ISO 3166-1 alpha-3 country code");
    }
    Passwords.checkPolicy(password);
    return catalog.users().add(name, Passwords.hash(password, random), role.code(), country);
  }
}
