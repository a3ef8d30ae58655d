package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyInfo;
import org.puente.node.keys.KeyStore;
import org.puente.node.rejects.EncryptionKeyRotation;
import org.puente.privacy.NodeKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente keys}: the node's keys, by id; key material is never printed. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "The node's keys: list them (ids and dates, never material), join a network by importing",
      "its linkage key, export it for another node, rotate the data-encryption key."
    },
    subcommands = {
      KeysCommand.ListKeys.class,
      KeysCommand.ImportNetwork.class,
      KeysCommand.ExportNetwork.class,
      KeysCommand.RotateEncryption.class,
      KeysCommand.AgreementKeys.class
    })
final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One key as printed. */
  record Row(String id, String purpose, String created, String status) {}

  static List<Row> rows(KeyStore store) {
    List<Row> rows = new ArrayList<>();
    for (KeyInfo info : store.list()) {
      rows.add(
          new Row(
              info.id(), info.purpose().name(), info.created().toString(), info.status().name()));
    }
    return rows;
  }

  /** {@code puente keys list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Key ids, purposes, creation dates and status; never key material.")
  static final class ListKeys implements Runnable {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      KeyStore store = KeyStore.open(common.nodeHome());
      PrintWriter out = spec.commandLine().getOut();
      List<Row> rows = rows(store);
      if (common.json) {
        Json.print(out, rows);
        return;
      }
      out.printf("%-18s %-16s %-8s %s%n", "ID", "PURPOSE", "STATUS", "CREATED");
      for (Row row : rows) {
        out.printf("%-18s %-16s %-8s %s%n", row.id(), row.purpose(), row.status(), row.created());
      }
    }
  }

  /** {@code puente keys import-network FILE}. */
  @Command(
      name = "import-network",
      mixinStandardHelpOptions = true,
      description = {
        "Make the network's linkage key (a file from 'keys export-network') this node's, so it",
        "derives the same tokens as every other node. Tokens made under the previous key no",
        "longer link with new ones; that key is kept, retired."
      })
  static final class ImportNetwork implements Runnable {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The network key file.")
    Path file;

    @Override
    public void run() {
      KeyStore store = KeyStore.open(common.nodeHome());
      NodeKey key = KeyStore.readNetworkKeyFile(file);
      String previous = store.network().id();
      KeyStore after = store.importNetwork(key);
      PrintWriter out = spec.commandLine().getOut();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("network", after.network().id());
      result.put("previous", previous);
      result.put("changed", !previous.equals(after.network().id()));
      if (common.json) {
        Json.print(out, result);
      } else if (previous.equals(after.network().id())) {
        out.println("network key " + previous + " is already this node's");
      } else {
        out.println("network key is now " + after.network().id() + " (was " + previous + ")");
      }
    }
  }

  /** {@code puente keys export-network FILE}. */
  @Command(
      name = "export-network",
      mixinStandardHelpOptions = true,
      description = {
        "Write this node's network linkage key to FILE (owner-only) for a network administrator",
        "to hand, by a secure channel, to the other nodes. Refuses to overwrite a file."
      })
  static final class ExportNetwork implements Runnable {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the key.")
    Path file;

    @Override
    public void run() {
      KeyStore store = KeyStore.open(common.nodeHome());
      if (Files.exists(file)) {
        throw new PuenteException(ErrorCode.CONFLICT, file + " exists; choose a new file");
      }
      store.exportNetwork(file);
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Json.print(out, Map.of("network", store.network().id(), "file", file.toString()));
      } else {
        out.println("wrote network key " + store.network().id() + " to " + file);
      }
    }
  }

  /** {@code puente keys rotate-encryption}. */
  @Command(
      name = "rotate-encryption",
      mixinStandardHelpOptions = true,
      description = {
        "Make a new data-encryption key, re-encrypt every rejected row under it, then forget",
        "the old key. Safe to rerun if interrupted."
      })
  static final class RotateEncryption implements Runnable {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      NodeHome home = common.nodeHome();
      EncryptionKeyRotation.Result result =
          EncryptionKeyRotation.rotate(home, Clock.systemUTC(), new SecureRandom());
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Json.print(out, result);
      } else {
        out.println(
            "encryption key is now "
                + result.newKeyId()
                + " (was "
                + result.previousKeyId()
                + "); "
                + result.rowsReencrypted()
                + " rejected rows re-encrypted");
      }
    }
  }

  /** {@code puente keys agreement new|import}. */
  @Command(
      name = "agreement",
      mixinStandardHelpOptions = true,
      description = {
        "The key of an exchange agreement (docs/EXCHANGE.md): one party makes it and hands the",
        "file to the other by a secure channel; the hub never holds it."
      },
      subcommands = {AgreementKeys.NewKey.class, AgreementKeys.ImportKey.class})
  static final class AgreementKeys implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code puente keys agreement new ID --out FILE}. */
    @Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description = {
          "Make a new AGREEMENT key for agreement ID, keep it in this node's key store and write",
          "it to FILE (owner-only) for the partner node. Refuses to overwrite a file."
        })
    static final class NewKey implements Runnable {
      @Mixin CommonOptions common;
      @Spec CommandSpec spec;

      @Parameters(index = "0", paramLabel = "ID", description = "The agreement id.")
      String agreement;

      @picocli.CommandLine.Option(
          names = "--out",
          required = true,
          paramLabel = "FILE",
          description = "Where to write the key for the partner.")
      Path file;

      @Override
      public void run() {
        KeyStore store = KeyStore.open(common.nodeHome());
        if (Files.exists(file)) {
          throw new PuenteException(ErrorCode.CONFLICT, file + " exists; choose a new file");
        }
        KeyStore after =
            store.newAgreementKey(agreement, file, Clock.systemUTC(), new SecureRandom());
        String id = after.agreementKey(agreement).orElseThrow().id();
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
          Json.print(out, Map.of("agreement", agreement, "key", id, "file", file.toString()));
        } else {
          out.println("agreement " + agreement + ": key " + id + " kept, written to " + file);
        }
      }
    }

    /** {@code puente keys agreement import ID FILE}. */
    @Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Keep the key of agreement ID from FILE (written by 'keys agreement new').")
    static final class ImportKey implements Runnable {
      @Mixin CommonOptions common;
      @Spec CommandSpec spec;

      @Parameters(index = "0", paramLabel = "ID", description = "The agreement id.")
      String agreement;

      @Parameters(index = "1", paramLabel = "FILE", description = "The agreement key file.")
      Path file;

      @Override
      public void run() {
        KeyStore after = KeyStore.open(common.nodeHome()).importAgreementKey(agreement, file);
        String id = after.agreementKey(agreement).orElseThrow().id();
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
          Json.print(out, Map.of("agreement", agreement, "key", id));
        } else {
          out.println("agreement " + agreement + ": key " + id + " imported");
        }
      }
    }
  }
}
