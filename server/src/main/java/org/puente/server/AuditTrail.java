package org.puente.server;

import io.javalin.http.Context;
import org.puente.lake.catalog.Catalog;
import org.puente.server.auth.Principal;

/**
 * Writes the server's accesses to the catalog's append-only audit log: who (the user name), from
 * where (the client address), what, which data, and how it ended.
 */
public final class AuditTrail {

  private final Catalog catalog;

  public AuditTrail(Catalog catalog) {
    this.catalog = catalog;
  }

  public void record(
      Principal principal, Context ctx, String action, String target, String outcome) {
    record(principal.name(), ctx, action, target, outcome);
  }

  public void record(String actor, Context ctx, String action, String target, String outcome) {
    catalog.audit().append(actor, "http " + ctx.ip(), action, target, outcome);
  }
}
