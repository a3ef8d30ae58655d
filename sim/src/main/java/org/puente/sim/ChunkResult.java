package org.puente.sim;

import java.util.List;
import org.puente.sim.output.ChunkFile;
import org.puente.sim.output.EncodedRows;

/**
 * Everything one chunk of households produced apart from the aggregate counts (which each worker
 * thread keeps in its own tables): rows per export file (shuffled within the chunk) and truth text,
 * already encoded as UTF-8.
 */
record ChunkResult(
    List<ChunkFile> files,
    EncodedRows travellers,
    EncodedRows crossings,
    EncodedRows residenceChanges,
    long travellerCount) {}
