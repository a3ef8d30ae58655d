package org.puente.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.hub.PullAudit;
import org.puente.hub.PullReport;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PeerRecord;
import org.puente.lake.catalog.PullRecord;
import org.puente.node.keys.SigningKey;
import org.puente.server.ServerContext;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;

/**
 * The hub's side: its peers and their pulls ({@code GET /api/hub/peers}, never a token), and a pull
 * now ({@code POST /api/hub/pull}, administrators, audited).
 */
public final class HubApi {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HubApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    api.get(
        "/api/hub/peers",
        "The hub's peers: URL, countries, key fingerprint and their latest pull",
        "administrator and regional analyst",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR, Role.REGIONAL_ANALYST);
          ctx.json(peers(server.node().catalog()));
        });
    api.post(
        "/api/hub/pull",
        "Pull every peer now, or the one named by {\"peer\": NAME}; answers each peer's outcome",
        "administrator",
        "application/json",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR);
          Optional<String> peer = peerOf(ctx.body());
          List<PullReport> reports = server.puller().pull(peer);
          PullAudit.record(server.node().catalog(), principal.name(), "http " + ctx.ip(), reports);
          List<Map<String, Object>> json = new ArrayList<>();
          for (PullReport report : reports) {
            json.add(report.json());
          }
          ctx.json(Map.of("peers", json));
        });
  }

  private static Optional<String> peerOf(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.USAGE, "the body is JSON: {\"peer\": NAME} or {}");
    }
    JsonNode peer = json == null ? null : json.get("peer");
    if (peer == null || peer.isNull()) {
      return Optional.empty();
    }
    if (!peer.isTextual()) {
      throw new PuenteException(ErrorCode.USAGE, "peer is a peer's name");
    }
    return Optional.of(peer.asText());
  }

  static List<Map<String, Object>> peers(Catalog catalog) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (PeerRecord peer : catalog.peers().list()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", peer.name());
      row.put("url", peer.url());
      row.put("countries", peer.countries());
      row.put(
          "fingerprint",
          SigningKey.fingerprint(java.util.Base64.getDecoder().decode(peer.publicKey())));
      row.put("addedAt", peer.addedAt().toString());
      Optional<PullRecord> latest = catalog.pulls().latest(peer.name());
      row.put("lastPull", latest.map(HubApi::pull).orElse(null));
      row.put(
          "currentRun",
          catalog.pulls().latestCommitted(peer.name()).flatMap(PullRecord::peerRun).orElse(null));
      json.add(row);
    }
    return json;
  }

  private static Map<String, Object> pull(PullRecord pull) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", pull.committed() ? "COMMITTED" : "FAILED");
    json.put("startedAt", pull.startedAt().toString());
    json.put("finishedAt", pull.finishedAt().toString());
    json.put("attempts", pull.attempts());
    json.put("run", pull.peerRun().orElse(null));
    json.put("message", pull.message().orElse(null));
    return json;
  }
}
