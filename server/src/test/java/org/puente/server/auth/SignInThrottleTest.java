package org.puente.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  /** A clock the test moves. */
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aNameIsLockedAfterFiveFailuresForADoublingTime() {
    Manual clock = new Manual();
    SignInThrottle throttle = new SignInThrottle(clock);
    for (int i = 0; i < SignInThrottle.FREE_PER_NAME; i++) {
      assertThat(throttle.allowed("Maria", "10.0.0." + i)).isTrue();
      throttle.failed("Maria", "10.0.0." + i);
    }
    assertThat(throttle.allowed("maria", "10.0.0.99")).isTrue(); // five failures are free
    throttle.failed("maria", "10.0.0.99"); // the sixth locks for 1 s
    assertThat(throttle.allowed("MARIA", "10.0.0.98")).isFalse();
    assertThat(throttle.allowed("jose", "10.0.0.98")).isTrue();
    clock.now = clock.now.plusSeconds(1);
    assertThat(throttle.allowed("maria", "10.0.0.98")).isTrue();
    throttle.failed("maria", "10.0.0.98"); // the seventh locks for 2 s
    clock.now = clock.now.plusSeconds(1);
    assertThat(throttle.allowed("maria", "10.0.0.98")).isFalse();
    clock.now = clock.now.plusSeconds(1);
    assertThat(throttle.allowed("maria", "10.0.0.98")).isTrue();
    for (int i = 0; i < 40; i++) {
      throttle.failed("maria", "10.0.0.97");
    }
    clock.now = clock.now.plus(Duration.ofMinutes(14));
    assertThat(throttle.allowed("maria", "10.0.0.96")).isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(throttle.allowed("maria", "10.0.0.96")).isTrue(); // never more than 15 minutes
    throttle.succeeded("maria");
    throttle.failed("maria", "10.0.0.96");
    assertThat(throttle.allowed("maria", "10.0.0.96")).isTrue();
  }

  @Test
  void anAddressGuessingManyNamesIsLockedToo() {
    Manual clock = new Manual();
    SignInThrottle throttle = new SignInThrottle(clock);
    for (int i = 0; i <= SignInThrottle.FREE_PER_ADDRESS; i++) {
      throttle.failed("user" + i, "192.0.2.7");
    }
    assertThat(throttle.allowed("someone-else", "192.0.2.7")).isFalse();
    assertThat(throttle.allowed("someone-else", "192.0.2.8")).isTrue();
  }
}
