package org.puente.cli;

import org.puente.error.ErrorCode;

/** The one mapping from error codes to process exit codes. */
final class ExitCodes {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private ExitCodes() {}

  static int of(ErrorCode code) {
    return switch (code) {
      case USAGE -> USAGE;
      case BAD_INPUT,
          NOT_FOUND,
          CONFLICT,
          UNAUTHENTICATED,
          FORBIDDEN,
          TOO_LARGE,
          UNAVAILABLE,
          INTERNAL ->
          FAILURE;
    };
  }
}
