package org.puente.sdc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Primary and secondary suppression with the attacker audit in the loop.
 *
 * <p>First each primary cell, in index order, gets the cheapest certificate found ({@link
 * CertificateSearch}) and its cells are suppressed: a certificate proves the cell without a linear
 * program, and more suppression never breaks it. The cells left without one go to the loop below,
 * which must finish within a time budget ({@link ProtectionTooCostlyException} otherwise).
 *
 * <p>Secondary cells are added in two ways until the audit passes: the singleton rule (no relation
 * may hold exactly one suppressed cell, or the relation gives it away) and, for each primary cell
 * the audit finds exposed, a partner in one of its relations with enough value to give the missing
 * room. Suppressions only grow, so the loop ends; when no published non-zero cell is left to add,
 * the table cannot be protected and protection fails.
 *
 * <p>The partner is the cheapest published non-zero cell among those with at least the needed room
 * (when none has that much, the largest): least value divided by one plus the other single-cell
 * relations it closes; then a non-margin cell; then the lowest index, for determinism. Zeros are
 * never chosen: they are published by convention.
 */
final class CellSuppression {

  /** How long the audit-driven loop may run for the primary cells without a certificate. */
  static final Duration FALLBACK_BUDGET = Duration.ofSeconds(60);

  private final CountTable table;
  private final Duration budget;
  private final boolean useCertificates;
  private final Map<Integer, Certificate> certificates = new TreeMap<>();
  private final ProtectionRules rules;
  private final Relations relations;
  private final CellStatus[] statuses;
  private final boolean[] suppressed;
  private final int[] suppressedPerRelation;
  private final long[] requiredLow;
  private final long[] requiredHigh;
  private final ArrayDeque<Integer> singletonQueue = new ArrayDeque<>();

  CellSuppression(CountTable table, ProtectionRules rules) {
    this(table, rules, FALLBACK_BUDGET);
  }

  CellSuppression(CountTable table, ProtectionRules rules, Duration budget) {
    this(table, rules, budget, true);
  }

  /**
   * @param useCertificates false to leave every primary cell to the loop (to test the loop and its
   *     budget, which certificates rarely leave anything to)
   */
  CellSuppression(
      CountTable table, ProtectionRules rules, Duration budget, boolean useCertificates) {
    this.table = table;
    this.budget = budget;
    this.useCertificates = useCertificates;
    this.rules = rules;
    this.relations = Relations.of(table);
    int cells = table.cellCount();
    this.statuses = new CellStatus[cells];
    this.suppressed = new boolean[cells];
    this.suppressedPerRelation = new int[relations.count()];
    this.requiredLow = new long[cells];
    this.requiredHigh = new long[cells];
  }

  ProtectedTable protect(boolean exactAudit) {
    List<Integer> primaries = new ArrayList<>();
    for (int cell = 0; cell < table.cellCount(); cell++) {
      statuses[cell] = primaryStatus(cell);
      if (statuses[cell] != CellStatus.PUBLISHED) {
        primaries.add(cell);
        long value = table.value(cell);
        long margin =
            statuses[cell] == CellStatus.PRIMARY_FREQUENCY
                ? rules.minFrequency()
                : (long) Math.ceil(rules.protectionShare() * value);
        requiredLow[cell] = Math.max(0, value - margin);
        requiredHigh[cell] = value + margin;
        suppress(cell);
      }
    }
    int[] primaryCells = primaries.stream().mapToInt(Integer::intValue).toArray();
    AuditReport report = AuditReport.empty();
    if (primaryCells.length > 0) {
      AuditedCell[] earlier = new AuditedCell[table.cellCount()];
      if (useCertificates) {
        certify(primaryCells, earlier);
      }
      boolean exact = exactAudit;
      long loopStart = System.nanoTime();
      while (true) {
        applySingletonRule();
        Attacker attacker =
            new Attacker(table, relations, suppressed, requiredLow, requiredHigh, exact);
        report = attacker.audit(primaryCells, earlier, report.linearPrograms());
        for (AuditedCell audited : report.cells()) {
          earlier[audited.cell()] = audited;
        }
        if (report.passed()) {
          break;
        }
        if (System.nanoTime() - loopStart > budget.toNanos()) {
          throw tooCostly(report, primaryCells.length);
        }
        if (addPartnersForFailures(report)) {
          continue;
        }
        if (!exact) {
          // Nothing left to add: before giving up, solve the unproven cells over their whole
          // components (the cells proven already stay proven).
          exact = true;
          continue;
        }
        AuditedCell failing =
            report.cells().stream().filter(cell -> !cell.protectedEnough()).findFirst().get();
        throw new AuditFailedException(
            "cell "
                + table.codes(failing.cell())
                + " (value "
                + failing.value()
                + ") can be narrowed to "
                + failing.attackerLow()
                + ".."
                + failing.attackerHigh()
                + ", protection requires "
                + failing.requiredLow()
                + ".."
                + failing.requiredHigh()
                + ", and no published non-zero cell is left to suppress",
            report);
      }
      report = withCertifiedIntervals(report, exactAudit);
    }
    long[] published = new long[table.cellCount()];
    for (int cell = 0; cell < table.cellCount(); cell++) {
      if (suppressed[cell] && statuses[cell] == CellStatus.PUBLISHED) {
        statuses[cell] = CellStatus.SECONDARY;
      }
      published[cell] = suppressed[cell] ? -1 : table.value(cell);
    }
    return new ProtectedTable(table, rules, statuses, published, report);
  }

  /** The certificates found, by primary cell (after {@link #protect}). */
  Map<Integer, Certificate> certificates() {
    return Collections.unmodifiableMap(certificates);
  }

  /**
   * Certifies the primary cells one by one, each given the cells suppressed so far; a certified
   * cell's interval goes into {@code earlier}, so the audit never solves it.
   */
  private void certify(int[] primaryCells, AuditedCell[] earlier) {
    CertificateSearch search = new CertificateSearch(table);
    for (int cell : primaryCells) {
      long value = table.value(cell);
      Optional<Certificate> found =
          search.cheapest(cell, requiredHigh[cell] - value, value - requiredLow[cell], suppressed);
      if (found.isEmpty()) {
        continue;
      }
      Certificate certificate = found.get();
      for (int member : certificate.cells()) {
        if (!suppressed[member]) {
          suppress(member);
        }
      }
      certificates.put(cell, certificate);
      earlier[cell] = certificate.audited(table, requiredLow[cell], requiredHigh[cell]);
    }
  }

  /**
   * Checks every certificate again against the final suppression (a failure is a bug: suppression
   * only grows), and replaces the certified intervals by exact ones where the cell's component is
   * small enough to solve whole (every component in an exact audit).
   */
  private AuditReport withCertifiedIntervals(AuditReport report, boolean exactAudit) {
    for (Certificate certificate : certificates.values()) {
      if (!certificate.verify(table, relations, suppressed)) {
        throw new IllegalStateException(
            "certificate of cell " + table.codes(certificate.primary()) + " no longer holds");
      }
    }
    int[] componentOf = Components.of(table, relations, suppressed);
    int[] componentSize = new int[table.cellCount()];
    for (int cell = 0; cell < table.cellCount(); cell++) {
      if (componentOf[cell] >= 0) {
        componentSize[componentOf[cell]]++;
      }
    }
    List<Integer> small = new ArrayList<>();
    for (int cell : certificates.keySet()) {
      if (exactAudit || componentSize[componentOf[cell]] <= Attacker.EXACT_COMPONENT) {
        small.add(cell);
      }
    }
    long programs = report.linearPrograms();
    Duration elapsed = report.elapsed();
    Map<Integer, AuditedCell> exact = new TreeMap<>();
    if (!small.isEmpty()) {
      Attacker attacker =
          new Attacker(table, relations, suppressed, requiredLow, requiredHigh, exactAudit);
      AuditReport exactReport =
          attacker.audit(small.stream().mapToInt(Integer::intValue).toArray(), null, programs);
      programs = exactReport.linearPrograms();
      elapsed = elapsed.plus(exactReport.elapsed());
      for (AuditedCell audited : exactReport.cells()) {
        exact.put(audited.cell(), audited);
      }
    }
    List<AuditedCell> cells = new ArrayList<>();
    for (AuditedCell audited : report.cells()) {
      cells.add(exact.getOrDefault(audited.cell(), audited));
    }
    return new AuditReport(cells, report.components(), programs, elapsed, certificates.size());
  }

  private ProtectionTooCostlyException tooCostly(AuditReport report, int primaryCount) {
    int unproven = (int) report.cells().stream().filter(cell -> !cell.protectedEnough()).count();
    return new ProtectionTooCostlyException(
        unproven
            + " of "
            + primaryCount
            + " primary cells remain unproven after "
            + budget.toSeconds()
            + " s of auditing ("
            + certificates.size()
            + " proven by certificates); nothing is published: ask for fewer dimensions, a"
            + " coarser level, or --protect ckm/round5",
        unproven);
  }

  private CellStatus primaryStatus(int cell) {
    long value = table.value(cell);
    if (value == 0) {
      return CellStatus.PUBLISHED;
    }
    if (value < rules.minFrequency()) {
      return CellStatus.PRIMARY_FREQUENCY;
    }
    long top1 = table.top1(cell);
    long top2 = table.top2(cell);
    if (top1 >= 0 && top2 >= 0) {
      long largest = rules.dominanceN() == 1 ? top1 : top1 + top2;
      if (largest > rules.dominanceK() * value) {
        return CellStatus.PRIMARY_DOMINANCE;
      }
    }
    return CellStatus.PUBLISHED;
  }

  private void suppress(int cell) {
    suppressed[cell] = true;
    for (int position = 0; position < relations.relationCount(cell); position++) {
      int relation = relations.relation(cell, position);
      if (++suppressedPerRelation[relation] == 1) {
        singletonQueue.add(relation);
      }
    }
  }

  /** Until no relation holds exactly one suppressed cell. */
  private void applySingletonRule() {
    while (!singletonQueue.isEmpty()) {
      int relation = singletonQueue.poll();
      if (suppressedPerRelation[relation] != 1) {
        continue;
      }
      int lonely = -1;
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        if (suppressed[cell]) {
          lonely = cell;
        }
      }
      int partner = cheapest(List.of(relation), room(lonely));
      if (partner >= 0) {
        suppress(partner);
      }
    }
  }

  /** The room a cell needs from a partner: its protection margin, 1 for a secondary cell. */
  private long room(int cell) {
    if (statuses[cell] == CellStatus.PUBLISHED) {
      return 1;
    }
    return Math.max(requiredHigh[cell] - table.value(cell), table.value(cell) - requiredLow[cell]);
  }

  /** One partner per exposed cell; false when no exposed cell has any candidate left. */
  private boolean addPartnersForFailures(AuditReport report) {
    boolean added = false;
    for (AuditedCell audited : report.cells()) {
      if (audited.protectedEnough()) {
        continue;
      }
      long missing =
          Math.max(
              audited.requiredHigh() - audited.attackerHigh(),
              audited.attackerLow() - audited.requiredLow());
      int partner = partnerInBox(audited.cell(), Math.max(1, missing));
      if (partner < 0) {
        partner = partnerNear(audited.cell(), Math.max(1, missing));
      }
      if (partner >= 0) {
        suppress(partner);
        added = true;
      }
    }
    return added;
  }

  /**
   * The cheapest candidate in the cell's relations that lies in its box (where the audit of a large
   * component looks for room), or -1.
   */
  private int partnerInBox(int cell, long room) {
    List<Integer> candidates = new ArrayList<>();
    for (int position = 0; position < relations.relationCount(cell); position++) {
      int relation = relations.relation(cell, position);
      for (int entry = 0; entry < relations.size(relation); entry++) {
        int other = relations.cell(relation, entry);
        if (!suppressed[other] && table.value(other) > 0 && Attacker.inBox(table, cell, other)) {
          candidates.add(other);
        }
      }
    }
    return cheapestOf(candidates, room, Set.of());
  }

  /**
   * The cheapest candidate in the relations of the cell; when they hold none, in the relations of
   * the suppressed cells it is linked to, widening one step at a time.
   */
  private int partnerNear(int cell, long room) {
    boolean[] visited = new boolean[table.cellCount()];
    List<Integer> layer = List.of(cell);
    visited[cell] = true;
    while (!layer.isEmpty()) {
      List<Integer> layerRelations = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      for (int member : layer) {
        for (int position = 0; position < relations.relationCount(member); position++) {
          int relation = relations.relation(member, position);
          layerRelations.add(relation);
          for (int entry = 0; entry < relations.size(relation); entry++) {
            int other = relations.cell(relation, entry);
            if (suppressed[other] && !visited[other]) {
              visited[other] = true;
              next.add(other);
            }
          }
        }
      }
      int partner = cheapest(layerRelations, room);
      if (partner >= 0) {
        return partner;
      }
      layer = next;
    }
    return -1;
  }

  private int cheapest(List<Integer> candidateRelations, long room) {
    List<Integer> candidates = new ArrayList<>();
    for (int relation : candidateRelations) {
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        if (!suppressed[cell] && table.value(cell) > 0) {
          candidates.add(cell);
        }
      }
    }
    return cheapestOf(candidates, room, new HashSet<>(candidateRelations));
  }

  private int cheapestOf(List<Integer> candidates, long room, Set<Integer> excluded) {
    int best = -1;
    int bestCloses = 0;
    int largest = -1;
    for (int cell : candidates) {
      long value = table.value(cell);
      if (value >= room) {
        int closes = singletonsClosed(cell, excluded);
        if (best < 0 || cheaper(cell, closes, best, bestCloses)) {
          best = cell;
          bestCloses = closes;
        }
      }
      if (largest < 0 || value > table.value(largest)) {
        largest = cell;
      }
    }
    return best >= 0 ? best : largest;
  }

  /** How many other relations with one suppressed cell this cell would close. */
  private int singletonsClosed(int cell, Set<Integer> excluded) {
    int closes = 0;
    for (int position = 0; position < relations.relationCount(cell); position++) {
      int relation = relations.relation(cell, position);
      if (suppressedPerRelation[relation] == 1 && !excluded.contains(relation)) {
        closes++;
      }
    }
    return closes;
  }

  /**
   * Cost: the value divided by one plus the singleton relations the cell closes besides (a cell
   * that closes two relations does the work of two partners); then a non-margin cell; then the
   * lower index.
   */
  private boolean cheaper(int cell, int closes, int other, int otherCloses) {
    long cost = table.value(cell) * (1L + otherCloses);
    long otherCost = table.value(other) * (1L + closes);
    if (cost != otherCost) {
      return cost < otherCost;
    }
    boolean margin = table.isMargin(cell);
    if (margin != table.isMargin(other)) {
      return !margin;
    }
    return cell < other;
  }
}
