package org.puente.lake;

/**
 * What opening the lake cleaned up after an earlier process that stopped mid-way.
 *
 * @param interruptedSubmissions submissions left RECEIVED, now recorded FAILED
 * @param stagingEntriesRemoved entries removed from the staging directory
 * @param orphanFilesRemoved lake files that no committed manifest lists, removed
 */
public record RecoveryReport(
    int interruptedSubmissions, int stagingEntriesRemoved, int orphanFilesRemoved) {

  public boolean cleanedAnything() {
    return interruptedSubmissions + stagingEntriesRemoved + orphanFilesRemoved > 0;
  }
}
