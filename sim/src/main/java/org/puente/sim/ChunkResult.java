package org.puente.sim;

import java.util.List;
import org.puente.sim.output.ChunkRow;
import org.puente.sim.truth.TruthTables;

/**
 * Everything one chunk of households produced: export rows per file (shuffled within the chunk),
 * truth text, and its share of the aggregate tables.
 */
record ChunkResult(
    List<List<ChunkRow>> rows,
    String travellers,
    String crossings,
    String residenceChanges,
    TruthTables tables,
    long travellerCount) {}
