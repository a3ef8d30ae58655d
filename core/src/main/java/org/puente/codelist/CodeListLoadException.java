package org.puente.codelist;

/** A code-list resource bundled with Puente is missing or malformed: a broken build, not input. */
public final class CodeListLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CodeListLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  public CodeListLoadException(String message) {
    super(message);
  }
}
