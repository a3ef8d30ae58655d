package org.puente.sdc;

/** The attacker audit found a suppressed cell that can be estimated too closely. */
public final class AuditFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient AuditReport report;

  public AuditFailedException(String message, AuditReport report) {
    super(message);
    this.report = report;
  }

  /** The failing audit. */
  public AuditReport report() {
    return report;
  }
}
