package org.puente.server;

/** The security suite against a PostgreSQL catalog. */
class PostgresSecurityTest extends SecurityTestBase {
  @Override
  TestNode node() {
    return TestNode.postgres();
  }
}
