package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.RollUp;
import org.puente.lake.catalog.DerivationRun;
import org.puente.sdc.AuditReport;
import org.puente.sdc.CellStatus;
import org.puente.sdc.CountTable;
import org.puente.sdc.ProtectedTable;
import org.puente.sdc.Protection;
import org.puente.sdc.ProtectionRules;

/**
 * Tables from the leaf cells of a {@link LeafCellSource} (the built cubes, or another engine over
 * the same run): query the leaf cells, assemble each slice with every level of its hierarchies,
 * protect it, and list what may be published with the rule set in the metadata. A slice that fails
 * the attacker audit throws {@code AuditFailedException}: nothing of the table is returned.
 */
public final class Tables {

  static {
    // ojAlgo (the audit's linear programs) prints a hardware notice to standard output on first
    // use unless told not to; standard output carries the tables.
    System.setProperty("shut.up.ojAlgo", "true");
  }

  private final LeafCellSource source;
  private final DerivationRun run;
  private final CubeCatalogue catalogue;
  private final RollUp rollUp;
  private final Clock clock;

  /** Tables from the DuckDB cube store of a run. */
  public Tables(CubeStore store, CubeCatalogue catalogue, RollUp rollUp, Clock clock) {
    this(
        new CubeQuery(requireNonNull(store, "store is null"), rollUp),
        store.run(),
        catalogue,
        rollUp,
        clock);
  }

  /**
   * Tables from any engine's leaf cells of a run.
   *
   * @param source the leaf cells of the run's cubes
   * @param run the run they count (its id and date go into each table's metadata)
   */
  public Tables(
      LeafCellSource source,
      DerivationRun run,
      CubeCatalogue catalogue,
      RollUp rollUp,
      Clock clock) {
    this.source = requireNonNull(source, "source is null");
    this.run = requireNonNull(run, "run is null");
    this.catalogue = requireNonNull(catalogue, "catalogue is null");
    this.rollUp = requireNonNull(rollUp, "rollUp is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The unprotected count tables of a request, one per slice (for tests and benchmarks). */
  public Map<String, CountTable> counts(TableRequest request, String ageLevel) {
    CubeDefinition cube = catalogue.require(request.cube());
    LeafCells cells = source.leafCells(cube, request);
    TableAssembler assembler = new TableAssembler(rollUp, request.periodLevel(), ageLevel);
    Map<String, CountTable> tables = new LinkedHashMap<>();
    cells
        .slices()
        .forEach((slice, list) -> tables.put(slice, assembler.assemble(cells, list).table()));
    return tables;
  }

  /**
   * The published rows of leaf cells, whoever computed them (the cube store, or another engine from
   * the same facts).
   *
   * @param rows the rows a table lists: every non-zero or suppressed cell of every slice
   * @param cells the cells of every slice's table, margins included
   * @param suppressed the cells suppressed
   * @param linearPrograms the attacker audit's linear programs
   */
  public record Protected(
      List<PublishedTable.Row> rows, int cells, int suppressed, long linearPrograms) {
    public Protected {
      rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }
  }

  /**
   * Each slice of {@code cells} assembled with every level of its hierarchies and protected by
   * {@code rules}: what {@link #table} publishes. A slice that fails the attacker audit throws.
   */
  public static Protected protect(
      LeafCells cells, TableAssembler assembler, ProtectionRules rules) {
    List<PublishedTable.Row> rows = new ArrayList<>();
    int suppressed = 0;
    long linearPrograms = 0;
    int cellCount = 0;
    for (Map.Entry<String, List<LeafCells.Cell>> slice : cells.slices().entrySet()) {
      TableAssembler.Assembled assembled = assembler.assemble(cells, slice.getValue());
      double[] keySums = assembled.keySums();
      ProtectedTable protectedTable =
          Protection.protect(assembled.table(), rules, cell -> keySums[cell] % 1.0);
      CountTable table = assembled.table();
      cellCount += table.cellCount();
      for (int cell = 0; cell < table.cellCount(); cell++) {
        CellStatus status = protectedTable.status(cell);
        if (table.value(cell) == 0 && !protectedTable.suppressed(cell)) {
          continue;
        }
        rows.add(
            new PublishedTable.Row(
                slice.getKey(), table.codes(cell), protectedTable.published(cell), status));
      }
      AuditReport audit = protectedTable.audit();
      suppressed += protectedTable.suppressedCount();
      linearPrograms += audit.linearPrograms();
      if (!audit.passed()) {
        throw new IllegalStateException("Protection returned a table that failed its audit");
      }
    }
    return new Protected(rows, cellCount, suppressed, linearPrograms);
  }

  /** The table of {@code request}, protected by {@code rules}. */
  public PublishedTable table(TableRequest request, String ageLevel, ProtectionRules rules) {
    long started = System.nanoTime();
    CubeDefinition cube = catalogue.require(request.cube());
    LeafCells cells = source.leafCells(cube, request);
    long queried = System.nanoTime();
    TableAssembler assembler = new TableAssembler(rollUp, request.periodLevel(), ageLevel);
    Protected protectedRows = protect(cells, assembler, rules);
    List<PublishedTable.Row> rows = protectedRows.rows();
    int suppressed = protectedRows.suppressed();
    long linearPrograms = protectedRows.linearPrograms();
    int cellCount = protectedRows.cells();
    long protectedAt = System.nanoTime();
    List<Dimension> dimensions = cells.dimensions();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("cube", cube.id());
    metadata.put("title", cube.label("en"));
    metadata.put("title_es", cube.label("es"));
    metadata.put("measure", cube.measure().name());
    metadata.put("by", String.join(",", request.by()));
    request.where().forEach((d, codes) -> metadata.put("where." + d, String.join(",", codes)));
    request.period().ifPresent(p -> metadata.put("period", p));
    metadata.put("period_level", request.periodLevel());
    metadata.put("age_level", ageLevel);
    metadata.put(
        "sliced_by_period",
        String.valueOf(
            cells.slices().size() > 1 || cube.periodMode() == org.puente.cube.PeriodMode.SLICE));
    metadata.put("run", String.valueOf(run.id()));
    metadata.put("as_of", run.asOf().toString());
    metadata.put("generated_at", clock.instant().toString());
    metadata.putAll(rules.metadata());
    metadata.put("cells", String.valueOf(cellCount));
    metadata.put("suppressed_cells", String.valueOf(suppressed));
    metadata.put("audit.linear_programs", String.valueOf(linearPrograms));
    metadata.put("audit.passed", "true");
    metadata.put("zero_cells", "not listed");
    metadata.put("query_ms", String.valueOf(Duration.ofNanos(queried - started).toMillis()));
    metadata.put(
        "protection_ms", String.valueOf(Duration.ofNanos(protectedAt - queried).toMillis()));
    return new PublishedTable(
        cube, dimensions, cube.periodMode() == org.puente.cube.PeriodMode.SLICE, rows, metadata);
  }
}
