package org.puente.server.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.puente.hub.PackageSignature;
import org.puente.lake.catalog.Source;
import org.puente.server.ServerContext;

/**
 * The node's side of the exchange with a regional hub: its identity (the public key a hub pins, the
 * countries it reports for), open to everyone, and the signature of every SDMX data answer
 * (docs/SERVER.md, "The regional hub").
 */
public final class ExchangeApi {

  private ExchangeApi() {}

  public static void register(ServerContext server, String version) {
    server
        .api()
        .get(
            "/api/exchange/identity",
            "The node's identity for hubs: its Ed25519 public key and fingerprint, the countries"
                + " it reports for, its latest run",
            "everyone",
            ctx -> {
              TreeSet<String> countries = new TreeSet<>();
              for (Source source : server.node().catalog().sources().list()) {
                countries.add(source.reportingCountry());
              }
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("publicKey", server.signing().publicKeyBase64());
              json.put("fingerprint", server.signing().fingerprint());
              json.put("countries", countries);
              json.put(
                  "run",
                  server.statistics().run().map(run -> Long.toString(run.id())).orElse(null));
              json.put("version", version);
              ctx.json(json);
            });
  }

  /**
   * Answers with {@code body}, signed: the headers {@code Puente-Signature}, {@code Puente-Key},
   * {@code Puente-Run} and {@code Puente-Created} over the request's path and query, the run the
   * tables come from, the time and the body's SHA-256.
   */
  public static void signed(ServerContext server, Context ctx, byte[] body) {
    sign(server, ctx, PackageSignature.sha256Hex(body));
    ctx.result(body);
  }

  /**
   * Sets the four signature headers of an answer whose body has the SHA-256 (hex) {@code
   * bodySha256}, before the body is sent: for a body streamed from a file, whose digest was taken
   * while it was written.
   */
  public static void sign(ServerContext server, Context ctx, String bodySha256) {
    String query = ctx.queryString();
    String request = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    String run = server.statistics().run().map(r -> Long.toString(r.id())).orElse("none");
    PackageSignature.Headers headers =
        PackageSignature.signDigest(
            request,
            run,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            bodySha256,
            server.signing());
    ctx.header(PackageSignature.SIGNATURE, headers.signature());
    ctx.header(PackageSignature.KEY, headers.key());
    ctx.header(PackageSignature.RUN, headers.run());
    ctx.header(PackageSignature.CREATED, headers.created());
  }
}
