package org.puente.server.api;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementSide;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.AgreementResult;
import org.puente.lake.catalog.AgreementResults;
import org.puente.lake.catalog.Source;
import org.puente.node.SecureFiles;
import org.puente.node.keys.KeyStore;
import org.puente.privacy.NodeKey;
import org.puente.server.ServerContext;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;
import org.puente.server.exchange.AgreementTokenExport;

/**
 * Exchange under agreements (docs/EXCHANGE.md): a node answers its side of an agreement as
 * per-agreement tokens to the hub's regional analyst; a hub answers the protected counts of its
 * linkage of an agreement.
 */
public final class AgreementApi {

  static final String CSV = "text/csv; charset=utf-8";

  private AgreementApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    api.getAs(
        "/api/exchange/agreements/{id}/tokens",
        "This node's side of an agreement as CSV: per record its event day and the per-agreement"
            + " tokens of the agreed fields, nothing else (audited as an EXPORT)",
        "regional-analyst, while the agreement is valid, on a node reporting for a party",
        List.of(CSV),
        ctx -> tokens(server, ctx),
        Api.Param.path("id", "the agreement id, e.g. GTM-MEX-2026"),
        Api.Param.query("from", "first month of events, yyyy-MM (default: no bound)"),
        Api.Param.query("to", "last month of events, yyyy-MM (default: no bound)"),
        Api.Param.query("side", "A or B; needed only when this node reports for both parties"));
    api.get(
        "/api/hub/agreements/{id}/matches",
        "The protected counts of this hub's latest linkage of an agreement, by month of the A"
            + " event: MATCHED, A_UNMATCHED, B_UNMATCHED (null when suppressed)",
        "signed in",
        ctx -> matches(server, ctx),
        Api.Param.path("id", "the agreement id"));
  }

  private static void tokens(ServerContext server, Context ctx) throws IOException {
    Principal principal = server.auth().require(ctx);
    Access.requireRole(principal, Role.REGIONAL_ANALYST);
    String id = ctx.pathParam("id");
    Agreement agreement = agreement(server, id);
    LocalDate today =
        LocalDate.ofInstant(server.node().catalog().clock().instant(), ZoneOffset.UTC);
    Set<String> countries = new TreeSet<>();
    for (Source source : server.node().catalog().sources().list()) {
      countries.add(source.reportingCountry());
    }
    List<AgreementSide> sides = new ArrayList<>();
    for (AgreementSide side : AgreementSide.values()) {
      if (countries.contains(agreement.party(side))) {
        sides.add(side);
      }
    }
    Access.requireAgreementTokens(principal, agreement.validOn(today), !sides.isEmpty(), id);
    AgreementSide side = side(ctx.queryParam("side"), sides, id);
    Optional<YearMonth> from = month(ctx.queryParam("from"), "from");
    Optional<YearMonth> to = month(ctx.queryParam("to"), "to");
    YearMonth first = from.orElse(YearMonth.of(1900, 1));
    YearMonth last = to.orElse(YearMonth.of(2199, 12));
    if (last.isBefore(first)) {
      throw new PuenteException(ErrorCode.USAGE, "to " + last + " is before from " + first);
    }
    // Re-read: an agreement key imported while the server runs is found without a restart.
    NodeKey key =
        KeyStore.open(server.node().home())
            .agreementKey(id)
            .orElseThrow(
                () ->
                    new PuenteException(
                        ErrorCode.UNAVAILABLE,
                        "this node has no key of agreement "
                            + id
                            + ": 'puente keys agreement import "
                            + id
                            + " FILE'"));
    AgreementTokenExport export =
        new AgreementTokenExport(
            new LakeReader(server.node().home(), server.node().catalog()), key);
    // The rows go to a private temporary file (hashed on the way), so that the response can be
    // signed before its body is sent; the file is deleted whatever happens.
    Path dir = server.node().home().root().resolve("exchange");
    SecureFiles.createPrivateDirectories(dir);
    Path file = Files.createTempFile(dir, "tokens-", ".csv");
    try {
      MessageDigest sha256 = sha256();
      long rows;
      try (OutputStream raw = Files.newOutputStream(file);
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(
                      new DigestOutputStream(raw, sha256), StandardCharsets.UTF_8))) {
        rows = export.write(agreement, side, first, last, out);
      }
      String target =
          "agreement "
              + id
              + " side "
              + side
              + " ("
              + agreement.party(side)
              + ") tokens "
              + from.map(Object::toString).orElse("*")
              + ".."
              + to.map(Object::toString).orElse("*");
      server.audit().record(principal, ctx, "EXPORT", target, "ok: " + rows + " rows");
      ctx.contentType(CSV);
      ctx.header("X-Puente-Agreement", id);
      ctx.header("X-Puente-Agreement-Key", key.id());
      ctx.header("X-Puente-Agreement-Side", side.name());
      ctx.header("X-Puente-Rows", Long.toString(rows));
      ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-" + side + ".csv\"");
      // signed like an SDMX data answer, over the SHA-256 taken while the file was written
      ExchangeApi.sign(server, ctx, HexFormat.of().formatHex(sha256.digest()));
      try (InputStream in = Files.newInputStream(file);
          OutputStream response = ctx.outputStream()) {
        in.transferTo(response);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void matches(ServerContext server, Context ctx) {
    server.auth().require(ctx);
    String id = ctx.pathParam("id");
    Agreement agreement = agreement(server, id);
    Optional<AgreementResults.Computed> latest =
        server.node().catalog().agreementResults().latest(id);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agreement", agreement.id());
    json.put("partyA", agreement.partyA());
    json.put("partyB", agreement.partyB());
    json.put("link", agreement.link().name());
    json.put("computedAt", latest.map(c -> c.computedAt().toString()).orElse(null));
    List<Map<String, Object>> cells = new ArrayList<>();
    for (AgreementResult cell : latest.map(AgreementResults.Computed::cells).orElse(List.of())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", cell.month());
      row.put("measure", cell.measure());
      row.put("value", cell.value().isPresent() ? cell.value().getAsLong() : null);
      row.put("status", cell.status());
      cells.add(row);
    }
    json.put("cells", cells);
    ctx.json(json);
  }

  private static Agreement agreement(ServerContext server, String id) {
    return server
        .node()
        .catalog()
        .agreements()
        .find(id)
        .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no agreement " + id));
  }

  private static AgreementSide side(String text, List<AgreementSide> sides, String id) {
    if (text == null || text.isBlank()) {
      if (sides.size() == 1) {
        return sides.get(0);
      }
      throw new PuenteException(
          ErrorCode.USAGE, "this node reports for both parties of " + id + ": give side=A or B");
    }
    AgreementSide side;
    try {
      side = AgreementSide.valueOf(text.trim());
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, "side: A or B");
    }
    if (!sides.contains(side)) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "this node does not report for side " + side + " of " + id);
    }
    return side;
  }

  private static Optional<YearMonth> month(String text, String name) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw new PuenteException(ErrorCode.USAGE, name + ": a month as yyyy-MM");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
