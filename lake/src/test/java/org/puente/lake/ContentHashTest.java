package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

  @Test
  void matchesThePublishedTestVectors(@TempDir Path dir) throws IOException {
    // FIPS 180-2, appendix B.1 ("abc") and the SHA-256 of the empty message.
    Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
    assertThat(ContentHash.sha256(abc))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ContentHash.sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void streamsFilesLargerThanItsBuffer(@TempDir Path dir) throws IOException {
    byte[] bytes = new byte[200_003];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Path file = Files.write(dir.resolve("big.bin"), bytes);
    assertThat(ContentHash.sha256(file)).isEqualTo(ContentHash.sha256(bytes));
  }
}
