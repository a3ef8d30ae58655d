package org.puente.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.puente.hub.PullOptions;

/**
 * How the server listens and what it accepts.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all)
 * @param port the port (0 for any free one)
 * @param maxUploadBytes the largest export an upload may send; a larger one is refused (413)
 *     without being kept
 * @param pull how a hub pulls its peers (attempts, backoff, timeout)
 * @param pullEvery how often the server pulls every peer on its own; zero: never (the default)
 * @param accessLog whether every request is written to standard output, one line each (time, client
 *     address, method, path, status, milliseconds; never a query string, header or body)
 */
public record ServerOptions(
    String host,
    int port,
    long maxUploadBytes,
    PullOptions pull,
    Duration pullEvery,
    boolean accessLog) {

  /** Exports of a year of a large country fit; a request past it is refused. */
  public static final long DEFAULT_MAX_UPLOAD = 2L * 1024 * 1024 * 1024;

  public ServerOptions {
    requireNonNull(host, "host is null");
    requireNonNull(pull, "pull is null");
    requireNonNull(pullEvery, "pullEvery is null");
    if (pullEvery.isNegative()) {
      throw new IllegalArgumentException("the pull interval is not negative");
    }
  }

  public static ServerOptions defaults(int port) {
    return new ServerOptions(
        "127.0.0.1", port, DEFAULT_MAX_UPLOAD, PullOptions.defaults(), Duration.ZERO, false);
  }

  public ServerOptions withMaxUploadBytes(long bytes) {
    return new ServerOptions(host, port, bytes, pull, pullEvery, accessLog);
  }

  public ServerOptions withHost(String other) {
    return new ServerOptions(other, port, maxUploadBytes, pull, pullEvery, accessLog);
  }

  public ServerOptions withPull(PullOptions other) {
    return new ServerOptions(host, port, maxUploadBytes, other, pullEvery, accessLog);
  }

  public ServerOptions withPullEvery(Duration other) {
    return new ServerOptions(host, port, maxUploadBytes, pull, other, accessLog);
  }

  public ServerOptions withAccessLog(boolean on) {
    return new ServerOptions(host, port, maxUploadBytes, pull, pullEvery, on);
  }
}
