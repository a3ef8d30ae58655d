package org.puente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dashboard's small parts, without a server. */
class DashboardPartsTest {

  @Test
  void changeIsAPercentWithOneDecimalOrNull() {
    assertThat(DashboardData.change(110L, 100L)).isEqualTo(10.0);
    assertThat(DashboardData.change(427L, 555L)).isEqualTo(-23.1);
    assertThat(DashboardData.change(5L, 0L)).isNull();
    assertThat(DashboardData.change(null, 100L)).isNull();
    assertThat(DashboardData.change(100L, null)).isNull();
  }

  @Test
  void tableAddressesRepeatTheRequest() {
    TableQuery query =
        TableQuery.of("crossings", List.of("reporting_country", "counterpart_country"))
            .where("reporting_country", List.of("GTM", "MEX"))
            .whereIf("direction", Optional.of("ARRIVAL"))
            .whereIf("sex", Optional.empty())
            .period("2023-01..2024-12");
    assertThat(query.url("csv", "es"))
        .isEqualTo(
            "/api/tables/crossings?by=reporting_country,counterpart_country"
                + "&where=reporting_country:GTM,MEX&where=direction:ARRIVAL"
                + "&period=2023-01..2024-12&period-level=month&format=csv&lang=es");
    assertThat(query.request().where()).containsOnlyKeys("reporting_country", "direction");
    assertThat(TableQuery.of("returns", List.of()).url("xlsx", "en"))
        .isEqualTo("/api/tables/returns?period-level=month&format=xlsx&lang=en");
  }

  @Test
  void qualityIsWeightedByRecordsAndKeptAMinute() {
    AtomicInteger reads = new AtomicInteger();
    QualityData quality =
        new QualityData(
            () -> {
              reads.incrementAndGet();
              return List.of(
                  source("GTM", "BORDER_CROSSING", 900, 1000, 80, 20, 1.0, 0.9),
                  source("GTM", "RETURN_OF_NATIONAL", 100, 100, 0, 0, 0.0, 0.5),
                  source("MEX", "BORDER_CROSSING", 10, 10, 0, 0, 1.0, 1.0));
            });
    List<Map<String, Object>> all = quality.perCountry(Optional.empty());
    assertThat(all).hasSize(2);
    Map<String, Object> gtm = all.get(0);
    assertThat(gtm.get("country")).isEqualTo("GTM");
    assertThat(gtm.get("records")).isEqualTo(1000L);
    assertThat(gtm.get("rowsRead")).isEqualTo(1100L);
    assertThat(gtm.get("rejectedShare")).isEqualTo(0.073);
    assertThat(gtm.get("duplicateShare")).isEqualTo(0.018);
    Map<?, ?> coverage = (Map<?, ?>) gtm.get("coverage");
    assertThat(coverage.get("sex")).isEqualTo(0.9);
    assertThat(coverage.get("age")).isEqualTo(0.86);
    assertThat(quality.perCountry(Optional.of("MEX"))).hasSize(1);
    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void pageDataCannotEndItsScriptElement() {
    assertThat(Templates.pageData(Map.of("x", "</script><script>alert(1)</script>&")))
        .doesNotContain("<", ">", "&")
        .contains("\\u003c/script\\u003e");
  }

  @Test
  void everyTextHasBothLanguages() {
    Messages messages = new Messages();
    assertThat(messages.all("es").keySet()).isEqualTo(messages.all("en").keySet());
    assertThat(messages.get("es", "arrivals")).isEqualTo("Llegadas");
    assertThat(messages.get("fr", "arrivals")).isEqualTo("Arrivals");
  }

  private static Map<String, Object> source(
      String country,
      String kind,
      long records,
      long read,
      long rejected,
      long duplicates,
      double sex,
      double age) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("country", country);
    source.put("kind", kind);
    source.put("rowsRead", read);
    source.put("records", records);
    source.put("rejected", rejected);
    source.put("duplicates", duplicates);
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("sex", sex);
    coverage.put("age", age);
    coverage.put("citizenship", 1.0);
    coverage.put("migrationStatus", 0.0);
    source.put("disaggregationCoverage", coverage);
    return source;
  }
}
