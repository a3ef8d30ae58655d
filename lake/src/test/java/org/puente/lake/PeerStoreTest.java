package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.PeerRecord;
import org.puente.lake.catalog.PullRecord;
import org.puente.lake.catalog.PulledObservation;
import org.puente.lake.catalog.PulledPackage;
import org.puente.lake.catalog.PulledPackage.Observation;

/** A hub's peers and pulls (migration V6), on every catalog backend. */
abstract class PeerStoreTest extends CatalogFixture {

  static final Instant START = Instant.parse("2026-03-02T08:15:30Z");

  @Override
  Instant start() {
    return START;
  }

  static PeerRecord peer(String name, String country) {
    return new PeerRecord(
        name,
        "http://127.0.0.1:7070/",
        "sealed-" + name,
        "MCowBQYDK2VwAyEA",
        List.of(country),
        START);
  }

  static PulledPackage crossings(long arrivals, String run) {
    return new PulledPackage(
        "DF_CROSSINGS",
        "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/GTM.*",
        "0".repeat(64),
        "fp-" + run,
        List.of("REPORTING_COUNTRY", "TIME_PERIOD", "DIRECTION"),
        List.of(
            new Observation(List.of("GTM", "2024", "ARRIVAL"), OptionalLong.of(arrivals), "F"),
            new Observation(List.of("GTM", "2024", "DEPARTURE"), OptionalLong.empty(), "C")));
  }

  @Test
  void peersAreAddedListedAndRemovedByName() {
    catalog.peers().add(peer("mex", "MEX"));
    catalog.peers().add(peer("gtm", "GTM"));

    assertThat(catalog.peers().list()).extracting(PeerRecord::name).containsExactly("gtm", "mex");
    assertThat(catalog.peers().find("gtm")).contains(peer("gtm", "GTM"));
    assertThatThrownBy(() -> catalog.peers().add(peer("gtm", "GTM")))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

    catalog.peers().remove("mex");
    assertThat(catalog.peers().find("mex")).isEmpty();
    assertThatThrownBy(() -> catalog.peers().remove("mex"))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void currentDataAreTheLatestCommittedPullOfEachPeer() {
    catalog.peers().add(peer("gtm", "GTM"));
    catalog.peers().add(peer("mex", "MEX"));
    catalog.pulls().committed("gtm", START, 1, "run-1", List.of(crossings(100, "1")));
    clock.set(START.plusSeconds(60));
    PullRecord second =
        catalog
            .pulls()
            .committed("gtm", START.plusSeconds(50), 2, "run-2", List.of(crossings(120, "2")));
    clock.set(START.plusSeconds(120));
    PullRecord failed =
        catalog.pulls().failed("gtm", START.plusSeconds(110), 4, "connection refused");

    List<PulledObservation> current = catalog.pulls().current();

    assertThat(current).hasSize(2);
    assertThat(current).allSatisfy(o -> assertThat(o.pullId()).isEqualTo(second.id()));
    PulledObservation arrivals = current.get(0);
    assertThat(arrivals.peer()).isEqualTo("gtm");
    assertThat(arrivals.dataflow()).isEqualTo("DF_CROSSINGS");
    assertThat(arrivals.code("DIRECTION")).isEqualTo("ARRIVAL");
    assertThat(arrivals.code("SEX")).isEqualTo("_T");
    assertThat(arrivals.value()).hasValue(120);
    assertThat(current.get(1).value()).isEmpty();
    assertThat(current.get(1).confStatus()).isEqualTo("C");

    assertThat(catalog.pulls().latest("gtm")).contains(failed);
    assertThat(failed.committed()).isFalse();
    assertThat(failed.message()).contains("connection refused");
    assertThat(catalog.pulls().latestCommitted("gtm")).contains(second);
    assertThat(second.peerRun()).contains("run-2");
    assertThat(catalog.pulls().history("gtm")).hasSize(3);
    assertThat(catalog.pulls().latest("mex")).isEmpty();
  }

  @Test
  void aRemovedPeersDataAreNoLongerCurrent() {
    catalog.peers().add(peer("gtm", "GTM"));
    catalog.pulls().committed("gtm", START, 1, "run-1", List.of(crossings(100, "1")));

    catalog.peers().remove("gtm");

    assertThat(catalog.pulls().current()).isEmpty();
    assertThatThrownBy(() -> catalog.pulls().committed("gtm", START, 1, "run-1", List.of()))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void anObservationWhoseCodesDoNotFitItsPackageIsRefused() {
    assertThatThrownBy(
            () ->
                new PulledPackage(
                    "DF_X",
                    "/x",
                    "0".repeat(64),
                    "fp",
                    List.of("A", "B"),
                    List.of(new Observation(List.of("x"), OptionalLong.of(1), "F"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 codes for 2 dimensions");
  }

  @Test
  void portNamesWithDotsAndPercentsComeBackAsTheyWere() {
    catalog.peers().add(peer("blz", "BLZ"));
    List<String> ports = List.of("Philip S. W. Goldson Intl.", "100% %2E port", "_T");
    List<Observation> observations = new java.util.ArrayList<>();
    for (String port : ports) {
      observations.add(new Observation(List.of("BLZ", port), OptionalLong.of(7), "F"));
    }
    catalog
        .pulls()
        .committed(
            "blz",
            START,
            1,
            "run-1",
            List.of(
                new PulledPackage(
                    "DF_CROSSINGS",
                    "/x",
                    "0".repeat(64),
                    "fp",
                    List.of("REPORTING_COUNTRY", "PORT"),
                    observations)));
    assertThat(catalog.pulls().current())
        .extracting(observation -> observation.code("PORT"))
        .containsExactlyInAnyOrderElementsOf(ports);
  }
}
