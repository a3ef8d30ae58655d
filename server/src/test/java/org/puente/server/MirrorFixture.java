package org.puente.server;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PeerRecord;
import org.puente.lake.catalog.PopulationRow;
import org.puente.lake.catalog.PulledPackage;
import org.puente.lake.catalog.PulledPackage.Observation;

/**
 * A node of its own acting as a hub, with three peers' pulls put in its catalog by hand (made up
 * here, the expected numbers worked out from them in the tests). Before the pulls are added, the
 * answers of an empty hub are kept for the tests that need them.
 *
 * <p>2024, crossings by counterpart: GTM records 100 departures to MEX, 60 to SLV, arrivals of 40
 * from SLV, 25 from HND and 50 from MEX, and margins (_T, _U, the M49 group 013); MEX records 90
 * arrivals from GTM and withholds its departures to GTM (C); SLV records 44 departures to GTM and
 * 30 arrivals from GTM. 2023: GTM 10 departures to MEX, MEX 10 arrivals from GTM. GTM's port TECUN
 * records 30 arrivals and no departures in 2024. Migrants 2024: GTM 300 in, 100 out (population
 * 2,000,000); MEX 200 in, 400 out (no population).
 */
public final class MirrorFixture {

  private static MirrorFixture fixture;

  public final TestNode node;
  public final HttpResponse<byte[]> emptyApi;
  public final HttpResponse<byte[]> emptyPage;

  private MirrorFixture(
      TestNode node, HttpResponse<byte[]> emptyApi, HttpResponse<byte[]> emptyPage) {
    this.node = node;
    this.emptyApi = emptyApi;
    this.emptyPage = emptyPage;
  }

  public static synchronized MirrorFixture get() {
    if (fixture == null) {
      TestNode node = TestNode.isolated();
      HttpResponse<byte[]> emptyApi =
          Http.get(node.url + "/api/hub/mirror").token(node.token("viewer")).send();
      HttpResponse<byte[]> emptyPage =
          Http.get(node.url + "/mirror").token(node.token("viewer")).send();
      fill(node.server.context().node().catalog());
      fixture = new MirrorFixture(node, emptyApi, emptyPage);
    }
    return fixture;
  }

  private static void fill(Catalog catalog) {
    Instant start = Instant.parse("2026-11-29T09:00:00Z");
    for (String country : List.of("GTM", "MEX", "SLV")) {
      String peer = country.toLowerCase();
      catalog
          .peers()
          .add(
              new PeerRecord(
                  peer,
                  "http://127.0.0.1:9/",
                  "sealed-" + peer,
                  "MCowBQYDK2VwAyEA",
                  List.of(country),
                  start));
    }
    catalog
        .pulls()
        .committed(
            "gtm",
            start,
            1,
            "run-gtm",
            List.of(
                counterparts(
                    "GTM",
                    row("2024", "DEPARTURE", "MEX", 100),
                    row("2024", "DEPARTURE", "SLV", 60),
                    row("2024", "DEPARTURE", "_T", 190),
                    row("2024", "DEPARTURE", "_U", 30),
                    row("2024", "DEPARTURE", "013", 60),
                    row("2024", "ARRIVAL", "SLV", 40),
                    row("2024", "ARRIVAL", "HND", 25),
                    row("2024", "ARRIVAL", "MEX", 50),
                    row("2023", "DEPARTURE", "MEX", 10)),
                ports("GTM", row("2024", "ARRIVAL", "TECUN", 30), row("2024", "ARRIVAL", "_T", 30)),
                migrants("DF_MIGRANT_ARRIVALS", "GTM", 300),
                migrants("DF_MIGRANT_DEPARTURES", "GTM", 100)));
    catalog
        .pulls()
        .committed(
            "mex",
            start,
            1,
            "run-mex",
            List.of(
                counterparts(
                    "MEX",
                    row("2024", "ARRIVAL", "GTM", 90),
                    new Observation(
                        List.of("MEX", "2024", "DEPARTURE", "GTM"), OptionalLong.empty(), "C"),
                    row("2023", "ARRIVAL", "GTM", 10)),
                migrants("DF_MIGRANT_ARRIVALS", "MEX", 200),
                migrants("DF_MIGRANT_DEPARTURES", "MEX", 400)));
    catalog
        .pulls()
        .committed(
            "slv",
            start,
            1,
            "run-slv",
            List.of(
                counterparts(
                    "SLV",
                    row("2024", "DEPARTURE", "GTM", 44),
                    row("2024", "ARRIVAL", "GTM", 30))));
    catalog
        .population()
        .load(List.of(new PopulationRow("GTM", 2024, "_T", 2_000_000)), "test population");
  }

  /** (period, direction, code, value) without the reporter, which each package adds. */
  private static Observation row(String period, String direction, String code, long value) {
    return new Observation(List.of(period, direction, code), OptionalLong.of(value), "F");
  }

  private static PulledPackage counterparts(String country, Observation... rows) {
    return crossings(country, "COUNTERPART_COUNTRY", rows);
  }

  private static PulledPackage ports(String country, Observation... rows) {
    return crossings(country, "PORT", rows);
  }

  private static PulledPackage crossings(String country, String by, Observation... rows) {
    List<Observation> observations = new ArrayList<>();
    for (Observation row : rows) {
      List<String> codes = new ArrayList<>(row.codes());
      if (codes.size() == 3) {
        codes.add(0, country);
      }
      observations.add(new Observation(codes, row.value(), row.confStatus()));
    }
    return new PulledPackage(
        "DF_CROSSINGS",
        "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/" + country,
        "0".repeat(64),
        "fp-" + country,
        List.of("REPORTING_COUNTRY", "TIME_PERIOD", "DIRECTION", by),
        observations);
  }

  private static PulledPackage migrants(String dataflow, String country, long total) {
    return new PulledPackage(
        dataflow,
        "/sdmx/2/data/dataflow/PUENTE/" + dataflow + "/1.0.0/" + country,
        "0".repeat(64),
        "fp-" + country,
        List.of("REPORTING_COUNTRY", "TIME_PERIOD", "COUNTERPART_COUNTRY"),
        List.of(
            new Observation(List.of(country, "2024", "_T"), OptionalLong.of(total), "F"),
            new Observation(List.of(country, "2024", "013"), OptionalLong.of(total), "F")));
  }
}
