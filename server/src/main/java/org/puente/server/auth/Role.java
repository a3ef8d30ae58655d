package org.puente.server.auth;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * What a user may do on the node server. The catalog stores the {@link #code()}; a role that {@link
 * #countryRequired() requires a country} works for that one country.
 */
public enum Role {
  /** Manages users, tokens and the node; sees the audit log. */
  ADMINISTRATOR("administrator", false),
  /** A national migration authority's steward: loads, corrects and publishes its exports. */
  DATA_STEWARD("steward", true),
  /** A national analyst: tables and indicators of one country's records. */
  ANALYST("analyst", true),
  /** An analyst at the hub: the whole region, bilateral flows and mirror statistics. */
  REGIONAL_ANALYST("regional-analyst", false),
  /** A decision-maker: the dashboard and published tables. */
  VIEWER("viewer", false);

  private final String code;
  private final boolean countryRequired;

  Role(String code, boolean countryRequired) {
    this.code = code;
    this.countryRequired = countryRequired;
  }

  /** The role as the catalog and the command line spell it, e.g. {@code regional-analyst}. */
  public String code() {
    return code;
  }

  /** Whether a user with this role must have a country (and a user without it must not). */
  public boolean countryRequired() {
    return countryRequired;
  }

  /**
   * The role with this code.
   *
   * @throws PuenteException USAGE naming the valid codes when there is none
   */
  public static Role parse(String code) {
    for (Role role : values()) {
      if (role.code.equals(code)) {
        return role;
      }
    }
    throw new PuenteException(
        ErrorCode.USAGE,
        "unknown role '"
            + code
            + "': use one of "
            + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")));
  }
}
