package org.puente.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.security.SecureRandom;
import java.time.Clock;
import org.puente.hub.Puller;
import org.puente.node.keys.SigningKey;
import org.puente.server.api.AdminApi;
import org.puente.server.api.AgreementApi;
import org.puente.server.api.Api;
import org.puente.server.api.ExchangeApi;
import org.puente.server.api.HubApi;
import org.puente.server.api.MirrorApi;
import org.puente.server.api.RunApi;
import org.puente.server.api.SdmxApi;
import org.puente.server.api.SdmxDataApi;
import org.puente.server.api.SessionApi;
import org.puente.server.api.SubmissionApi;
import org.puente.server.api.TableApi;
import org.puente.server.api.UploadApi;
import org.puente.server.auth.Authenticator;
import org.puente.server.web.WebPages;

/**
 * The node server ({@code puente serve}): the REST API, sign-in, uploads and the dashboard on one
 * Javalin (Jetty) server. Every response carries a strict content security policy (scripts and
 * styles from this server only) and is never framed.
 */
public final class NodeServer implements AutoCloseable {

  /** Bodies other than uploads (which are streamed to disk) are read into memory up to this. */
  static final long MAX_REQUEST_BYTES = 1024 * 1024;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data: blob:; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  private final Javalin app;
  private final ServerContext context;
  private final PullSchedule schedule;

  private NodeServer(Javalin app, ServerContext context, PullSchedule schedule) {
    this.app = app;
    this.context = context;
    this.schedule = schedule;
  }

  /**
   * Starts serving {@code node}. The cubes of its latest run are built first if they are not yet,
   * so the first dashboard request does not wait for them.
   */
  public static NodeServer start(NodeParts node, ServerOptions options, String version) {
    requireNonNull(node, "node is null");
    requireNonNull(options, "options is null");
    SecureRandom random = new SecureRandom();
    ServerStatistics statistics = new ServerStatistics(node);
    statistics.run();
    SigningKey signing = SigningKey.openOrCreate(node.home(), random);
    Puller puller =
        new Puller(
            node.catalog(),
            node.keys(),
            statistics.catalogue(),
            Puller.client(options.pull()),
            options.pull(),
            Clock.systemUTC(),
            random);
    ServerContext[] context = new ServerContext[1];
    Javalin app =
        Javalin.create(
            config -> {
              config.jetty.host = options.host();
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
              config.startup.showJavalinBanner = false;
              if (options.accessLog()) {
                config.requestLogger.http(NodeServer::logAccess);
              }
              config.staticFiles.add("/org/puente/server/assets", Location.CLASSPATH);
              config.staticFiles.enableWebjars();
              Api api = new Api(config.routes);
              ServerContext server =
                  new ServerContext(
                      node,
                      new Authenticator(node.catalog(), random),
                      new AuditTrail(node.catalog()),
                      statistics,
                      new Specs(node.specs()),
                      api,
                      options,
                      new java.util.concurrent.locks.ReentrantLock(true),
                      signing,
                      puller);
              context[0] = server;
              config.routes.before(
                  ctx -> {
                    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("X-Frame-Options", "DENY");
                    ctx.header("Referrer-Policy", "no-referrer");
                    ctx.header("Cache-Control", "no-store");
                    server.auth().checkCsrf(ctx);
                  });
              HttpErrors.register(config.routes);
              SessionApi.register(server, config.routes);
              SubmissionApi.register(server);
              UploadApi.register(server);
              RunApi.register(server);
              SdmxApi.register(server);
              SdmxDataApi.register(server);
              ExchangeApi.register(server, version);
              HubApi.register(server);
              TableApi.register(server);
              AgreementApi.register(server);
              MirrorApi.register(server);
              AdminApi.register(server, version);
              WebPages.register(server, config.routes);
            });
    app.start(options.port());
    return new NodeServer(app, context[0], PullSchedule.start(context[0]));
  }

  public int port() {
    return app.port();
  }

  /** The address to open in a browser. */
  public String url() {
    String host = context.options().host();
    String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
    return "http://" + shown + ":" + port() + "/";
  }

  public ServerContext context() {
    return context;
  }

  @Override
  public void close() {
    schedule.close();
    app.stop();
  }

  /**
   * One access-log line on standard output: time, client address, method, path, status and
   * milliseconds. No query string (codes only, but long), header (tokens, cookies) or body.
   */
  private static void logAccess(io.javalin.http.Context ctx, Float milliseconds) {
    System.out.printf(
        "access %s %s %s %s %d %.0f ms%n",
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        ctx.ip(),
        ctx.method(),
        ctx.path(),
        ctx.statusCode(),
        milliseconds);
  }
}
