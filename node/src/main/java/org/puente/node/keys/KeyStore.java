package org.puente.node.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.NodeHome;
import org.puente.node.SecureFiles;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.NodeKey;

/**
 * A node's secret keys, in {@code HOME/keys/keystore.json} (0600): one active network linkage key,
 * one active data-encryption key, and retired keys kept until nothing needs them. Every change is
 * written atomically before the method returns; an instance is an immutable snapshot.
 *
 * <p>A missing, unreadable or exposed store is an error ({@link ErrorCode#UNAVAILABLE}), never a
 * reason to make new keys: new keys would silently break linkage and lose the rejects.
 */
public final class KeyStore {

  private final NodeHome home;
  private final List<KeyFiles.Entry> entries;

  private KeyStore(NodeHome home, List<KeyFiles.Entry> entries) {
    this.home = home;
    this.entries = List.copyOf(entries);
  }

  /**
   * Creates the node home with a new key store: the given network key (imported) or a random one,
   * and a random data-encryption key. Refuses if a key store is already there.
   */
  public static KeyStore create(
      NodeHome home, Clock clock, SecureRandom random, Optional<NodeKey> networkKey) {
    Path file = home.keyStoreFile();
    if (Files.exists(file)) {
      throw new PuenteException(
          ErrorCode.CONFLICT,
          "a key store already exists at " + file + "; init never replaces keys");
    }
    if (hasContent(home.lake()) || hasContent(home.rejects())) {
      throw new PuenteException(
          ErrorCode.CONFLICT,
          home.root()
              + " has a lake or rejects but no key store: restore "
              + file
              + " from its backup; new keys could neither link that lake nor open its rejects");
    }
    NodeKey network =
        networkKey
            .map(key -> key.requirePurpose(KeyPurpose.NETWORK_LINKAGE))
            .orElseGet(() -> NodeKey.generate(KeyPurpose.NETWORK_LINKAGE, clock.instant(), random));
    NodeKey encryption = NodeKey.generate(KeyPurpose.DATA_ENCRYPTION, clock.instant(), random);
    try {
      Files.createDirectories(home.root());
      SecureFiles.createPrivateDirectories(home.keys());
      Files.createDirectories(home.lake());
      SecureFiles.createPrivateDirectories(home.rejects());
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot create the node home " + home.root() + ": " + e.getMessage());
    }
    List<KeyFiles.Entry> entries =
        List.of(
            new KeyFiles.Entry(network, KeyStatus.ACTIVE),
            new KeyFiles.Entry(encryption, KeyStatus.ACTIVE));
    return new KeyStore(home, entries).save();
  }

  /** Opens the existing key store of a node home. */
  public static KeyStore open(NodeHome home) {
    Path file = home.keyStoreFile();
    if (!Files.exists(file)) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "no key store at "
              + file
              + ": run 'puente init --home "
              + home.root()
              + "' to create this node, or give the --home of an existing one");
    }
    try {
      if (SecureFiles.isExposed(file)) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE,
            "key store " + file + " is readable or writable by others; 'chmod 600' it first");
      }
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read key store " + file);
    }
    KeyStore store = new KeyStore(home, KeyFiles.readStore(file));
    for (KeyPurpose purpose : List.of(KeyPurpose.NETWORK_LINKAGE, KeyPurpose.DATA_ENCRYPTION)) {
      if (store.active(purpose).isEmpty()) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE, "key store " + file + " has no active " + purpose + " key");
      }
    }
    return store;
  }

  public NodeHome home() {
    return home;
  }

  /** Ids, purposes, creation instants and status: never material. */
  public List<KeyInfo> list() {
    List<KeyInfo> infos = new ArrayList<>();
    for (KeyFiles.Entry entry : entries) {
      NodeKey key = entry.key();
      infos.add(new KeyInfo(key.id(), key.purpose(), key.created(), entry.status()));
    }
    return infos;
  }

  /** The active network linkage key. */
  public NodeKey network() {
    return active(KeyPurpose.NETWORK_LINKAGE).orElseThrow();
  }

  /** The active data-encryption key. */
  public NodeKey encryption() {
    return active(KeyPurpose.DATA_ENCRYPTION).orElseThrow();
  }

  /** Any key by id, active or retired. */
  public Optional<NodeKey> key(String id) {
    return entries.stream().map(KeyFiles.Entry::key).filter(k -> k.id().equals(id)).findFirst();
  }

  /**
   * Makes an imported network key the active one; the previous one is retired (tokens it made no
   * longer link with new ones). Importing the active key again changes nothing.
   */
  public KeyStore importNetwork(NodeKey key) {
    key.requirePurpose(KeyPurpose.NETWORK_LINKAGE);
    if (network().id().equals(key.id())) {
      return this;
    }
    List<KeyFiles.Entry> next = new ArrayList<>();
    for (KeyFiles.Entry entry : entries) {
      if (entry.key().id().equals(key.id())) {
        continue;
      }
      next.add(retireIfActive(entry, KeyPurpose.NETWORK_LINKAGE));
    }
    next.add(new KeyFiles.Entry(key, KeyStatus.ACTIVE));
    return new KeyStore(home, next).save();
  }

  /** A new active data-encryption key; the previous one is retired, still able to decrypt. */
  public KeyStore addEncryptionKey(Clock clock, SecureRandom random) {
    NodeKey key = NodeKey.generate(KeyPurpose.DATA_ENCRYPTION, clock.instant(), random);
    List<KeyFiles.Entry> next = new ArrayList<>();
    for (KeyFiles.Entry entry : entries) {
      next.add(retireIfActive(entry, KeyPurpose.DATA_ENCRYPTION));
    }
    next.add(new KeyFiles.Entry(key, KeyStatus.ACTIVE));
    return new KeyStore(home, next).save();
  }

  /** Forgets retired keys of a purpose: call only once nothing is protected by them any more. */
  public KeyStore dropRetired(KeyPurpose purpose) {
    List<KeyFiles.Entry> next = new ArrayList<>();
    for (KeyFiles.Entry entry : entries) {
      if (entry.key().purpose() != purpose || entry.status() == KeyStatus.ACTIVE) {
        next.add(entry);
      }
    }
    return new KeyStore(home, next).save();
  }

  /** The key of an agreement, if this node holds it. */
  public Optional<NodeKey> agreementKey(String agreement) {
    return entries.stream()
        .filter(e -> agreement.equals(e.agreement()) && e.status() == KeyStatus.ACTIVE)
        .map(KeyFiles.Entry::key)
        .findFirst();
  }

  /**
   * A new random key for an agreement, kept in this store and written to {@code file} (0600) for
   * the partner node to import.
   *
   * @throws PuenteException CONFLICT when this store holds a key of the agreement already
   */
  public KeyStore newAgreementKey(String agreement, Path file, Clock clock, SecureRandom random) {
    NodeKey key = NodeKey.generate(KeyPurpose.AGREEMENT, clock.instant(), random);
    KeyStore next = addAgreementKey(agreement, key);
    try {
      KeyFiles.writeAgreementKey(file.toAbsolutePath(), agreement, key);
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot write the agreement key to " + file + ": " + e.getMessage());
    }
    return next;
  }

  /**
   * Imports the key of an agreement from a file written by {@link #newAgreementKey}. Importing the
   * same key again changes nothing.
   *
   * @throws PuenteException CONFLICT when this store holds another key of the agreement
   */
  public KeyStore importAgreementKey(String agreement, Path file) {
    return addAgreementKey(agreement, KeyFiles.readAgreementKey(file, agreement));
  }

  private KeyStore addAgreementKey(String agreement, NodeKey key) {
    key.requirePurpose(KeyPurpose.AGREEMENT);
    Optional<NodeKey> existing = agreementKey(agreement);
    if (existing.isPresent()) {
      if (existing.get().id().equals(key.id())) {
        return this;
      }
      throw new PuenteException(
          ErrorCode.CONFLICT,
          "this node holds key " + existing.get().id() + " of agreement " + agreement + " already");
    }
    List<KeyFiles.Entry> next = new ArrayList<>(entries);
    next.add(new KeyFiles.Entry(key, KeyStatus.ACTIVE, agreement));
    return new KeyStore(home, next).save();
  }

  /** Writes the active network key for other nodes of the network to import (0600). */
  public void exportNetwork(Path file) {
    try {
      KeyFiles.writeNetworkKey(file.toAbsolutePath(), network());
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot write the network key to " + file + ": " + e.getMessage());
    }
  }

  /** Reads a network key file written by {@link #exportNetwork}. */
  public static NodeKey readNetworkKeyFile(Path file) {
    return KeyFiles.readNetworkKey(file);
  }

  private static boolean hasContent(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read " + dir);
    }
  }

  private Optional<NodeKey> active(KeyPurpose purpose) {
    return entries.stream()
        .filter(e -> e.key().purpose() == purpose && e.status() == KeyStatus.ACTIVE)
        .map(KeyFiles.Entry::key)
        .findFirst();
  }

  private static KeyFiles.Entry retireIfActive(KeyFiles.Entry entry, KeyPurpose purpose) {
    return entry.key().purpose() == purpose && entry.status() == KeyStatus.ACTIVE
        ? new KeyFiles.Entry(entry.key(), KeyStatus.RETIRED)
        : entry;
  }

  private KeyStore save() {
    try {
      KeyFiles.writeStore(home.keyStoreFile(), entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key store " + home.keyStoreFile(), e);
    }
    return this;
  }

  @Override
  public String toString() {
    return "KeyStore[" + home.keyStoreFile() + ", " + entries.size() + " keys]";
  }
}
