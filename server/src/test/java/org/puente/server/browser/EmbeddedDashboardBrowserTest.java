package org.puente.server.browser;

import org.puente.server.TestNode;

/** The browser tests against the embedded catalog. */
class EmbeddedDashboardBrowserTest extends DashboardBrowserTestBase {
  @Override
  TestNode node() {
    return TestNode.embedded();
  }

  @Override
  String name() {
    return "embedded";
  }
}
