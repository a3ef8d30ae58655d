package org.puente.hub;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a hub pulls: at most {@code attempts} tries of each request (connection failures, timeouts,
 * 5xx and 429 are retried; other answers fail at once), waiting {@code initialBackoff} before the
 * second, twice that before the third, and so on (plus up to half of it at random, so peers are not
 * hit in step), and giving up on one answer after {@code requestTimeout}.
 *
 * @param attempts tries of one request, 1 to 20
 * @param initialBackoff the wait before the first retry
 * @param requestTimeout the longest wait for one answer (also the connection timeout)
 * @param maxPackageBytes the largest answer accepted; a larger one fails the pull at once, read no
 *     further than the limit (a peer cannot make the hub hold an unbounded answer)
 */
public record PullOptions(
    int attempts, Duration initialBackoff, Duration requestTimeout, long maxPackageBytes) {

  public static final int DEFAULT_ATTEMPTS = 4;
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * 64 MiB: a query of the pull plan answers a few thousand observations (well under 1 MiB); a
   * table a hundred times that is still accepted.
   */
  public static final long DEFAULT_MAX_PACKAGE_BYTES = 64L << 20;

  public PullOptions {
    if (attempts < 1 || attempts > 20) {
      throw new IllegalArgumentException("attempts is 1 to 20, not " + attempts);
    }
    requireNonNull(initialBackoff, "initialBackoff is null");
    requireNonNull(requestTimeout, "requestTimeout is null");
    if (initialBackoff.isNegative() || initialBackoff.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("the backoff is 0 to 10 minutes");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("the request timeout is positive");
    }
    if (maxPackageBytes < 1 || maxPackageBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the largest package is 1 byte to 2 GiB");
    }
  }

  /** Options with the default attempts, backoff and limit of a package's size. */
  public PullOptions(int attempts, Duration initialBackoff, Duration requestTimeout) {
    this(attempts, initialBackoff, requestTimeout, DEFAULT_MAX_PACKAGE_BYTES);
  }

  public static PullOptions defaults() {
    return new PullOptions(DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_TIMEOUT);
  }

  public PullOptions withAttempts(int other) {
    return new PullOptions(other, initialBackoff, requestTimeout, maxPackageBytes);
  }

  public PullOptions withBackoff(Duration other) {
    return new PullOptions(attempts, other, requestTimeout, maxPackageBytes);
  }

  public PullOptions withRequestTimeout(Duration other) {
    return new PullOptions(attempts, initialBackoff, other, maxPackageBytes);
  }

  public PullOptions withMaxPackageBytes(long other) {
    return new PullOptions(attempts, initialBackoff, requestTimeout, other);
  }
}
