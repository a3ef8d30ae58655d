package org.puente.server.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.cube.CubeCatalogue;
import org.puente.hub.Peering;
import org.puente.hub.PullOptions;
import org.puente.hub.PullPlan;
import org.puente.hub.PullReport;
import org.puente.lake.catalog.PulledObservation;
import org.puente.server.TestNode;
import org.puente.server.hub.FakePeer.Fault;

/**
 * Peers that are down, slow, or send what must not be kept, as real HTTP servers: each pull of such
 * a peer fails with a clear message, keeps nothing, leaves the peer's earlier pull current, and
 * never stops the other peers' pulls.
 */
class HubFaultsTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final PullOptions QUICK =
      new PullOptions(3, Duration.ofMillis(10), Duration.ofSeconds(20));
  private static final int PACKAGES =
      PullPlan.queries(CubeCatalogue.standard(), List.of(FakePeer.COUNTRY)).size();

  @TempDir Path dir;

  private TestNode node;
  private TestHub hub;
  private FakePeer good;
  private FakePeer bad;

  @BeforeEach
  void peers() throws IOException {
    node = TestNode.embedded();
    hub = TestHub.start();
    good = new FakePeer(dir.resolve("good"), node);
    bad = new FakePeer(dir.resolve("bad"), node);
    for (Map.Entry<String, FakePeer> peer : Map.of("good", good, "bad", bad).entrySet()) {
      Peering.add(
          hub.catalog,
          hub.keys,
          peer.getKey(),
          peer.getValue().url(),
          node.token("regional"),
          Optional.of(peer.getValue().key.fingerprint()),
          CLIENT);
    }
  }

  @AfterEach
  void stop() {
    good.close();
    bad.close();
    hub.close();
  }

  private Map<String, PullReport> pull(PullOptions options) {
    return hub.puller(options).pull(Optional.empty()).stream()
        .collect(Collectors.toMap(PullReport::peer, Function.identity()));
  }

  private List<PulledObservation> currentOf(String peer) {
    return hub.catalog.pulls().current().stream().filter(o -> o.peer().equals(peer)).toList();
  }

  /** Both peers pulled once correctly; the bad one then misbehaves. */
  private List<PulledObservation> firstPullThen(Fault fault) {
    Map<String, PullReport> first = pull(QUICK);
    assertThat(first.get("good").committed()).as(first.get("good").message()).isTrue();
    assertThat(first.get("bad").committed()).as(first.get("bad").message()).isTrue();
    List<PulledObservation> before = currentOf("bad");
    assertThat(before).isNotEmpty();
    bad.fault(fault);
    bad.run("42");
    return before;
  }

  /** The bad peer's pull failed, kept nothing, and its first pull is still current. */
  private PullReport assertFailedAndNothingKept(
      Map<String, PullReport> reports, List<PulledObservation> before) {
    PullReport report = reports.get("bad");
    assertThat(report.committed()).isFalse();
    assertThat(report.packages()).isZero();
    assertThat(report.message()).startsWith("peer bad: ").doesNotContain(node.token("regional"));
    assertThat(reports.get("good").committed()).as(reports.get("good").message()).isTrue();
    assertThat(currentOf("bad")).isEqualTo(before);
    assertThat(hub.catalog.pulls().latest("bad").orElseThrow().committed()).isFalse();
    assertThat(hub.catalog.pulls().latest("bad").orElseThrow().message())
        .hasValue(report.message());
    assertThat(hub.catalog.pulls().latestCommitted("bad").orElseThrow().peerRun()).hasValue("41");
    return report;
  }

  @Test
  void aPeerThatIsDownFailsAfterEveryAttemptAndTheOthersAreCommitted() {
    List<PulledObservation> before = firstPullThen(Fault.NONE);
    bad.close();
    Map<String, PullReport> reports = pull(QUICK);
    PullReport report = assertFailedAndNothingKept(reports, before);
    assertThat(report.attempts()).isEqualTo(3);
    assertThat(report.message())
        .contains("GET /sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/GTM.")
        .contains("failed after 3 attempts")
        .contains("connect");
  }

  @Test
  void aPeerAnswering503OnceIsRetriedAndCommitted() {
    bad.fault(Fault.UNAVAILABLE_ONCE);
    Map<String, PullReport> reports = pull(QUICK);
    PullReport report = reports.get("bad");
    assertThat(report.committed()).as(report.message()).isTrue();
    assertThat(report.packages()).isEqualTo(PACKAGES);
    assertThat(report.attempts()).isEqualTo(PACKAGES + 1);
    assertThat(hub.catalog.pulls().latest("bad").orElseThrow().attempts()).isEqualTo(PACKAGES + 1);
    assertThat(reports.get("good").attempts()).isEqualTo(PACKAGES);
  }

  @Test
  void aBusyPeerIsRetriedAfterTheWaitItAsksFor() {
    bad.fault(Fault.BUSY_ONCE);
    long start = System.nanoTime();
    PullReport report = pull(QUICK).get("bad");
    assertThat(report.committed()).as(report.message()).isTrue();
    assertThat(report.attempts()).isEqualTo(PACKAGES + 1);
    // the backoff alone (10 ms) is far shorter than the second the peer asked for
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
  }

  @Test
  void aSlowPeerBeyondTheTimeoutFails() {
    List<PulledObservation> before = firstPullThen(Fault.SLOW);
    PullOptions impatient = new PullOptions(2, Duration.ofMillis(10), Duration.ofMillis(400));
    long start = System.nanoTime();
    PullReport report = assertFailedAndNothingKept(pull(impatient), before);
    assertThat(report.attempts()).isEqualTo(2);
    assertThat(report.message()).contains("no answer within 400 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aPackageWhoseSignatureDoesNotHoldIsRefused() {
    List<PulledObservation> before = firstPullThen(Fault.BAD_SIGNATURE);
    PullReport report = assertFailedAndNothingKept(pull(QUICK), before);
    assertThat(report.message()).contains("refused").contains("signature does not hold");
    assertThat(report.attempts()).isEqualTo(1);
  }

  @Test
  void aSignedBodyThatIsNotSdmxIsRefused() {
    List<PulledObservation> before = firstPullThen(Fault.NOT_SDMX);
    PullReport report = assertFailedAndNothingKept(pull(QUICK), before);
    assertThat(report.message()).contains("not an SDMX-JSON 2.0 data message");
  }

  @Test
  void anotherCountrysDataAreRefused() {
    List<PulledObservation> before = firstPullThen(Fault.FOREIGN_COUNTRY);
    PullReport report = assertFailedAndNothingKept(pull(QUICK), before);
    assertThat(report.message()).contains("holds data of MEX, not a country the peer reports for");
  }

  @Test
  void aPackageSignedLongAgoIsRefusedAsAReplay() {
    List<PulledObservation> before = firstPullThen(Fault.STALE);
    PullReport report = assertFailedAndNothingKept(pull(QUICK), before);
    assertThat(report.message()).contains("more than 10 minutes from the hub's clock");
    assertThat(report.attempts()).isEqualTo(1);
  }

  @Test
  void anAnswerLargerThanTheLimitIsRefusedWithoutReadingOn() {
    Map<String, PullReport> first = pull(QUICK);
    assertThat(first.values()).allSatisfy(r -> assertThat(r.committed()).isTrue());
    List<PulledObservation> before = hub.catalog.pulls().current();

    Map<String, PullReport> limited = pull(QUICK.withMaxPackageBytes(200));

    for (PullReport report : limited.values()) {
      assertThat(report.committed()).isFalse();
      assertThat(report.attempts()).isEqualTo(1);
      assertThat(report.message())
          .contains("answered more than 200 bytes, the largest package the hub accepts");
    }
    assertThat(hub.catalog.pulls().current()).isEqualTo(before);
  }

  @Test
  void aRefusedTokenFailsAtOnceNamingTheStatus() {
    List<PulledObservation> before = firstPullThen(Fault.UNAUTHORIZED);
    PullReport report = assertFailedAndNothingKept(pull(QUICK), before);
    assertThat(report.attempts()).isEqualTo(1);
    assertThat(report.message()).contains("answered 401").contains("token");
  }

  @Test
  void packagesFromTwoRunsArePulledAgainOnce() {
    bad.fault(Fault.RUN_CHANGES_ONCE);
    PullReport report = pull(QUICK).get("bad");
    assertThat(report.committed()).as(report.message()).isTrue();
    assertThat(report.attempts()).isEqualTo(2 * PACKAGES);
    assertThat(report.peerRun()).hasValue("43");
  }

  @Test
  void aServerWithAPullIntervalPullsOnItsOwnAndAuditsIt() throws Exception {
    try (TestHub scheduled = TestHub.start(Duration.ofMillis(300))) {
      Peering.add(
          scheduled.catalog,
          scheduled.keys,
          "good",
          good.url(),
          node.token("regional"),
          Optional.empty(),
          CLIENT);
      // the pull is committed, then audited: wait for both
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while ((scheduled.catalog.pulls().latestCommitted("good").isEmpty()
              || scheduled.catalog.audit().recent(20).stream()
                  .noneMatch(e -> e.action().equals("PEER_PULL")))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(scheduled.catalog.pulls().latestCommitted("good")).isPresent();
      assertThat(scheduled.catalog.audit().recent(20))
          .anySatisfy(
              entry -> {
                assertThat(entry.actor()).isEqualTo("scheduler");
                assertThat(entry.action()).isEqualTo("PEER_PULL");
              });
    }
  }
}
