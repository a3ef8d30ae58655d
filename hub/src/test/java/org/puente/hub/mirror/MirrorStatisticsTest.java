package org.puente.hub.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.puente.hub.mirror.Mirror.CountryIndices;
import org.puente.hub.mirror.Mirror.Pair;
import org.puente.hub.mirror.Mirror.PairFlag;
import org.puente.hub.mirror.Mirror.Port;
import org.puente.hub.mirror.Mirror.PortFlag;
import org.puente.hub.mirror.Mirror.Status;
import org.puente.indicator.PopulationSource;
import org.puente.lake.catalog.PulledObservation;

/**
 * Mirror statistics on hand-made observations. Every expected number is worked out from the
 * definitions in docs/MIRROR.md in the comments next to it, never copied from the output.
 */
class MirrorStatisticsTest {

  private final List<PulledObservation> observations = new ArrayList<>();

  /** A bilateral crossings cell: reporter, year, direction, counterpart; PORT is the total. */
  private void flow(String reporter, int year, String direction, String counterpart, Long value) {
    flow(reporter, year, direction, counterpart, value, value == null ? "C" : "F");
  }

  private void flow(
      String reporter, int year, String direction, String counterpart, Long value, String status) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("REPORTING_COUNTRY", reporter);
    codes.put("TIME_PERIOD", Integer.toString(year));
    codes.put("DIRECTION", direction);
    codes.put("COUNTERPART_COUNTRY", counterpart);
    observations.add(observation("DF_CROSSINGS", codes, value, status));
  }

  private void port(String reporter, int year, String direction, String port, Long value) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("REPORTING_COUNTRY", reporter);
    codes.put("TIME_PERIOD", Integer.toString(year));
    codes.put("DIRECTION", direction);
    codes.put("PORT", port);
    observations.add(observation("DF_CROSSINGS", codes, value, value == null ? "C" : "F"));
  }

  private void migrants(String flow, String reporter, int year, String counterpart, Long value) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("REPORTING_COUNTRY", reporter);
    codes.put("TIME_PERIOD", Integer.toString(year));
    codes.put("COUNTERPART_COUNTRY", counterpart);
    observations.add(observation(flow, codes, value, value == null ? "D" : "F"));
  }

  private static PulledObservation observation(
      String dataflow, Map<String, String> codes, Long value, String status) {
    return new PulledObservation(
        "peer-" + codes.get("REPORTING_COUNTRY"),
        1,
        dataflow,
        codes,
        value == null ? OptionalLong.empty() : OptionalLong.of(value),
        status);
  }

  private Mirror compute() {
    return MirrorStatistics.compute(observations, PopulationSource.none());
  }

  private static Pair pair(Mirror mirror, int year, String origin, String destination) {
    return mirror.pairs().stream()
        .filter(p -> p.year() == year)
        .filter(p -> p.origin().equals(origin) && p.destination().equals(destination))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pair " + origin + "→" + destination));
  }

  @Test
  void bothSidesPublishedGiveRatioLogRatioAndSymmetricDifference() {
    flow("GTM", 2024, "DEPARTURE", "MEX", 100L);
    flow("MEX", 2024, "ARRIVAL", "GTM", 90L);

    Pair pair = pair(compute(), 2024, "GTM", "MEX");

    assertThat(pair.departures().value()).hasValue(100);
    assertThat(pair.departures().status()).isEqualTo(Status.F);
    assertThat(pair.arrivals().value()).hasValue(90);
    // ratio = 90/100 = 0.9; ln(0.9) = -0.105360516; spd = 100·(90−100)/95 = -10.526315789
    assertThat(pair.ratio().getAsDouble()).isCloseTo(0.9, within(1e-12));
    assertThat(pair.logRatio().getAsDouble()).isCloseTo(-0.1053605157, within(1e-9));
    assertThat(pair.spd().getAsDouble()).isCloseTo(-10.5263157895, within(1e-9));
    // |0.9 − 1| = 0.10: on the boundary, within
    assertThat(pair.withinTenPercent()).contains(true);
    assertThat(pair.flags()).isEmpty();
  }

  @Test
  void aSuppressedSideGivesNoRatioAndItsStatus() {
    flow("GTM", 2024, "DEPARTURE", "MEX", 100L);
    flow("MEX", 2024, "ARRIVAL", "GTM", null, "C");
    flow("MEX", 2024, "DEPARTURE", "GTM", null, "D");
    flow("GTM", 2024, "ARRIVAL", "MEX", 40L);

    Mirror mirror = compute();
    Pair suppressed = pair(mirror, 2024, "GTM", "MEX");
    assertThat(suppressed.arrivals().status()).isEqualTo(Status.C);
    assertThat(suppressed.arrivals().value()).isEmpty();
    assertThat(suppressed.ratio()).isEmpty();
    assertThat(suppressed.logRatio()).isEmpty();
    assertThat(suppressed.spd()).isEmpty();
    assertThat(suppressed.withinTenPercent()).isEmpty();
    Pair secondary = pair(mirror, 2024, "MEX", "GTM");
    assertThat(secondary.departures().status()).isEqualTo(Status.D);
    assertThat(secondary.ratio()).isEmpty();
  }

  @Test
  void aCountryNobodyReportsIsMissingAndAnUnlistedCellOfAReporterIsZero() {
    // HND reports nothing; SLV reports 2024 but lists no departures to GTM
    flow("GTM", 2024, "ARRIVAL", "HND", 70L);
    flow("GTM", 2024, "ARRIVAL", "SLV", 30L);
    flow("SLV", 2024, "DEPARTURE", "MEX", 5L);

    Mirror mirror = compute();
    Pair fromHonduras = pair(mirror, 2024, "HND", "GTM");
    assertThat(fromHonduras.departures().status()).isEqualTo(Status.MISSING);
    assertThat(fromHonduras.departures().value()).isEmpty();
    assertThat(fromHonduras.ratio()).isEmpty();
    Pair fromElSalvador = pair(mirror, 2024, "SLV", "GTM");
    assertThat(fromElSalvador.departures().value()).hasValue(0);
    assertThat(fromElSalvador.departures().status()).isEqualTo(Status.F);
    assertThat(fromElSalvador.ratio()).as("0 is not comparable").isEmpty();
    // SLV→MEX: MEX reports nothing
    assertThat(pair(mirror, 2024, "SLV", "MEX").arrivals().status()).isEqualTo(Status.MISSING);
    // only pairs with a row: HND→GTM, SLV→GTM, SLV→MEX
    assertThat(mirror.pairs()).hasSize(3);
  }

  @Test
  void theShareWithinTenPercentCountsComparablePairsOnly() {
    // GTM→MEX 100/105: ratio 1.05, within
    flow("GTM", 2024, "DEPARTURE", "MEX", 100L);
    flow("MEX", 2024, "ARRIVAL", "GTM", 105L);
    // MEX→GTM 200/100: ratio 0.5, outside
    flow("MEX", 2024, "DEPARTURE", "GTM", 200L);
    flow("GTM", 2024, "ARRIVAL", "MEX", 100L);
    // GTM→SLV 50/55: ratio 1.1, on the boundary, within
    flow("GTM", 2024, "DEPARTURE", "SLV", 50L);
    flow("SLV", 2024, "ARRIVAL", "GTM", 55L);
    // SLV→GTM 10/12: ratio 1.2, outside
    flow("SLV", 2024, "DEPARTURE", "GTM", 10L);
    flow("GTM", 2024, "ARRIVAL", "SLV", 12L);
    // GTM→HND: HND missing, not comparable
    flow("GTM", 2024, "DEPARTURE", "HND", 40L);

    Mirror.YearSummary summary = compute().summary().get(0);
    assertThat(summary.year()).isEqualTo(2024);
    assertThat(summary.pairs()).isEqualTo(5);
    assertThat(summary.comparable()).isEqualTo(4);
    assertThat(summary.withinTenPercent()).isEqualTo(2);
    assertThat(summary.share().getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(pair(compute(), 2024, "SLV", "GTM").withinTenPercent()).contains(false);
  }

  @Test
  void portsWithoutExitControlAreFlaggedAndFlagTheirCountrysPairs() {
    port("GTM", 2024, "ARRIVAL", "GTM-TECUN", 20L); // 20 in, nothing out: no exit control
    port("GTM", 2024, "ARRIVAL", "GTM-AIRPORT", 100L);
    port("GTM", 2024, "DEPARTURE", "GTM-AIRPORT", 49L); // 49 < 50% of 100: low
    port("GTM", 2024, "ARRIVAL", "GTM-PORT", 100L);
    port("GTM", 2024, "DEPARTURE", "GTM-PORT", 50L); // 50% exactly: not low
    port("MEX", 2024, "ARRIVAL", "MEX-SMALL", 19L); // below 20 arrivals: never flagged
    port("MEX", 2024, "ARRIVAL", "_U", 500L); // the unknown port is not a port
    port("MEX", 2024, "ARRIVAL", "_T", 900L); // nor the total
    flow("GTM", 2024, "DEPARTURE", "MEX", 80L);
    flow("MEX", 2024, "ARRIVAL", "GTM", 100L);
    flow("MEX", 2024, "DEPARTURE", "GTM", 80L);
    flow("GTM", 2024, "ARRIVAL", "MEX", 80L);

    Mirror mirror = compute();
    assertThat(mirror.ports())
        .extracting(Port::port)
        .containsExactly("GTM-AIRPORT", "GTM-PORT", "GTM-TECUN", "MEX-SMALL");
    assertThat(portFlag(mirror, "GTM-TECUN")).contains(PortFlag.NO_EXIT_CONTROL);
    assertThat(port(mirror, "GTM-TECUN").departures()).hasValue(0);
    assertThat(portFlag(mirror, "GTM-AIRPORT")).contains(PortFlag.LOW_EXIT_RECORDING);
    assertThat(portFlag(mirror, "GTM-PORT")).isEmpty();
    assertThat(portFlag(mirror, "MEX-SMALL")).isEmpty();
    assertThat(pair(mirror, 2024, "GTM", "MEX").flags())
        .containsExactly(PairFlag.ORIGIN_PORTS_WITHOUT_EXIT_CONTROL);
    assertThat(pair(mirror, 2024, "MEX", "GTM").flags()).isEmpty();
  }

  @Test
  void aWithheldPortFigureFlagsNothing() {
    port("GTM", 2024, "ARRIVAL", "GTM-TECUN", 200L);
    port("GTM", 2024, "DEPARTURE", "GTM-TECUN", null);
    assertThat(portFlag(compute(), "GTM-TECUN")).isEmpty();
  }

  private static Port port(Mirror mirror, String code) {
    return mirror.ports().stream().filter(p -> p.port().equals(code)).findFirst().orElseThrow();
  }

  private static Optional<PortFlag> portFlag(Mirror mirror, String code) {
    return port(mirror, code).flag();
  }

  @Test
  void indicesWithAndWithoutPopulationAndTheSystemIndex() {
    migrants("DF_MIGRANT_ARRIVALS", "GTM", 2024, "_T", 300L);
    migrants("DF_MIGRANT_DEPARTURES", "GTM", 2024, "_T", 100L);
    migrants("DF_MIGRANT_ARRIVALS", "MEX", 2024, "_T", 200L);
    migrants("DF_MIGRANT_DEPARTURES", "MEX", 2024, "_T", 400L);
    migrants("DF_MIGRANT_ARRIVALS", "SLV", 2024, "_T", 50L);
    migrants("DF_MIGRANT_DEPARTURES", "SLV", 2024, "_T", null); // withheld
    // the breakdown by counterpart is not the total
    migrants("DF_MIGRANT_ARRIVALS", "GTM", 2024, "MEX", 999L);
    PopulationSource population =
        (country, year) ->
            country.equals("GTM") && year == 2024
                ? OptionalLong.of(2_000_000)
                : OptionalLong.empty();

    Mirror mirror = MirrorStatistics.compute(observations, population);

    CountryIndices gtm = indices(mirror, "GTM");
    assertThat(gtm.migrantArrivals()).hasValue(300);
    assertThat(gtm.migrantDepartures()).hasValue(100);
    assertThat(gtm.net()).hasValue(200);
    assertThat(gtm.turnover()).hasValue(400);
    // 100·200/400 = 50; 1000·200/2,000,000 = 0.1
    assertThat(gtm.effectiveness().getAsDouble()).isCloseTo(50.0, within(1e-12));
    assertThat(gtm.netMigrationRate().getAsDouble()).isCloseTo(0.1, within(1e-12));
    CountryIndices mex = indices(mirror, "MEX");
    // net −200, turnover 600: 100·(−200)/600 = −33.33; no population loaded
    assertThat(mex.net()).hasValue(-200);
    assertThat(mex.effectiveness().getAsDouble()).isCloseTo(-100.0 / 3, within(1e-9));
    assertThat(mex.netMigrationRate()).isEmpty();
    CountryIndices slv = indices(mirror, "SLV");
    assertThat(slv.migrantArrivals()).hasValue(50);
    assertThat(slv.migrantDepartures()).isEmpty();
    assertThat(slv.net()).isEmpty();
    assertThat(slv.effectiveness()).isEmpty();
    // the system: (|200| + |−200|) / (400 + 600) = 40%; SLV left out
    assertThat(mirror.system()).hasSize(1);
    assertThat(mirror.system().get(0).effectiveness().getAsDouble()).isCloseTo(40.0, within(1e-12));
  }

  private static CountryIndices indices(Mirror mirror, String country) {
    return mirror.indices().stream()
        .filter(i -> i.country().equals(country))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void marginsAndM49GroupsAreNeverCountries() {
    flow("GTM", 2024, "DEPARTURE", "_T", 1000L);
    flow("GTM", 2024, "DEPARTURE", "_U", 10L);
    flow("GTM", 2024, "DEPARTURE", "013", 500L); // Central America
    flow("GTM", 2024, "DEPARTURE", "419", 600L);
    flow("GTM", 2024, "DEPARTURE", "GTM", 3L); // to itself
    flow("_T", 2024, "ARRIVAL", "GTM", 7L);
    flow("013", 2024, "ARRIVAL", "GTM", 7L);
    flow("GTM", 2024, "DEPARTURE", "MEX", 100L);
    flow("GTM", 2024, "_T", "MEX", 100L);
    migrants("DF_MIGRANT_ARRIVALS", "013", 2024, "_T", 10L);

    Mirror mirror = compute();
    assertThat(mirror.pairs())
        .extracting(p -> p.origin() + "→" + p.destination())
        .containsExactly("GTM→MEX");
    assertThat(mirror.indices()).isEmpty();
    assertThat(mirror.years()).containsExactly(2024);
  }

  @Test
  void nothingHeldGivesEmptyStatistics() {
    Mirror mirror = compute();
    assertThat(mirror.years()).isEmpty();
    assertThat(mirror.pairs()).isEmpty();
    assertThat(mirror.summary()).isEmpty();
    assertThat(mirror.system()).isEmpty();
  }

  @Test
  void aYearIsSelectedWithEveryYearStillListed() {
    flow("GTM", 2023, "DEPARTURE", "MEX", 10L);
    flow("GTM", 2024, "DEPARTURE", "MEX", 20L);
    Mirror year = compute().ofYear(2023);
    assertThat(year.years()).containsExactly(2023, 2024);
    assertThat(year.pairs()).extracting(Pair::year).containsExactly(2023);
    assertThat(year.summary().get(0).share()).isEqualTo(OptionalDouble.empty());
  }
}
