package org.puente.hub.agreement;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementSide;
import org.puente.hub.Peering;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PeerRecord;
import org.puente.node.SecureFiles;
import org.puente.node.keys.KeyStore;

/**
 * Links agreements at the hub with each side fetched from the peer that reports for its party (the
 * peer's sealed token, its pinned key, the signature checked by {@link SideFetcher}). The sides are
 * kept in an owner-only folder only while a linkage runs; what an interrupted one left there is
 * deleted by the next. Used by {@code puente agreements link} and by the server's pull schedule.
 */
public final class PeerLinkage {

  /** How linking one agreement ended: its counts, or why it was not linked. */
  public record Result(String agreement, Optional<LinkCounts> counts, String message) {}

  private final Catalog catalog;
  private final KeyStore keys;
  private final SideFetcher fetcher;
  private final Path exchange;

  /**
   * @param exchange the hub's folder for sides being linked, e.g. {@code <home>/exchange}
   */
  public PeerLinkage(Catalog catalog, KeyStore keys, SideFetcher fetcher, Path exchange) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.keys = requireNonNull(keys, "keys is null");
    this.fetcher = requireNonNull(fetcher, "fetcher is null");
    this.exchange = requireNonNull(exchange, "exchange is null");
  }

  /**
   * The one peer that reports for a country.
   *
   * @throws PuenteException NOT_FOUND when none does, CONFLICT when several do (then name them)
   */
  public String peerFor(String country) {
    List<String> peers =
        catalog.peers().list().stream()
            .filter(peer -> peer.countries().contains(country))
            .map(PeerRecord::name)
            .toList();
    if (peers.isEmpty()) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no peer of the hub reports for " + country);
    }
    if (peers.size() > 1) {
      throw new PuenteException(
          ErrorCode.CONFLICT,
          "several peers report for " + country + " (" + String.join(", ", peers) + "): name one");
    }
    return peers.get(0);
  }

  /**
   * Links an agreement with side A fetched from {@code aPeer} and side B from {@code bPeer}, and
   * keeps the protected counts.
   */
  public AgreementLinkage.Outcome link(
      Agreement agreement,
      String aPeer,
      String bPeer,
      Optional<YearMonth> from,
      Optional<YearMonth> to) {
    Path dir = exchangeDirectory(exchange);
    Peering.Credentials atA = Peering.credentials(catalog, keys, aPeer);
    Peering.Credentials atB = Peering.credentials(catalog, keys, bPeer);
    Path a = null;
    Path b = null;
    try {
      a =
          fetcher.fetch(
              atA.url(), atA.token(), atA.publicKey(), agreement, AgreementSide.A, from, to, dir);
      b =
          fetcher.fetch(
              atB.url(), atB.token(), atB.publicKey(), agreement, AgreementSide.B, from, to, dir);
      return linkFiles(catalog, agreement, a, b);
    } finally {
      deleteQuietly(a);
      deleteQuietly(b);
    }
  }

  /**
   * Links every agreement valid on {@code day} whose two parties each have one peer reporting for
   * them, over all months; one agreement's failure never stops the others.
   */
  public List<Result> linkAll(LocalDate day) {
    List<Result> results = new ArrayList<>();
    for (Agreement agreement : catalog.agreements().list()) {
      if (!agreement.validOn(day)) {
        continue;
      }
      try {
        AgreementLinkage.Outcome outcome =
            link(
                agreement,
                peerFor(agreement.partyA()),
                peerFor(agreement.partyB()),
                Optional.empty(),
                Optional.empty());
        results.add(
            new Result(
                agreement.id(),
                Optional.of(outcome.counts()),
                outcome.published().size() + " protected cells"));
      } catch (PuenteException e) {
        results.add(new Result(agreement.id(), Optional.empty(), e.getMessage()));
      }
    }
    return results;
  }

  /** Links two sides already in files and keeps the protected counts. */
  public static AgreementLinkage.Outcome linkFiles(
      Catalog catalog, Agreement agreement, Path aFile, Path bFile) {
    try (Reader a = Files.newBufferedReader(aFile, StandardCharsets.UTF_8);
        Reader b = Files.newBufferedReader(bFile, StandardCharsets.UTF_8)) {
      return new AgreementLinkage(catalog)
          .run(agreement, a, aFile.getFileName().toString(), b, bFile.getFileName().toString());
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read " + e.getMessage());
    }
  }

  /**
   * The hub's private folder for sides being linked; sides an interrupted linkage left there are
   * deleted first (tokens are kept only while a linkage runs).
   */
  private static Path exchangeDirectory(Path dir) {
    try {
      SecureFiles.createPrivateDirectories(dir);
      try (var leftovers = Files.newDirectoryStream(dir, "side-*.csv")) {
        for (Path file : leftovers) {
          Files.deleteIfExists(file);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot prepare " + dir);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Deleted by the next linkage's clean-up of the folder.
    }
  }
}
