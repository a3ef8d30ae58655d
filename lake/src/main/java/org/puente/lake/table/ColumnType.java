package org.puente.lake.table;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The column types a lake table may have, with the Java type a row value must have. */
public enum ColumnType {
  VARCHAR(String.class),
  INTEGER(Integer.class),
  BIGINT(Long.class),
  DATE(LocalDate.class),
  /** A local date-time without zone: event times are recorded in the reporting country's time. */
  TIMESTAMP(LocalDateTime.class),
  BOOLEAN(Boolean.class);

  private final Class<?> javaType;

  ColumnType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The class a non-null value of this type must be an instance of. */
  public Class<?> javaType() {
    return javaType;
  }

  /** The type's name in DuckDB SQL (it is the same word). */
  public String sql() {
    return name();
  }
}
