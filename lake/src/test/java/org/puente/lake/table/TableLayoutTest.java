package org.puente.lake.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableLayoutTest {

  @Test
  void describesItselfInAFormItReadsBack() {
    TableLayout layout = TableLayout.of("day", "day DATE", "token VARCHAR", "n BIGINT");
    assertThat(layout.describe()).isEqualTo("period=day;day DATE, token VARCHAR, n BIGINT");
    assertThat(TableLayout.parse(layout.describe())).isEqualTo(layout);
    assertThat(layout.indexOf("n")).isEqualTo(2);
  }

  @Test
  void refusesLayoutsThatCannotBeWrittenSafely() {
    assertThatThrownBy(() -> TableLayout.of("day", "day DATE", "Bad-Name VARCHAR"))
        .hasMessageContaining("lower-case identifier");
    assertThatThrownBy(() -> TableLayout.of("day", "day DATE", "day VARCHAR"))
        .hasMessage("column named twice: day");
    assertThatThrownBy(() -> TableLayout.of("when", "day DATE"))
        .hasMessage("period column is not a column: when");
    assertThatThrownBy(() -> TableLayout.of("n", "n INTEGER"))
        .hasMessage("period column must be DATE or TIMESTAMP: n is INTEGER");
    assertThatThrownBy(() -> TableLayout.of("day", "day DATE", "x DOUBLE"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Column("x\"; DROP TABLE t; --", ColumnType.VARCHAR))
        .hasMessageContaining("lower-case identifier");
  }
}
