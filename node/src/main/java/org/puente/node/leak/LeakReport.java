package org.puente.node.leak;

import java.util.List;

/** What a scan found, and how many files and bytes it looked at. */
public record LeakReport(List<Leak> leaks, int filesScanned, long bytesScanned) {

  public LeakReport {
    leaks = List.copyOf(leaks);
  }

  public boolean isClean() {
    return leaks.isEmpty();
  }

  /**
   * Throws an {@link AssertionError} listing the leaks (masked) unless the scan was clean and
   * actually looked at something: a scan of nothing proves nothing.
   */
  public LeakReport assertClean() {
    if (!leaks.isEmpty()) {
      StringBuilder message = new StringBuilder(leaks.size() + " clear identifier(s) found:");
      leaks.stream().limit(50).forEach(leak -> message.append("\n  ").append(leak));
      throw new AssertionError(message.toString());
    }
    if (filesScanned == 0 && bytesScanned == 0) {
      throw new AssertionError("the leak scan looked at nothing");
    }
    return this;
  }
}
