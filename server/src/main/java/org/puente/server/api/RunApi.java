package org.puente.server.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationOptions;
import org.puente.derive.DerivationResult;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.DerivationRun;
import org.puente.server.ServerContext;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;

/**
 * Derivation runs from the server: the server holds the lake's writer lock, so {@code puente run}
 * cannot run beside it; an administrator starts a run here instead (incremental linking, as of the
 * last event date, as {@code puente run} does by default). One run at a time, in the background,
 * never beside an upload; the tables switch to it once it is committed.
 */
public final class RunApi {

  private RunApi() {}

  public static void register(ServerContext server) {
    AtomicReference<Thread> running = new AtomicReference<>();
    Api api = server.api();
    api.get(
        "/api/runs",
        "Derivation runs (linkage and the 12/16-month rule), newest last, and whether one is"
            + " running",
        "administrator",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR);
          List<Map<String, Object>> runs = new ArrayList<>();
          for (DerivationRun run : server.node().catalog().runs().list()) {
            runs.add(json(run));
          }
          Map<String, Object> result = new LinkedHashMap<>();
          Thread thread = running.get();
          result.put("running", thread != null && thread.isAlive());
          result.put("runs", runs);
          ctx.json(result);
        });
    api.post(
        "/api/runs",
        "Start a derivation run over everything committed (202; GET /api/runs follows it)",
        "administrator",
        null,
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR);
          Thread thread =
              new Thread(() -> derive(server, principal.name()), "puente-derivation-run");
          thread.setDaemon(true);
          Thread current = running.get();
          if ((current != null && current.isAlive()) || !running.compareAndSet(current, thread)) {
            throw new PuenteException(ErrorCode.CONFLICT, "a derivation run is already running");
          }
          server.audit().record(principal, ctx, "RUN_STARTED", "derivation run", "ok");
          thread.start();
          ctx.status(202).json(Map.of("started", true));
        });
  }

  private static void derive(ServerContext server, String actor) {
    server.writer().lock();
    try {
      Derivation derivation = new Derivation(server.node().lake());
      LocalDate asOf =
          derivation
              .lastEventDate()
              .orElseThrow(
                  () -> new PuenteException(ErrorCode.NOT_FOUND, "no committed records yet"));
      DerivationResult result = derivation.run(DerivationOptions.defaults(asOf));
      server
          .node()
          .catalog()
          .audit()
          .append(
              actor,
              "server",
              "RUN_FINISHED",
              "derivation run " + result.run().id(),
              result.run().status().name().toLowerCase());
      server.statistics().run();
    } catch (RuntimeException e) {
      server
          .node()
          .catalog()
          .audit()
          .append(actor, "server", "RUN_FINISHED", "derivation run", "failed: " + e.getMessage());
    } finally {
      server.writer().unlock();
    }
  }

  static Map<String, Object> json(DerivationRun run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", run.id());
    json.put("status", run.status().name());
    json.put("asOf", run.asOf().toString());
    json.put("startedAt", run.startedAt().toString());
    json.put("finishedAt", run.finishedAt().map(Object::toString).orElse(null));
    json.put(
        "recordsLinked", run.recordsLinked().isPresent() ? run.recordsLinked().getAsLong() : null);
    json.put("travellers", run.travellers().isPresent() ? run.travellers().getAsLong() : null);
    json.put("failure", run.failure().orElse(null));
    return json;
  }
}
