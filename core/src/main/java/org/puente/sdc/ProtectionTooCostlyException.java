package org.puente.sdc;

/**
 * Protection by suppression did not prove every primary cell within its time budget; nothing is
 * published. The message says how many primary cells remain unproven and what to ask for instead.
 */
public final class ProtectionTooCostlyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int unproven;

  public ProtectionTooCostlyException(String message, int unproven) {
    super(message);
    this.unproven = unproven;
  }

  /** The primary cells still unproven when the budget ran out. */
  public int unproven() {
    return unproven;
  }
}
