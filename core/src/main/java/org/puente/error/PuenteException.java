package org.puente.error;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked root of Puente's errors. Its message is written for the user: one line, no
 * personal identifiers, naming the file, line and field when input is at fault.
 */
public class PuenteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public PuenteException(ErrorCode code, String message) {
    super(requireNonNull(message, "message is null"));
    this.code = requireNonNull(code, "code is null");
  }

  public PuenteException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.code = requireNonNull(code, "code is null");
  }

  public ErrorCode code() {
    return code;
  }
}
