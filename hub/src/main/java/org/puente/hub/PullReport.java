package org.puente.hub;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one peer's pull ended.
 *
 * @param peer the peer's name
 * @param committed true when every package was verified and kept
 * @param attempts HTTP attempts made, retries included
 * @param packages packages kept (0 when it failed)
 * @param observations observations kept (0 when it failed)
 * @param duration how long it took
 * @param message why it failed, or a summary when it was committed
 * @param peerRun the peer's run the packages came from, when committed
 */
public record PullReport(
    String peer,
    boolean committed,
    int attempts,
    int packages,
    long observations,
    Duration duration,
    String message,
    Optional<String> peerRun) {

  public PullReport {
    requireNonNull(peer, "peer is null");
    requireNonNull(duration, "duration is null");
    requireNonNull(message, "message is null");
    requireNonNull(peerRun, "peerRun is null");
  }

  /** COMMITTED or FAILED. */
  public String status() {
    return committed ? "COMMITTED" : "FAILED";
  }

  /** One line for a terminal or a log. */
  public String line() {
    return String.format(
        "%s %s: %d packages, %d observations, %d attempts, %.1f s%s",
        peer,
        status(),
        packages,
        observations,
        attempts,
        duration.toMillis() / 1000.0,
        committed ? peerRun.map(run -> ", run " + run).orElse("") : " — " + message);
  }

  /** The report as a JSON object's fields, as the CLI's {@code --json} and the API answer it. */
  public Map<String, Object> json() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("peer", peer());
    row.put("status", status());
    row.put("attempts", attempts());
    row.put("packages", packages());
    row.put("observations", observations());
    row.put("run", peerRun().orElse(null));
    row.put("durationMillis", duration().toMillis());
    row.put("message", message());
    return row;
  }
}
