package org.puente.server.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sdc.ProtectionRules;

/**
 * Who may do what: the one place the server's rules live (docs/SERVER.md shows them as a table).
 * Every check throws FORBIDDEN with a reason that names the role needed, never the data asked for.
 */
public final class Access {

  private Access() {}

  /** The caller must have one of {@code roles}. */
  public static void requireRole(Principal principal, Role... roles) {
    for (Role role : roles) {
      if (principal.is(role)) {
        return;
      }
    }
    throw new PuenteException(
        ErrorCode.FORBIDDEN,
        "this needs the role "
            + Arrays.stream(roles).map(Role::code).collect(Collectors.joining(" or ")));
  }

  /**
   * Whether the caller may see the submissions (files, counts, timings) of {@code country}:
   * administrators all; stewards and analysts their own country.
   */
  public static boolean maySeeSubmissionsOf(Principal principal, String country) {
    return principal.is(Role.ADMINISTRATOR)
        || ((principal.is(Role.DATA_STEWARD) || principal.is(Role.ANALYST))
            && principal.ofCountry(country));
  }

  /** Submissions of {@code country}: FORBIDDEN unless {@link #maySeeSubmissionsOf}. */
  public static void requireSubmissionsOf(Principal principal, String country) {
    if (!maySeeSubmissionsOf(principal, country)) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "submissions are shown to administrators and to their country");
    }
  }

  /** Rejected rows (masked or revealed) of {@code country}: its data stewards only. */
  public static void requireRejectsOf(Principal principal, String country) {
    if (!(principal.is(Role.DATA_STEWARD) && principal.ofCountry(country))) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "rejected rows are shown to the data stewards of their country");
    }
  }

  /** Uploading with a spec of {@code specCountry}: that country's data stewards only. */
  public static void requireUpload(Principal principal, Optional<String> specCountry) {
    requireRole(principal, Role.DATA_STEWARD);
    if (specCountry.isEmpty() || !principal.ofCountry(specCountry.get())) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "a data steward uploads only with the specs of their own country");
    }
  }

  /**
   * The protection a table request may have. Viewers get the published (default) protection only;
   * {@code none} needs an analyst asking for their own country alone ({@code
   * reporting_country=XXX}); every other preset is open to every other role.
   */
  public static ProtectionRules tableRules(
      Principal principal, String preset, Map<String, List<String>> where) {
    ProtectionRules rules;
    try {
      rules = ProtectionRules.preset(preset);
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, "protect: " + e.getMessage());
    }
    if (principal.is(Role.VIEWER) && !"default".equals(preset)) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "viewers see published tables only (protect=default)");
    }
    if (rules.method() == ProtectionRules.Method.NONE) {
      requireRole(principal, Role.ANALYST);
      List<String> countries = where.get("reporting_country");
      if (countries == null || countries.size() != 1 || !principal.ofCountry(countries.get(0))) {
        throw new PuenteException(
            ErrorCode.FORBIDDEN,
            "an unprotected table is restricted to the analyst's own country:"
                + " add where=reporting_country:"
                + principal.country().orElse("XXX"));
      }
    }
    return rules;
  }

  /**
   * A side of an agreement's per-agreement tokens: the regional analyst (the hub's account on a
   * node) only, while the agreement is valid, and only of a party this node reports for.
   */
  public static void requireAgreementTokens(
      Principal principal, boolean validToday, boolean nodeIsParty, String agreement) {
    requireRole(principal, Role.REGIONAL_ANALYST);
    if (!validToday) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "agreement " + agreement + " is not valid today: no exchange");
    }
    if (!nodeIsParty) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "this node reports for neither party of agreement " + agreement);
    }
  }
}
