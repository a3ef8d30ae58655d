package org.puente.lake.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done in one catalog transaction. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
