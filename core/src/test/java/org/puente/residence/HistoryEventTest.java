package org.puente.residence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.puente.schema.EventKind;

class HistoryEventTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
  private static final long MIDNIGHT = DAY.toEpochDay() * 86_400L;

  private static HistoryEvent event(
      EventKind kind, long second, Direction direction, String citizenship, Integer authorised) {
    return new HistoryEvent(
        1, kind, DAY, second, direction, "SJO", "CRI", citizenship, null, authorised, null);
  }

  @Test
  void aWellFormedCrossingIsAccepted() {
    HistoryEvent e =
        event(EventKind.BORDER_CROSSING, MIDNIGHT + 86_399, Direction.ARRIVAL, "CRI", 90);
    assertThat(e.isCrossing()).isTrue();
    assertThat(e.isNational()).isTrue();
    assertThat(HistoryEvent.crossing(1, DAY, Direction.ARRIVAL, "SJO", "CRI", "CRI"))
        .isEqualTo(event(EventKind.BORDER_CROSSING, MIDNIGHT, Direction.ARRIVAL, "CRI", null));
  }

  @Test
  void badFieldsAreRejected() {
    assertThatThrownBy(
            () ->
                event(EventKind.BORDER_CROSSING, MIDNIGHT + 86_400, Direction.ARRIVAL, null, null))
        .hasMessageContaining("is not on 2024-03-01");
    assertThatThrownBy(() -> event(EventKind.BORDER_CROSSING, MIDNIGHT, null, null, null))
        .hasMessageContaining("direction");
    assertThatThrownBy(() -> event(EventKind.WORK_PERMIT, MIDNIGHT, Direction.ARRIVAL, null, null))
        .hasMessageContaining("direction");
    assertThatThrownBy(
            () -> event(EventKind.BORDER_CROSSING, MIDNIGHT, Direction.ARRIVAL, "cri", null))
        .hasMessageContaining("citizenship is not an alpha-3 code");
    assertThatThrownBy(
            () -> event(EventKind.BORDER_CROSSING, MIDNIGHT, Direction.ARRIVAL, null, -1))
        .hasMessageContaining("authorisedStayDays");
  }
}
