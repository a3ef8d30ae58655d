package org.puente.server.browser;

import org.puente.server.TestNode;

/** The browser tests against a PostgreSQL catalog. */
class PostgresDashboardBrowserTest extends DashboardBrowserTestBase {
  @Override
  TestNode node() {
    return TestNode.postgres();
  }

  @Override
  String name() {
    return "postgres";
  }
}
