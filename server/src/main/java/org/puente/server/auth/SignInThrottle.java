package org.puente.server.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #FREE_PER_NAME} failed sign-ins in a row for one name, or
 * {@link #FREE_PER_ADDRESS} from one client address (higher: behind a proxy many users share one),
 * further attempts for it are refused without a password check for a lock that doubles with each
 * failure (1 s, 2 s, 4 s, … up to {@link #MAX_LOCK}). A successful sign-in clears the name's count.
 * Counts live in memory: a restart forgets them, which costs an attacker a restart of the server,
 * not a way around the hash.
 */
public final class SignInThrottle {

  static final int FREE_PER_NAME = 5;
  static final int FREE_PER_ADDRESS = 50;
  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 100_000;

  private record Failures(int count, Instant lockedUntil) {}

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public SignInThrottle(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Whether an attempt for {@code name} from {@code address} may be checked now. */
  public boolean allowed(String name, String address) {
    Instant now = clock.instant();
    return open(nameKey(name), now) && open(addressKey(address), now);
  }

  /** Counts a failed attempt against the name and the address. */
  public void failed(String name, String address) {
    if (failures.size() > MAX_TRACKED) {
      failures.clear(); // a flood of invented names must not exhaust memory
    }
    Instant now = clock.instant();
    failures.merge(nameKey(name), first(now), (old, one) -> next(old, now, FREE_PER_NAME));
    failures.merge(addressKey(address), first(now), (old, one) -> next(old, now, FREE_PER_ADDRESS));
  }

  /** Clears the name's count after a successful sign-in (the address keeps its own). */
  public void succeeded(String name) {
    failures.remove(nameKey(name));
  }

  private boolean open(String key, Instant now) {
    Failures known = failures.get(key);
    return known == null || !now.isBefore(known.lockedUntil());
  }

  private static Failures first(Instant now) {
    return new Failures(1, now);
  }

  private static Failures next(Failures old, Instant now, int free) {
    int count = old.count() + 1;
    if (count <= free) {
      return new Failures(count, now);
    }
    long seconds = 1L << Math.min(count - free - 1, 20);
    Duration lock = Duration.ofSeconds(Math.min(seconds, MAX_LOCK.toSeconds()));
    return new Failures(count, now.plus(lock));
  }

  private static String nameKey(String name) {
    return "name:" + (name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }
}
