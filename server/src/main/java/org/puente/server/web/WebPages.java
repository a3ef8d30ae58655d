package org.puente.server.web;

import io.javalin.config.RoutesConfig;
import org.puente.server.ServerContext;

/** The dashboard's pages (placeholder until the dashboard lands). */
public final class WebPages {

  private WebPages() {}

  public static void register(ServerContext server, RoutesConfig routes) {
    routes.get(
        "/",
        ctx -> {
          server.auth().require(ctx);
          ctx.html("<!doctype html><title>Puente</title><h1>Puente</h1>");
        });
  }
}
