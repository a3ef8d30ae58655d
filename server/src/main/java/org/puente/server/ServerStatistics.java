package org.puente.server;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.schema.RegionalSchema;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.CubeStore;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.Tables;

/**
 * The tables of the node's latest committed run, for every request of the server. Protected tables
 * are cached per run (the same request gives the same table until a new run is committed, which is
 * what makes the dashboard's repeated queries cheap); unprotected ones are never cached, so each is
 * computed, and audited, on its own.
 */
public final class ServerStatistics {

  private static final int CACHE_LIMIT = 2_000;
  private static final long RUN_CHECK_NANOS = 5_000_000_000L;

  private final NodeParts node;
  private final RollUp rollUp = new RollUp(CodeLists.standard());
  private final CubeCatalogue catalogue = CubeCatalogue.standard();
  private final Map<String, CompletableFuture<PublishedTable>> cache = new ConcurrentHashMap<>();
  private volatile Current current;
  private volatile long checkedAt;

  private record Current(DerivationRun run, Tables tables) {}

  public ServerStatistics(NodeParts node) {
    this.node = requireNonNull(node, "node is null");
  }

  public RollUp rollUp() {
    return rollUp;
  }

  public CubeCatalogue catalogue() {
    return catalogue;
  }

  /** The latest committed run, building its cubes if needed (once, at start or first use). */
  public Optional<DerivationRun> run() {
    return Optional.ofNullable(current()).map(Current::run);
  }

  /**
   * The table of {@code request} under {@code rules}; NOT_FOUND before the first run. Protected
   * tables come from the cache when the same request was answered for the same run.
   */
  public PublishedTable table(TableRequest request, String ageLevel, ProtectionRules rules) {
    Current now = current();
    if (now == null) {
      throw new PuenteException(
          ErrorCode.NOT_FOUND, "no derivation run yet: tables count a run's records");
    }
    if (rules.method() == ProtectionRules.Method.NONE) {
      return now.tables().table(request, ageLevel, rules);
    }
    String key = now.run().id() + "|" + key(request) + "|" + ageLevel + "|" + rules;
    if (cache.size() > CACHE_LIMIT) {
      cache.clear();
    }
    CompletableFuture<PublishedTable> mine = new CompletableFuture<>();
    CompletableFuture<PublishedTable> known = cache.putIfAbsent(key, mine);
    if (known != null) {
      try {
        return known.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      PublishedTable table = now.tables().table(request, ageLevel, rules);
      mine.complete(table);
      return table;
    } catch (RuntimeException e) {
      cache.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private Current current() {
    long now = System.nanoTime();
    Current known = current;
    if (known != null && now - checkedAt < RUN_CHECK_NANOS) {
      return known;
    }
    synchronized (this) {
      checkedAt = now;
      Optional<DerivationRun> latest = node.catalog().runs().latestCommitted();
      if (latest.isEmpty()) {
        return current;
      }
      if (current == null || current.run().id() != latest.get().id()) {
        CubeStore.Opened opened =
            CubeStore.open(
                node.home(),
                new LakeReader(node.home(), node.catalog()),
                RegionalSchema.standard(),
                latest.get(),
                CubeStore.cellKeySecret(node.keys()));
        current =
            new Current(
                latest.get(), new Tables(opened.store(), catalogue, rollUp, Clock.systemUTC()));
        cache.clear();
      }
      return current;
    }
  }

  private static String key(TableRequest request) {
    StringBuilder key = new StringBuilder(request.cube()).append('|').append(request.by());
    request.where().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> key.append('|').append(e.getKey()).append('=').append(e.getValue()));
    return key.append('|')
        .append(request.period().orElse(""))
        .append('|')
        .append(request.periodLevel())
        .toString();
  }

  /** Parses {@code where} values of the API: {@code dim:CODE,CODE} each. */
  public static Map<String, List<String>> parseWhere(List<String> filters) {
    Map<String, List<String>> where = new java.util.LinkedHashMap<>();
    for (String filter : filters) {
      int colon = filter.indexOf(':');
      if (colon <= 0 || colon == filter.length() - 1) {
        throw new PuenteException(ErrorCode.USAGE, "where is DIM:CODE[,CODE]");
      }
      where.put(
          filter.substring(0, colon).trim(),
          java.util.Arrays.stream(filter.substring(colon + 1).split(","))
              .map(String::trim)
              .toList());
    }
    return where;
  }
}
