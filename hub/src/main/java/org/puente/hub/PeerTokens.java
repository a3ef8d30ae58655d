package org.puente.hub;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.keys.KeyStore;
import org.puente.privacy.NodeKey;
import org.puente.privacy.SealedBox;
import org.puente.privacy.Sealing;

/**
 * The API token a peer issued to the hub, sealed with the hub's data-encryption key ({@code v1:<key
 * id>:<iv>:<ciphertext>}, base64), bound to the peer's name so a sealed token moved to another peer
 * does not open. The clear token exists only in memory, while a pull runs.
 */
final class PeerTokens {

  private static final String VERSION = "v1";

  private PeerTokens() {}

  static String seal(KeyStore keys, String peer, String token, SecureRandom random) {
    SealedBox box =
        Sealing.seal(
            keys.encryption(), token.getBytes(StandardCharsets.UTF_8), associated(peer), random);
    Base64.Encoder base64 = Base64.getEncoder();
    return String.join(
        ":",
        VERSION,
        box.keyId(),
        base64.encodeToString(box.iv()),
        base64.encodeToString(box.ciphertext()));
  }

  static String open(KeyStore keys, String peer, String sealed) {
    String[] parts = sealed.split(":", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT, "the token of peer " + peer + " is not sealed");
    }
    NodeKey key =
        keys.key(parts[1])
            .orElseThrow(
                () ->
                    new PuenteException(
                        ErrorCode.BAD_INPUT,
                        "the token of peer "
                            + peer
                            + " is sealed under key "
                            + parts[1]
                            + ", which this node no longer has: add the peer again"));
    Base64.Decoder base64 = Base64.getDecoder();
    SealedBox box = new SealedBox(parts[1], base64.decode(parts[2]), base64.decode(parts[3]));
    return new String(Sealing.open(key, box, associated(peer)), StandardCharsets.UTF_8);
  }

  private static byte[] associated(String peer) {
    return ("puente-peer-token\n" + peer).getBytes(StandardCharsets.UTF_8);
  }
}
