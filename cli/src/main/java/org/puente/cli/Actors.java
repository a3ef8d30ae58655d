package org.puente.cli;

/** Who the command line acts as, for the audit log: the operating-system account. */
final class Actors {

  static final String CLI_ORIGIN = "cli";

  private Actors() {}

  static String cliUser() {
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "unknown" : user;
  }
}
