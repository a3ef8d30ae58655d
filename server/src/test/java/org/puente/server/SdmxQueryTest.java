package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.puente.lake.catalog.DerivationRun;

/**
 * The SDMX REST v2 data query beyond the key: {@code c[DIM]} filters, periods in ranges, the first
 * and last N observations of each series, {@code updatedAfter} and the key left out. Expected
 * observations come from an independent route: the same node's {@code /api/tables} answer, or the
 * full SDMX answer cut by hand.
 */
class SdmxQueryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOTALS = "._T".repeat(7); // citizenship … migration_status
  private static final String FLOW = "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/";

  private final TestNode node = TestNode.embedded();
  private final String token = node.token("regional");

  @Test
  void aFilterWithOneCodeEqualsTheKeyWithThatCode() throws Exception {
    Map<String, String> filtered =
        csv(FLOW + "GTM.2024.*.*._T" + TOTALS + "?" + c("SEX", "F") + "&format=csv");
    Map<String, String> keyed = csv(FLOW + "GTM.2024.*.F._T" + TOTALS + "?format=csv");
    assertThat(filtered).isEqualTo(keyed);
    // and both are the /api/tables answer by direction for women
    Map<String, String> table =
        table(
            "by=direction&where=reporting_country:GTM&where=sex:F&period=2024&period-level=year",
            "direction");
    assertThat(byColumn(filtered, "DIRECTION")).isEqualTo(table);
    assertThat(table).containsKeys("ARRIVAL", "DEPARTURE", "_T");
    assertThat(codes(filtered, "SEX")).containsExactly("F");
  }

  @Test
  void aFilterWithSeveralCodesKeepsOnlyThoseAndCombinesWithTheKey() throws Exception {
    String key = FLOW + "GTM.2024.ARRIVAL.*._T" + TOTALS + "?format=csv";
    Map<String, String> all = csv(key);
    assertThat(codes(all, "SEX")).contains("F", "M", "_T");

    Map<String, String> two = csv(key + "&" + c("SEX", "F,M"));
    assertThat(codes(two, "SEX")).containsExactly("F", "M");
    assertThat(two).isEqualTo(only(all, "SEX", Set.of("F", "M")::contains));
    // '+' joins codes too (percent-encoded, or raw: then it arrives as a space)
    assertThat(csv(key + "&c%5BSEX%5D=F%2BM")).isEqualTo(two);
    assertThat(csv(key + "&c%5BSEX%5D=F+M")).isEqualTo(two);

    // key F,M and filter M,_T: M only
    String both = FLOW + "GTM.2024.ARRIVAL.F,M._T" + TOTALS + "?format=csv&" + c("SEX", "M,_T");
    Map<String, String> m = csv(both);
    assertThat(m).isEqualTo(only(all, "SEX", "M"::equals)).hasSize(1);

    // key F and filter M: nothing, as CSV and as a valid SDMX-JSON message
    String none = FLOW + "GTM.2024.ARRIVAL.F._T" + TOTALS + "?" + c("SEX", "M");
    assertThat(csv(none + "&format=csv")).isEmpty();
    JsonNode empty = validJson(none);
    assertThat(empty.at("/data/dataSets/0/observations").size()).isZero();
  }

  @Test
  void periodRangesReturnExactlyThePeriodsInRange() throws Exception {
    String key = FLOW + "GTM.*.ARRIVAL._T._T" + TOTALS + "?format=csv&";
    Map<String, String> years = csv(key + c("TIME_PERIOD", "ge:2023+le:2024"));
    assertThat(codes(years, "TIME_PERIOD")).containsExactly("2023", "2024");
    Map<String, String> byYear =
        table(
            "by=period&where=reporting_country:GTM&where=direction:ARRIVAL&period-level=year",
            "period");
    byYear.remove("_T");
    assertThat(byColumn(years, "TIME_PERIOD")).isEqualTo(byYear);
    // a raw '+' arrives as a space: the same range
    assertThat(csv(key + "c%5BTIME_PERIOD%5D=ge:2023+le:2024")).isEqualTo(years);
    assertThat(codes(csv(key + c("TIME_PERIOD", "gt:2023")), "TIME_PERIOD"))
        .containsExactly("2024");
    assertThat(csv(key + c("TIME_PERIOD", "lt:2023"))).isEmpty();

    Map<String, String> months = csv(key + c("TIME_PERIOD", "ge:2024-01+le:2024-03"));
    assertThat(codes(months, "TIME_PERIOD")).containsExactly("2024-01", "2024-02", "2024-03");
    Map<String, String> byMonth =
        table(
            "by=period&where=reporting_country:GTM&where=direction:ARRIVAL&period-level=month",
            "period");
    assertThat(byColumn(months, "TIME_PERIOD"))
        .isEqualTo(
            new TreeMap<>(
                byMonth.entrySet().stream()
                    .filter(e -> Set.of("2024-01", "2024-02", "2024-03").contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    // from a month on: every month of the year from then, nothing of another level
    Set<String> fromOctober = codes(csv(key + c("TIME_PERIOD", "ge:2024-10")), "TIME_PERIOD");
    assertThat(fromOctober).containsExactly("2024-10", "2024-11", "2024-12");
    assertThat(codes(csv(key + c("TIME_PERIOD", "ge:2024-Q3")), "TIME_PERIOD"))
        .containsExactly("2024-Q3", "2024-Q4");
    // alternatives joined by ','
    assertThat(codes(csv(key + c("TIME_PERIOD", "le:2023-01,ge:2024-12")), "TIME_PERIOD"))
        .containsExactly("2023-01", "2024-12");
    // a plain period, and its intersection with the key
    assertThat(csv(key + c("TIME_PERIOD", "2023")))
        .isEqualTo(csv(FLOW + "GTM.2023.ARRIVAL._T._T" + TOTALS + "?format=csv"));
    assertThat(
            csv(
                FLOW
                    + "GTM.2023.ARRIVAL._T._T"
                    + TOTALS
                    + "?format=csv&"
                    + c("TIME_PERIOD", "ge:2024")))
        .isEmpty();
    // several months in the key: the table at month level
    assertThat(codes(csv(FLOW + "GTM.2024-01,2024-02.ARRIVAL._T._T" + TOTALS), "TIME_PERIOD"))
        .containsExactly("2024-01", "2024-02");
  }

  @Test
  void lastAndFirstObservationsArePerSeriesOfTheFullAnswer() throws Exception {
    String key =
        FLOW + "GTM.*.ARRIVAL.*._T" + TOTALS + "?format=csv&" + c("TIME_PERIOD", "ge:2024-01");
    Map<String, String> full = csv(key);
    assertThat(codes(full, "SEX")).contains("F", "M", "_T");
    assertThat(codes(full, "TIME_PERIOD")).hasSize(12);
    for (int n : new int[] {1, 2}) {
      assertThat(csv(key + "&lastNObservations=" + n))
          .as("last " + n)
          .isEqualTo(cut(full, n, true));
      assertThat(csv(key + "&firstNObservations=" + n))
          .as("first " + n)
          .isEqualTo(cut(full, n, false));
    }
    assertThat(codes(csv(key + "&lastNObservations=2"), "TIME_PERIOD"))
        .containsExactly("2024-11", "2024-12");
    // more than there are: all of them
    assertThat(csv(key + "&lastNObservations=40")).isEqualTo(full);
    // by year: the total over all periods is no period of the series
    Map<String, String> allYears = csv(FLOW + "GTM.*.ARRIVAL.*._T" + TOTALS);
    assertThat(codes(allYears, "TIME_PERIOD")).containsExactly("2023", "2024", "_T");
    Map<String, String> years = csv(FLOW + "GTM.*.ARRIVAL.*._T" + TOTALS + "?lastNObservations=1");
    assertThat(codes(years, "TIME_PERIOD")).containsExactly("2024");
    assertThat(years).isEqualTo(only(allYears, "TIME_PERIOD", "2024"::equals));
    // the JSON message holds the same observations, and validates
    JsonNode json = validJson(key.replace("format=csv&", "") + "&lastNObservations=2");
    assertThat(json.at("/data/dataSets/0/observations").size())
        .isEqualTo(csv(key + "&lastNObservations=2").size());
  }

  @Test
  void updatedAfterTheRunAnswersNoContent() throws Exception {
    DerivationRun run = node.server.context().statistics().run().orElseThrow();
    Instant committed = run.finishedAt().orElseThrow();
    String key = FLOW + "GTM.2024.ARRIVAL.*._T" + TOTALS + "?format=csv";
    Map<String, String> full = csv(key);
    assertThat(full).isNotEmpty();
    assertThat(csv(key + "&updatedAfter=" + committed.minusSeconds(60))).isEqualTo(full);
    // with an offset: 2 hours east of UTC, sent as %2B and raw
    String before = committed.minusSeconds(60).atOffset(java.time.ZoneOffset.ofHours(2)).toString();
    assertThat(csv(key + "&updatedAfter=" + before.replace("+", "%2B"))).isEqualTo(full);
    assertThat(csv(key + "&updatedAfter=" + before)).isEqualTo(full);
    for (Instant after : List.of(committed, committed.plusSeconds(60))) {
      var response = get(key + "&updatedAfter=" + after);
      assertThat(response.statusCode()).as(after.toString()).isEqualTo(204);
      assertThat(response.body()).isEmpty();
    }
    assertThat(get(key.replace("?format=csv", "?updatedAfter=2999-01-01T00:00:00")).statusCode())
        .isEqualTo(204);
    assertBadRequest(key + "&updatedAfter=yesterday", "updatedAfter");
  }

  @Test
  void theKeyLeftOutIsEveryPositionAWildcard() throws Exception {
    String flow = "/sdmx/2/data/dataflow/PUENTE/DF_TRAVELLERS/1.0.0";
    String filters =
        "?format=csv&"
            + c("REPORTING_COUNTRY", "GTM")
            + "&"
            + c("AGE", "_T")
            + "&"
            + c("CITIZENSHIP", "_T");
    Map<String, String> keyed = csv(flow + "/GTM.*.*.*._T._T?format=csv");
    assertThat(codes(keyed, "DIRECTION")).contains("ARRIVAL", "DEPARTURE");
    assertThat(codes(keyed, "TIME_PERIOD")).contains("2023", "2024");
    assertThat(csv(flow + filters)).isEqualTo(keyed);
    assertThat(csv(flow + "/" + filters)).isEqualTo(keyed);
    assertThat(csv(flow + "/*" + filters)).isEqualTo(keyed);
    validJson(flow + filters.replace("format=csv&", ""));

    // too many dimensions broken down: the clear refusal says how to narrow it
    var wide = get("/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0");
    assertThat(wide.statusCode()).isEqualTo(400);
    assertThat(Http.text(wide)).contains("at most 4", "key positions", "c[DIM]");
  }

  @Test
  void badParametersAreRefusedNamingThem() throws Exception {
    String key = FLOW + "GTM.2024.ARRIVAL.*._T" + TOTALS + "?";
    String unknown = assertBadRequest(key + c("COLOUR", "RED"), "c[COLOUR]");
    assertThat(unknown).contains("REPORTING_COUNTRY", "TIME_PERIOD", "SEX");
    assertBadRequest(key + c("OBS_VALUE", "ge:10"), "only dimensions may be filtered");
    assertBadRequest(key + c("CONF_STATUS", "F"), "only dimensions may be filtered");
    assertBadRequest(key + c("SEX", "ne:F"), "c[SEX]");
    assertBadRequest(key + c("TIME_PERIOD", "ne:2024"), "c[TIME_PERIOD]");
    assertBadRequest(key + c("TIME_PERIOD", "ge:2024+le:2024-03"), "TIME_PERIOD");
    assertBadRequest(key + c("TIME_PERIOD", "ge:soon"), "TIME_PERIOD");
    for (String n : List.of("0", "-1", "two", "1.5")) {
      assertBadRequest(key + "lastNObservations=" + n, "lastNObservations");
      assertBadRequest(key + "firstNObservations=" + n, "firstNObservations");
    }
  }

  // ---- helpers

  /** A {@code c[DIM]=value} query parameter, percent-encoded. */
  private static String c(String dimension, String value) {
    return "c%5B" + dimension + "%5D=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> get(String path) {
    return Http.get(node.url + path).token(token).send();
  }

  /** The 400 answer's text, which must contain {@code named}. */
  private String assertBadRequest(String path, String named) {
    var response = get(path);
    String text = Http.text(response);
    assertThat(response.statusCode()).as(path + ": " + text).isEqualTo(400);
    assertThat(text).as(path).contains(named);
    return text;
  }

  /**
   * An SDMX-CSV answer (200 expected) as its observations: the dimension codes joined by '.' → the
   * value ("" when suppressed).
   */
  private Map<String, String> csv(String path) {
    String full = path.contains("format=csv") ? path : path + (path.contains("?") ? "&" : "?");
    if (!full.contains("format=csv")) {
      full = full + "format=csv";
    }
    var response = get(full);
    String text = Http.text(response);
    assertThat(response.statusCode()).as(path + ": " + text).isEqualTo(200);
    List<String> lines = text.lines().toList();
    List<String> header = List.of(lines.get(0).split(",", -1));
    int value = header.indexOf("OBS_VALUE");
    Map<String, String> observations = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      String key = String.join(".", List.of(fields).subList(3, value));
      assertThat(observations.put(key, fields[value])).as("one observation per key").isNull();
    }
    lastHeader = header.subList(3, value);
    return observations;
  }

  private List<String> lastHeader = List.of();

  private int position(String dimension) {
    int at = lastHeader.indexOf(dimension);
    assertThat(at).as(dimension).isNotNegative();
    return at;
  }

  /** The codes of one dimension among the observations, sorted. */
  private Set<String> codes(Map<String, String> observations, String dimension) {
    int at = position(dimension);
    return observations.keySet().stream()
        .map(k -> k.split("\\.", -1)[at])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The observations as code of one dimension → value (the others being fixed). */
  private Map<String, String> byColumn(Map<String, String> observations, String dimension) {
    int at = position(dimension);
    Map<String, String> values = new TreeMap<>();
    observations.forEach((k, v) -> values.put(k.split("\\.", -1)[at], v));
    assertThat(values).hasSameSizeAs(observations);
    return values;
  }

  /** The observations whose code of a dimension passes. */
  private Map<String, String> only(
      Map<String, String> observations, String dimension, Predicate<String> keep) {
    int at = position(dimension);
    Map<String, String> kept = new TreeMap<>();
    observations.forEach(
        (k, v) -> {
          if (keep.test(k.split("\\.", -1)[at])) {
            kept.put(k, v);
          }
        });
    return kept;
  }

  /** Per series (all but TIME_PERIOD), the first or last n periods of the full answer. */
  private Map<String, String> cut(Map<String, String> full, int n, boolean last) {
    int at = position("TIME_PERIOD");
    Map<String, TreeSet<String>> periods = new TreeMap<>();
    full.keySet()
        .forEach(
            k -> {
              List<String> codes = new ArrayList<>(List.of(k.split("\\.", -1)));
              String period = codes.remove(at);
              periods.computeIfAbsent(String.join(".", codes), s -> new TreeSet<>()).add(period);
            });
    Map<String, String> kept = new TreeMap<>();
    full.forEach(
        (k, v) -> {
          List<String> codes = new ArrayList<>(List.of(k.split("\\.", -1)));
          String period = codes.remove(at);
          List<String> ordered = new ArrayList<>(periods.get(String.join(".", codes)));
          List<String> wanted =
              last
                  ? ordered.subList(Math.max(0, ordered.size() - n), ordered.size())
                  : ordered.subList(0, Math.min(n, ordered.size()));
          if (wanted.contains(period)) {
            kept.put(k, v);
          }
        });
    return kept;
  }

  /** The /api/tables/crossings answer: code of one column → value ("" when suppressed). */
  private Map<String, String> table(String query, String column) throws Exception {
    var response = Http.get(node.url + "/api/tables/crossings?" + query).token(token).send();
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
    Map<String, String> values = new TreeMap<>();
    JSON.readTree(response.body())
        .get("cells")
        .forEach(
            cell ->
                values.put(
                    cell.get(column).asText(),
                    cell.get("value").isNull() ? "" : cell.get("value").asText()));
    return values;
  }

  /** An SDMX-JSON answer, checked against the official data message schema. */
  private JsonNode validJson(String path) throws Exception {
    var response = get(path);
    String body = Http.text(response);
    assertThat(response.statusCode()).as(path + ": " + body).isEqualTo(200);
    assertThat(dataSchema().validate(body, InputFormat.JSON)).as(path).isEmpty();
    return JSON.readTree(body);
  }

  private static Schema schema;

  /** The official SDMX-JSON 2.0 data schema (declared generic, written in draft 4). */
  private static synchronized Schema dataSchema() throws Exception {
    if (schema == null) {
      String text = org.puente.sdmx.SdmxSchemas.data();
      Dialect dialect =
          Dialect.builder(JSON.readTree(text).path("$schema").asText(), Dialects.getDraft4())
              .build();
      schema = SchemaRegistry.withDialect(dialect).getSchema(text, InputFormat.JSON);
    }
    return schema;
  }
}
