package org.puente.server.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.cube.Dimension;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.server.ServerStatistics;
import org.puente.server.web.TableQuery.Cells;
import org.puente.server.web.TableQuery.Value;
import org.puente.stats.PublishedTable;

/**
 * The numbers of the dashboard's charts, each computed from protected tables only (the published
 * rules): a suppressed cell is {@code null} with a flag, never 0. Tables come from the server's
 * per-run cache, so a repeated request costs a few map lookups.
 */
final class DashboardData {

  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern AGE_GROUP = Pattern.compile("Y(\\d+)T(\\d+)|Y_GE(\\d+)");
  private static final List<String> SEXES = List.of("M", "F");

  private final ServerStatistics statistics;
  private final Messages messages;

  DashboardData(ServerStatistics statistics, Messages messages) {
    this.statistics = statistics;
    this.messages = messages;
  }

  /** The reporting countries of the region (those with crossings), in code order. */
  List<String> regionCountries() {
    Cells cells = TableQuery.of("crossings", List.of("reporting_country")).cells(statistics);
    TreeSet<String> countries = new TreeSet<>();
    for (PublishedTable.Row row : cells.rows()) {
      String code = row.codes().get(0);
      if (ALPHA3.matcher(code).matches()) {
        countries.add(code);
      }
    }
    return List.copyOf(countries);
  }

  /** The years with crossings, oldest first. */
  List<Integer> years() {
    Cells cells =
        TableQuery.of("crossings", List.of("period")).periodLevel("year").cells(statistics);
    TreeSet<Integer> years = new TreeSet<>();
    for (PublishedTable.Row row : cells.rows()) {
      String code = row.codes().get(0);
      if (YEAR.matcher(code).matches()) {
        years.add(Integer.parseInt(code));
      }
    }
    return List.copyOf(years);
  }

  /** The latest year with data. */
  int latestYear() {
    List<Integer> years = years();
    if (years.isEmpty()) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no crossings counted yet");
    }
    return years.get(years.size() - 1);
  }

  // ---- headline ----

  Map<String, Object> headline(DashboardFilter filter) {
    String lang = filter.language();
    List<Map<String, Object>> downloads = new ArrayList<>();
    Map<String, Object> indicators = new LinkedHashMap<>();
    TableQuery crossings =
        TableQuery.of("crossings", List.of("direction"))
            .whereIf("reporting_country", filter.country());
    TableQuery now = crossings.period(filter.period());
    TableQuery before = crossings.period(filter.previousPeriod());
    Cells nowCells = now.cells(statistics);
    Cells beforeCells = before.cells(statistics);
    indicators.put(
        "arrivals",
        indicator(
            "arrivals",
            lang,
            nowCells.get(List.of("ARRIVAL")),
            beforeCells.get(List.of("ARRIVAL"))));
    indicators.put(
        "departures",
        indicator(
            "departures",
            lang,
            nowCells.get(List.of("DEPARTURE")),
            beforeCells.get(List.of("DEPARTURE"))));
    downloads.add(now.download(label("chart_crossings", lang) + " " + filter.period(), lang));
    downloads.add(
        before.download(label("chart_crossings", lang) + " " + filter.previousPeriod(), lang));
    for (String[] cube :
        new String[][] {
          {"migrant_arrivals", "migrantArrivals", "migrant_arrivals"},
          {"migrant_departures", "migrantDepartures", "migrant_departures"},
          {"returns", "returns", "returns"}
        }) {
      TableQuery total =
          TableQuery.of(cube[0], List.of("sex")).whereIf("reporting_country", filter.country());
      TableQuery totalNow = total.period(filter.period());
      TableQuery totalBefore = total.period(filter.previousPeriod());
      indicators.put(
          cube[1],
          indicator(
              cube[2],
              lang,
              totalNow.cells(statistics).get(List.of(Dimension.TOTAL)),
              totalBefore.cells(statistics).get(List.of(Dimension.TOTAL))));
      downloads.add(totalNow.download(label(cube[2], lang) + " " + filter.period(), lang));
      downloads.add(
          totalBefore.download(label(cube[2], lang) + " " + filter.previousPeriod(), lang));
    }
    Map<String, Object> json = header(filter);
    json.put("previousPeriod", filter.previousPeriod());
    json.put("indicators", indicators);
    json.put("download", download(downloads));
    return json;
  }

  private Map<String, Object> indicator(String key, String lang, Value now, Value before) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", label(key, lang));
    json.put("value", now.value());
    json.put("suppressed", now.suppressed());
    json.put("previous", before.value());
    json.put("previousSuppressed", before.suppressed());
    json.put("change", change(now.value(), before.value()));
    return json;
  }

  /** The change in percent, one decimal; null when either is unknown or the base is 0. */
  static Double change(Long now, Long before) {
    if (now == null || before == null || before == 0) {
      return null;
    }
    return Math.round(1000.0 * (now - before) / before) / 10.0;
  }

  // ---- series ----

  Map<String, Object> series(DashboardFilter filter) {
    String lang = filter.language();
    TableQuery query =
        TableQuery.of("crossings", List.of("period", "direction"))
            .whereIf("reporting_country", filter.country())
            .whereIf("direction", filter.direction())
            .period(filter.previousPeriod() + "-01.." + filter.period() + "-12");
    Cells cells = query.cells(statistics);
    List<String> months = new ArrayList<>();
    for (int year : new int[] {filter.year() - 1, filter.year()}) {
      for (int month = 1; month <= 12; month++) {
        months.add(String.format("%d-%02d", year, month));
      }
    }
    List<Map<String, Object>> series = new ArrayList<>();
    int suppressed = 0;
    for (String direction : DashboardFilter.DIRECTIONS) {
      if (filter.direction().isPresent() && !filter.direction().get().equals(direction)) {
        continue;
      }
      List<Long> values = new ArrayList<>();
      List<Boolean> flags = new ArrayList<>();
      for (String month : months) {
        Value value = cells.get(List.of(month, direction));
        values.add(value.value());
        flags.add(value.suppressed());
        suppressed += value.suppressed() ? 1 : 0;
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("direction", direction);
      one.put("label", codeLabel("direction", direction, lang));
      one.put("values", values);
      one.put("suppressed", flags);
      series.add(one);
    }
    Map<String, Object> json = header(filter);
    json.put("months", months);
    json.put("series", series);
    json.put("suppressedCells", suppressed);
    json.put("download", download(List.of(query.download(label("chart_series", lang), lang))));
    return json;
  }

  // ---- pyramid ----

  Map<String, Object> pyramid(DashboardFilter filter, String population) {
    String lang = filter.language();
    boolean departures = filter.direction().map("DEPARTURE"::equals).orElse(false);
    TableQuery query;
    String title;
    switch (population) {
      case "arrivals" -> {
        String direction = filter.direction().orElse("ARRIVAL");
        query =
            TableQuery.of("crossings", List.of("sex", "age"))
                .where("direction", List.of(direction));
        title = label(departures ? "departures" : "arrivals", lang);
      }
      case "migrants" -> {
        query =
            TableQuery.of(
                departures ? "migrant_departures" : "migrant_arrivals", List.of("sex", "age"));
        title = label(departures ? "migrant_departures" : "migrant_arrivals", lang);
      }
      case "returns" -> {
        query = TableQuery.of("returns", List.of("sex", "age"));
        title = label("returns", lang);
      }
      default ->
          throw new PuenteException(ErrorCode.USAGE, "population is arrivals, migrants or returns");
    }
    query = query.whereIf("reporting_country", filter.country()).period(filter.period());
    Cells cells = query.cells(statistics);
    List<String> groups = ageGroups(cells, 1);
    List<Map<String, Object>> ages = new ArrayList<>();
    for (String group : groups) {
      ages.add(codeJson("age", group, lang));
    }
    SexSeries bySex = bySex(groups, (sex, group) -> cells.get(List.of(sex, group)), lang);
    List<Map<String, Object>> sexes = bySex.series();
    int suppressed = bySex.suppressed();
    Map<String, Object> json = header(filter);
    json.put("population", population);
    json.put("title", title);
    json.put("ageGroups", ages);
    json.put("sexes", sexes);
    json.put("total", cells.total().value());
    json.put("unknownAge", cells.get(List.of(Dimension.TOTAL, Dimension.UNKNOWN)).value());
    json.put("suppressedCells", suppressed);
    json.put("download", download(List.of(query.download(title, lang))));
    return json;
  }

  /** The five-year age groups of a table's dimension {@code index}, youngest first. */
  private static List<String> ageGroups(Cells cells, int index) {
    TreeSet<String> groups = new TreeSet<>(Comparator.comparingInt(DashboardData::ageLow));
    for (PublishedTable.Row row : cells.rows()) {
      String code = row.codes().get(index);
      if (AGE_GROUP.matcher(code).matches()) {
        groups.add(code);
      }
    }
    return List.copyOf(groups);
  }

  private static int ageLow(String code) {
    Matcher m = AGE_GROUP.matcher(code);
    if (!m.matches()) {
      return Integer.MAX_VALUE;
    }
    return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
  }

  // ---- flows ----

  Map<String, Object> flows(DashboardFilter filter) {
    String lang = filter.language();
    List<String> region = regionCountries();
    List<String> reporting = filter.country().map(List::of).orElse(region);
    TableQuery query =
        TableQuery.of("crossings", List.of("reporting_country", "counterpart_country"))
            .where("reporting_country", reporting)
            .where("counterpart_country", region)
            .whereIf("direction", filter.direction())
            .period(filter.period());
    Cells cells = query.cells(statistics);
    List<List<Object>> matrix = new ArrayList<>();
    List<List<Boolean>> flags = new ArrayList<>();
    List<Map<String, Object>> cellList = new ArrayList<>();
    List<Map<String, Object>> links = new ArrayList<>();
    int suppressed = 0;
    boolean arrivals = filter.direction().map("ARRIVAL"::equals).orElse(false);
    String fromWord = label("flows_from", lang);
    String toWord = label("flows_to", lang);
    for (String r : reporting) {
      List<Object> line = new ArrayList<>();
      List<Boolean> lineFlags = new ArrayList<>();
      for (String c : region) {
        Value value = cells.get(List.of(r, c));
        line.add(value.value());
        lineFlags.add(value.suppressed());
        suppressed += value.suppressed() ? 1 : 0;
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("reporting", r);
        cell.put("counterpart", c);
        cell.put("value", value.value());
        cell.put("suppressed", value.suppressed());
        cellList.add(cell);
        if (value.value() != null && value.value() > 0) {
          Map<String, Object> link = new LinkedHashMap<>();
          // arrivals come from the counterpart into the reporting country; otherwise the
          // reporting country is the side the crossings are counted at
          String left = arrivals ? c : r;
          String right = arrivals ? r : c;
          if (filter.direction().isPresent()) {
            link.put("source", fromWord + " " + countryLabel(left, lang));
            link.put("target", toWord + " " + countryLabel(right, lang));
          } else {
            link.put("source", countryLabel(left, lang));
            link.put("target", "↔ " + countryLabel(right, lang));
          }
          link.put("value", value.value());
          links.add(link);
        }
      }
      matrix.add(line);
      flags.add(lineFlags);
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (Map<String, Object> link : links) {
      seen.add((String) link.get("source"));
    }
    for (Map<String, Object> link : links) {
      seen.add((String) link.get("target"));
    }
    for (String name : seen) {
      nodes.add(Map.of("name", name));
    }
    Map<String, Object> json = header(filter);
    json.put("rows", countries(reporting, lang));
    json.put("columns", countries(region, lang));
    json.put("matrix", matrix);
    json.put("suppressed", flags);
    json.put("cells", cellList);
    Map<String, Object> sankey = new LinkedHashMap<>();
    sankey.put("nodes", nodes);
    sankey.put("links", links);
    json.put("sankey", sankey);
    json.put("suppressedCells", suppressed);
    json.put("download", download(List.of(query.download(label("chart_flows", lang), lang))));
    return json;
  }

  // ---- returns ----

  Map<String, Object> returns(DashboardFilter filter) {
    String lang = filter.language();
    TableQuery byCountry =
        TableQuery.of("returns", List.of("returned_from", "sex"))
            .whereIf("reporting_country", filter.country())
            .period(filter.period());
    TableQuery byAge =
        TableQuery.of("returns", List.of("age", "sex"))
            .whereIf("reporting_country", filter.country())
            .period(filter.period());
    Cells countryCells = byCountry.cells(statistics);
    List<String> from = new ArrayList<>();
    for (PublishedTable.Row row : countryCells.rows()) {
      String code = row.codes().get(0);
      if (row.codes().get(1).equals(Dimension.TOTAL) && ALPHA3.matcher(code).matches()) {
        from.add(code);
      }
    }
    from.sort(
        Comparator.comparing(
                (String code) -> {
                  Long v = countryCells.get(List.of(code, Dimension.TOTAL)).value();
                  return v == null ? -1L : v;
                })
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    SexSeries bySex = bySex(from, (sex, code) -> countryCells.get(List.of(code, sex)), lang);
    int suppressed = bySex.suppressed();
    List<Map<String, Object>> series = bySex.series();
    List<Map<String, Object>> totals = new ArrayList<>();
    for (String code : from) {
      Value value = countryCells.get(List.of(code, Dimension.TOTAL));
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("value", value.value());
      one.put("suppressed", value.suppressed());
      totals.add(one);
    }
    Cells ageCells = byAge.cells(statistics);
    List<Map<String, Object>> ages = new ArrayList<>();
    for (String group : ageGroups(ageCells, 0)) {
      Map<String, Object> one = codeJson("age", group, lang);
      for (String sex : SEXES) {
        Value value = ageCells.get(List.of(group, sex));
        one.put(sex, value.value());
        one.put(sex + "Suppressed", value.suppressed());
        suppressed += value.suppressed() ? 1 : 0;
      }
      ages.add(one);
    }
    Map<String, Object> json = header(filter);
    json.put("returnedFrom", countries(from, lang));
    json.put("totals", totals);
    json.put("sexes", series);
    json.put("ageGroups", ages);
    json.put("total", countryCells.total().value());
    json.put("suppressedCells", suppressed);
    json.put(
        "download",
        download(
            List.of(
                byCountry.download(label("chart_returns", lang), lang),
                byAge.download(label("returns_by_age", lang), lang))));
    return json;
  }

  // ---- shared ----

  private Map<String, Object> header(DashboardFilter filter) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("country", filter.country().orElse(null));
    json.put("period", filter.period());
    json.put("direction", filter.direction().orElse(null));
    json.put("language", filter.language());
    return json;
  }

  /** {@code {"csv", "xlsx", "tables": [{"label", "csv", "xlsx"}]}}: the first table's first. */
  static Map<String, Object> download(List<Map<String, Object>> tables) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("csv", tables.get(0).get("csv"));
    json.put("xlsx", tables.get(0).get("xlsx"));
    json.put("tables", tables);
    return json;
  }

  private List<Map<String, Object>> countries(List<String> codes, String lang) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (String code : codes) {
      list.add(codeJson("reporting_country", code, lang));
    }
    return list;
  }

  String countryLabel(String code, String lang) {
    return codeLabel("reporting_country", code, lang);
  }

  private Map<String, Object> codeJson(String dimension, String code, String lang) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", code);
    json.put("label", codeLabel(dimension, code, lang));
    return json;
  }

  private String codeLabel(String dimension, String code, String lang) {
    Optional<Dimension> dim = statistics.catalogue().dimension(dimension);
    return dim.map(d -> statistics.rollUp().label(d, code, lang)).orElse(code);
  }

  private String label(String key, String lang) {
    return messages.get(lang, key);
  }

  /**
   * One series per sex: values (null where withheld) and their flags, and how many are withheld.
   */
  private record SexSeries(List<Map<String, Object>> series, int suppressed) {}

  /** The series of each sex over {@code categories}, {@code cell} giving the value of one. */
  private SexSeries bySex(
      List<String> categories,
      java.util.function.BiFunction<String, String, Value> cell,
      String lang) {
    List<Map<String, Object>> series = new ArrayList<>();
    int suppressed = 0;
    for (String sex : SEXES) {
      List<Long> values = new ArrayList<>();
      List<Boolean> flags = new ArrayList<>();
      for (String category : categories) {
        Value value = cell.apply(sex, category);
        values.add(value.value());
        flags.add(value.suppressed());
        suppressed += value.suppressed() ? 1 : 0;
      }
      Map<String, Object> one = codeJson("sex", sex, lang);
      one.put("values", values);
      one.put("suppressed", flags);
      series.add(one);
    }
    return new SexSeries(series, suppressed);
  }
}
