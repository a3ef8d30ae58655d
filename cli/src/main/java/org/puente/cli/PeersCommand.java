package org.puente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.hub.Peering;
import org.puente.hub.PullOptions;
import org.puente.hub.Puller;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PeerRecord;
import org.puente.lake.catalog.PullRecord;
import org.puente.node.keys.KeyStore;
import org.puente.node.keys.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code puente peers}: the nodes a regional hub pulls from. Adding one fetches its identity, pins
 * its Ed25519 key and seals the API token it issued to the hub (docs/SERVER.md, "The regional
 * hub").
 */
@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description = "Add, list and remove the nodes this hub pulls from.",
    subcommands = {PeersCommand.Add.class, PeersCommand.ListPeers.class, PeersCommand.Remove.class})
final class PeersCommand implements Runnable {

  @Override
  public void run() {
    throw new PuenteException(
        ErrorCode.USAGE, "say what to do, e.g. 'peers add NAME URL TOKEN' or 'peers list'");
  }

  /** {@code puente peers add NAME URL TOKEN}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a peer: fetch its identity, pin its key, seal the token it issued to this hub.",
        "The token is a regional-analyst API token of the peer ('puente users token' there);",
        "give it with --token-file to keep it out of the shell's history. With --fingerprint,",
        "a peer whose key differs (the fingerprint its operator gave you) is refused."
      })
  static final class Add implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Parameters(index = "0", paramLabel = "NAME", description = "This hub's name for the peer.")
    String name;

    @Parameters(index = "1", paramLabel = "URL", description = "The peer's base URL.")
    String url;

    @Parameters(
        index = "2",
        arity = "0..1",
        paramLabel = "TOKEN",
        description = "The API token the peer issued to this hub.")
    String token;

    @Option(
        names = "--token-file",
        paramLabel = "FILE",
        description = "Read the token from the first line of FILE instead.")
    Path tokenFile;

    @Option(
        names = "--fingerprint",
        paramLabel = "HEX",
        description = "The SHA-256 fingerprint the peer's key must have.")
    String fingerprint;

    @Override
    public void run() {
      String clear = token();
      KeyStore keys = KeyStore.open(common.nodeHome());
      PeerRecord peer;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        peer =
            Peering.add(
                catalog,
                keys,
                name,
                url,
                clear,
                Optional.ofNullable(fingerprint),
                Puller.client(PullOptions.defaults()));
        catalog
            .audit()
            .append(
                Actors.cliUser(),
                Actors.CLI_ORIGIN,
                "PEER_ADDED",
                "peer " + peer.name() + " " + peer.url(),
                "ok");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Json.print(out, row(peer, Optional.empty(), Optional.empty()));
        return;
      }
      out.printf(
          "added peer %s at %s%n  countries:   %s%n  fingerprint: %s%n",
          peer.name(), peer.url(), String.join(", ", peer.countries()), fingerprintOf(peer));
    }

    private String token() {
      if ((token == null) == (tokenFile == null)) {
        throw new PuenteException(ErrorCode.USAGE, "give the token as TOKEN or --token-file FILE");
      }
      if (token != null) {
        return token;
      }
      try {
        List<String> lines = Files.readAllLines(tokenFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
          throw new PuenteException(ErrorCode.USAGE, "the token file " + tokenFile + " is empty");
        }
        return lines.get(0).strip();
      } catch (IOException e) {
        throw new PuenteException(ErrorCode.USAGE, "cannot read the token file " + tokenFile);
      }
    }
  }

  /** {@code puente peers list}: each peer and its latest pull; never a token. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the peers: URL, countries, key fingerprint, the latest pull.")
  static final class ListPeers implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Override
    public void run() {
      List<Map<String, Object>> rows = new ArrayList<>();
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        for (PeerRecord peer : catalog.peers().list()) {
          rows.add(
              row(
                  peer,
                  catalog.pulls().latest(peer.name()),
                  catalog.pulls().latestCommitted(peer.name()).flatMap(PullRecord::peerRun)));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Json.print(out, rows);
        return;
      }
      for (Map<String, Object> row : rows) {
        out.printf(
            "%s  %s  countries %s  key %s%n",
            row.get("name"), row.get("url"), row.get("countries"), row.get("fingerprint"));
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) row.get("lastPull");
        if (last == null) {
          out.println("  never pulled");
        } else {
          out.printf(
              "  last pull %s at %s, %s attempts%s; current run %s%n",
              last.get("status"),
              last.get("finishedAt"),
              last.get("attempts"),
              last.get("message") == null ? "" : ": " + last.get("message"),
              row.get("currentRun") == null ? "none" : row.get("currentRun"));
        }
      }
      out.println("(" + rows.size() + " peers)");
    }
  }

  /** {@code puente peers remove NAME}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a peer; what was pulled from it stays, but is no longer current.")
  static final class Remove implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Parameters(index = "0", paramLabel = "NAME", description = "The peer.")
    String name;

    @Override
    public void run() {
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        catalog.peers().remove(name);
        catalog
            .audit()
            .append(Actors.cliUser(), Actors.CLI_ORIGIN, "PEER_REMOVED", "peer " + name, "ok");
      }
      if (!common.quiet) {
        spec.commandLine().getOut().println("removed peer " + name);
      }
    }
  }

  static String fingerprintOf(PeerRecord peer) {
    return SigningKey.fingerprint(Base64.getDecoder().decode(peer.publicKey()));
  }

  static Map<String, Object> row(
      PeerRecord peer, Optional<PullRecord> latest, Optional<String> currentRun) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", peer.name());
    row.put("url", peer.url());
    row.put("countries", peer.countries());
    row.put("fingerprint", fingerprintOf(peer));
    row.put("addedAt", peer.addedAt().toString());
    row.put(
        "lastPull",
        latest
            .map(
                pull -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("status", pull.committed() ? "COMMITTED" : "FAILED");
                  json.put("finishedAt", pull.finishedAt().toString());
                  json.put("attempts", pull.attempts());
                  json.put("run", pull.peerRun().orElse(null));
                  json.put("message", pull.message().orElse(null));
                  return json;
                })
            .orElse(null));
    row.put("currentRun", currentRun.orElse(null));
    return row;
  }
}
