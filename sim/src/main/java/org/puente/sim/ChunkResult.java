package org.puente.sim;

import java.util.List;
import org.puente.sim.output.ChunkFile;

/**
 * Everything one chunk of households produced apart from the aggregate counts (which each worker
 * thread keeps in its own tables): rows per export file (shuffled within the chunk) and truth text,
 * already encoded as UTF-8.
 */
record ChunkResult(
    List<ChunkFile> files,
    byte[] travellers,
    byte[] crossings,
    byte[] residenceChanges,
    long travellerCount) {}
