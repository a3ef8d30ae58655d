package org.puente.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The one mapping from error codes to HTTP statuses, and the one shape of an error: API paths get
 * {@code {"error": {"code", "status", "message"}}}, pages get a short page (or, without a session,
 * the sign-in page). Messages are the exceptions' own, which by the project's rule never hold a
 * value from a record; an unexpected exception shows only a reference to the server's log.
 */
public final class HttpErrors {

  private HttpErrors() {}

  /** The HTTP status of an error code. */
  public static int status(ErrorCode code) {
    return switch (code) {
      case USAGE, BAD_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  /** The error code of a status Javalin or Jetty answered by itself (unknown route, too large). */
  static ErrorCode codeOf(int status) {
    return switch (status) {
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404, 405 -> ErrorCode.NOT_FOUND;
      case 409 -> ErrorCode.CONFLICT;
      case 413 -> ErrorCode.TOO_LARGE;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.USAGE;
    };
  }

  static void register(RoutesConfig routes) {
    routes.exception(
        PuenteException.class,
        (e, ctx) -> respond(ctx, e.code(), status(e.code()), e.getMessage()));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> respond(ctx, codeOf(e.getStatus()), e.getStatus(), e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          String reference = UUID.randomUUID().toString().substring(0, 8);
          System.err.println("puente serve: internal error " + reference + " on " + ctx.path());
          e.printStackTrace();
          respond(
              ctx,
              ErrorCode.INTERNAL,
              500,
              "internal error (reference " + reference + " in the server's log)");
        });
    routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            respond(ctx, ErrorCode.NOT_FOUND, 404, "no such page or endpoint: " + ctx.path());
          }
        });
  }

  static void respond(Context ctx, ErrorCode code, int status, String message) {
    if (isApi(ctx)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code.name());
      error.put("status", status);
      error.put("message", message);
      ctx.status(status).json(Map.of("error", error));
      return;
    }
    if (code == ErrorCode.UNAUTHENTICATED) {
      String next = ctx.path();
      ctx.redirect(
          "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Puente</title>"
                + "<link rel=\"stylesheet\" href=\"/puente.css\"></head><body>"
                + "<main class=\"error\"><h1>"
                + status
                + "</h1><p>"
                + escape(message)
                + "</p><p><a href=\"/\">Puente</a></p></main></body></html>");
  }

  static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/")
        || ctx.path().equals("/api")
        || ctx.path().startsWith("/sdmx/");
  }

  /** HTML-escapes text for the error page. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
