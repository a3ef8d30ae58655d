package org.puente.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static Duration asked(String... values) {
    return Puller.retryAfter(
        HttpHeaders.of(
            values.length == 0 ? Map.of() : Map.of("Retry-After", List.of(values)),
            (name, value) -> true),
        NOW);
  }

  @Test
  void secondsAndHttpDatesAreRead() {
    assertThat(asked("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(asked(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(asked("Sun, 29 Nov 2026 12:00:45 GMT")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void noneUnreadableOrPastAskForNoWait() {
    assertThat(asked()).isEqualTo(Duration.ZERO);
    assertThat(asked("soon")).isEqualTo(Duration.ZERO);
    assertThat(asked("-5")).isEqualTo(Duration.ZERO);
    assertThat(asked("Sun, 29 Nov 2026 11:59:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @Test
  void aLongWaitIsCapped() {
    assertThat(asked("86400")).isEqualTo(Puller.MAX_RETRY_AFTER);
  }
}
