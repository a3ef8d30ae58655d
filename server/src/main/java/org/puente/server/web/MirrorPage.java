package org.puente.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.hub.mirror.Mirror;
import org.puente.hub.mirror.Mirror.CountryIndices;
import org.puente.hub.mirror.Mirror.Pair;
import org.puente.hub.mirror.Mirror.Port;
import org.puente.hub.mirror.Mirror.Side;
import org.puente.hub.mirror.Mirror.YearSummary;
import org.puente.server.ServerContext;
import org.puente.server.api.MirrorApi;
import org.puente.server.api.TableApi;
import org.puente.server.auth.Principal;

/**
 * The hub's mirror statistics page {@code /mirror} (signed in): a year filter, the year's
 * agreement, a heat map of the symmetric percentage difference by origin × destination (drawn by
 * {@code /js/mirror.js} with ECharts from the page data), the pairs with both figures, the ports
 * flagged and the migration-system indices (tables rendered here). When the hub holds nothing, the
 * page says so.
 */
final class MirrorPage {

  private static final String WITHHELD = "–";

  private MirrorPage() {}

  static void register(
      ServerContext server, RoutesConfig routes, Messages messages, Templates templates) {
    Map<String, Map<String, String>> names = countryNames();
    routes.get("/mirror", ctx -> page(server, ctx, messages, templates, names));
  }

  private static Map<String, Map<String, String>> countryNames() {
    Map<String, Map<String, String>> names = new HashMap<>();
    for (Country country : CodeLists.standard().countries()) {
      names.put(country.alpha3(), Map.of("en", country.nameEn(), "es", country.nameEs()));
    }
    return names;
  }

  private static void page(
      ServerContext server,
      Context ctx,
      Messages messages,
      Templates templates,
      Map<String, Map<String, String>> names) {
    Principal principal = server.auth().require(ctx);
    String lang = TableApi.language(ctx);
    Map<String, Object> scope =
        WebPages.scope(ctx, messages, Optional.of(principal), "mirror_title");
    scope.put("navMirror", true);
    Mirror all = MirrorApi.mirror(server);
    if (all.years().isEmpty()) {
      scope.put("message", messages.get(lang, "mirror_empty"));
      scope.put("pageData", Templates.pageData(Map.of("lang", lang)));
      ctx.html(templates.render("message", scope));
      return;
    }
    int year = year(ctx, all);
    Mirror mirror = all.ofYear(year);
    NumberFormat integers = NumberFormat.getIntegerInstance(WebPages.locale(lang));
    scope.put("echarts", true);
    scope.put("script", "/js/mirror.js");
    scope.put("year", Integer.toString(year));
    List<Map<String, Object>> years = new ArrayList<>();
    List<Integer> newestFirst = new ArrayList<>(all.years());
    Collections.reverse(newestFirst);
    for (int known : newestFirst) {
      years.add(Map.of("year", Integer.toString(known), "selected", known == year));
    }
    scope.put("years", years);

    Map<String, Object> summary = new LinkedHashMap<>();
    YearSummary agreement = mirror.summary().get(0);
    summary.put("pairs", integers.format(agreement.pairs()));
    summary.put("comparable", integers.format(agreement.comparable()));
    summary.put("within", integers.format(agreement.withinTenPercent()));
    summary.put(
        "share",
        agreement.share().isPresent()
            ? decimal(100 * agreement.share().getAsDouble(), 1, lang) + " %"
            : WITHHELD);
    summary.put("system", decimal(mirror.system().get(0).effectiveness(), 1, lang));
    scope.put("summary", summary);

    List<Map<String, Object>> pairs = new ArrayList<>();
    for (Pair pair : mirror.pairs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("origin", pair.origin());
      row.put("destination", pair.destination());
      row.put("originLabel", label(names, pair.origin(), lang));
      row.put("destinationLabel", label(names, pair.destination(), lang));
      row.put("departures", side(pair.departures(), integers, messages, lang));
      row.put("departuresStatus", status(pair.departures(), messages, lang));
      row.put("arrivals", side(pair.arrivals(), integers, messages, lang));
      row.put("arrivalsStatus", status(pair.arrivals(), messages, lang));
      row.put("ratio", decimal(pair.ratio(), 3, lang));
      row.put("logRatio", decimal(pair.logRatio(), 3, lang));
      row.put("spd", decimal(pair.spd(), 1, lang));
      row.put(
          "within",
          pair.withinTenPercent()
              .map(w -> messages.get(lang, w ? "mirror_yes" : "mirror_no"))
              .orElse(WITHHELD));
      row.put(
          "flags",
          String.join(
              "; ",
              pair.flags().stream()
                  .map(f -> messages.get(lang, "mirror_flag_" + f.name()))
                  .sorted()
                  .toList()));
      pairs.add(row);
    }
    scope.put("pairs", pairs);

    List<Map<String, Object>> ports = new ArrayList<>();
    for (Port port : mirror.ports()) {
      if (port.flag().isEmpty()) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("countryLabel", label(names, port.country(), lang));
      row.put("port", port.port());
      row.put("arrivals", integer(port.arrivals(), integers));
      row.put("departures", integer(port.departures(), integers));
      row.put("flag", messages.get(lang, "mirror_flag_" + port.flag().get().name()));
      ports.add(row);
    }
    scope.put("ports", ports);
    scope.put("hasPorts", !ports.isEmpty());

    List<Map<String, Object>> indices = new ArrayList<>();
    for (CountryIndices country : mirror.indices()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("country", country.country());
      row.put("countryLabel", label(names, country.country(), lang));
      row.put("migrantArrivals", integer(country.migrantArrivals(), integers));
      row.put("migrantDepartures", integer(country.migrantDepartures(), integers));
      row.put("net", integer(country.net(), integers));
      row.put("turnover", integer(country.turnover(), integers));
      row.put("effectiveness", decimal(country.effectiveness(), 1, lang));
      row.put("netMigrationRate", decimal(country.netMigrationRate(), 2, lang));
      indices.add(row);
    }
    scope.put("indices", indices);

    scope.put("pageData", Templates.pageData(heatMap(mirror, names, messages, lang)));
    ctx.html(templates.render("mirror", scope));
  }

  /** The selected year: {@code ?year=} when the hub has it, else the latest. */
  private static int year(Context ctx, Mirror mirror) {
    String asked = ctx.queryParam("year");
    if (asked == null || asked.isBlank()) {
      return mirror.years().get(mirror.years().size() - 1);
    }
    for (int year : mirror.years()) {
      if (Integer.toString(year).equals(asked)) {
        return year;
      }
    }
    throw new PuenteException(ErrorCode.NOT_FOUND, "the hub holds no statistics of that year");
  }

  /** The heat map's axes (countries with a pair) and its cells {@code [x, y, spd]}. */
  private static Map<String, Object> heatMap(
      Mirror mirror, Map<String, Map<String, String>> names, Messages messages, String lang) {
    TreeSet<String> origins = new TreeSet<>();
    TreeSet<String> destinations = new TreeSet<>();
    for (Pair pair : mirror.pairs()) {
      origins.add(pair.origin());
      destinations.add(pair.destination());
    }
    List<String> rows = List.copyOf(origins);
    List<String> columns = List.copyOf(destinations);
    List<List<Object>> cells = new ArrayList<>();
    for (Pair pair : mirror.pairs()) {
      if (pair.spd().isPresent()) {
        double spd = Math.round(pair.spd().getAsDouble() * 10) / 10.0;
        cells.add(List.of(columns.indexOf(pair.destination()), rows.indexOf(pair.origin()), spd));
      }
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("lang", lang);
    page.put("messages", messages.all(lang));
    page.put("origins", rows.stream().map(c -> label(names, c, lang)).toList());
    page.put("destinations", columns.stream().map(c -> label(names, c, lang)).toList());
    page.put("cells", cells);
    return page;
  }

  private static String label(Map<String, Map<String, String>> names, String code, String lang) {
    Map<String, String> name = names.get(code);
    return name == null ? code : name.get(lang);
  }

  private static String side(Side side, NumberFormat integers, Messages messages, String lang) {
    if (side.value().isPresent()) {
      return integers.format(side.value().getAsLong());
    }
    return WITHHELD + " (" + messages.get(lang, "mirror_status_" + side.status().name()) + ")";
  }

  private static String status(Side side, Messages messages, String lang) {
    return messages.get(lang, "mirror_status_" + side.status().name());
  }

  private static String integer(OptionalLong value, NumberFormat integers) {
    return value.isPresent() ? integers.format(value.getAsLong()) : WITHHELD;
  }

  private static String decimal(OptionalDouble value, int digits, String lang) {
    return value.isPresent() ? decimal(value.getAsDouble(), digits, lang) : WITHHELD;
  }

  private static String decimal(double value, int digits, String lang) {
    NumberFormat format = NumberFormat.getNumberInstance(WebPages.locale(lang));
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(value);
  }
}
