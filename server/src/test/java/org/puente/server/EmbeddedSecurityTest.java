package org.puente.server;

/** The security suite against the embedded (H2) catalog. */
class EmbeddedSecurityTest extends SecurityTestBase {
  @Override
  TestNode node() {
    return TestNode.embedded();
  }
}
