package org.puente.server.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.server.api.TableApi;

/**
 * The dashboard's filters as a request gives them, validated: a reporting country of the region, a
 * year, a direction, and the language of labels.
 *
 * @param country a reporting country (alpha-3), or empty for the whole region
 * @param year the year shown
 * @param direction ARRIVAL or DEPARTURE, or empty for both
 * @param language en or es
 */
record DashboardFilter(
    Optional<String> country, int year, Optional<String> direction, String language) {

  static final List<String> DIRECTIONS = List.of("ARRIVAL", "DEPARTURE");

  /** The filters of {@code ctx}; USAGE when one is not valid. */
  static DashboardFilter of(Context ctx, DashboardData data) {
    String language = TableApi.language(ctx);
    Optional<String> country = Optional.empty();
    String countryText = ctx.queryParam("country");
    if (countryText != null && !countryText.isBlank()) {
      String code = countryText.trim().toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{3}") || !data.regionCountries().contains(code)) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "country is a reporting country of the region: " + data.regionCountries());
      }
      country = Optional.of(code);
    }
    int year;
    String periodText = ctx.queryParam("period");
    if (periodText == null || periodText.isBlank()) {
      year = data.latestYear();
    } else {
      if (!periodText.trim().matches("(19|20)\\d\\d")) {
        throw new PuenteException(ErrorCode.USAGE, "period is a year, e.g. 2024");
      }
      year = Integer.parseInt(periodText.trim());
    }
    Optional<String> direction = Optional.empty();
    String directionText = ctx.queryParam("direction");
    if (directionText != null && !directionText.isBlank()) {
      String code = directionText.trim().toUpperCase(Locale.ROOT);
      if (!DIRECTIONS.contains(code)) {
        throw new PuenteException(ErrorCode.USAGE, "direction is ARRIVAL or DEPARTURE");
      }
      direction = Optional.of(code);
    }
    return new DashboardFilter(country, year, direction, language);
  }

  String period() {
    return Integer.toString(year);
  }

  String previousPeriod() {
    return Integer.toString(year - 1);
  }
}
