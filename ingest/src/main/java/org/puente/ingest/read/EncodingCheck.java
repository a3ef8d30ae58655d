package org.puente.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * Catches the one encoding mistake strict decoding cannot: a UTF-8 file declared as a single-byte
 * encoding (ISO-8859-1 decodes any bytes, so "José" would silently become "JosÃ©"). The first 64
 * KiB are sampled; UTF-8 two-byte sequences for accented Latin letters (C3 80..C3 BF) there mean
 * the file is UTF-8.
 */
final class EncodingCheck {

  private static final int SAMPLE = 1 << 16;
  private static final int ENOUGH = 3;

  private EncodingCheck() {}

  static void refuseUtf8DeclaredAsSingleByte(Path file, InputStream in, Charset declared)
      throws IOException {
    if (declared.equals(StandardCharsets.UTF_8)
        || declared.newEncoder().maxBytesPerChar() != 1.0f) {
      return;
    }
    in.mark(SAMPLE);
    byte[] sample = in.readNBytes(SAMPLE);
    in.reset();
    int utf8Pairs = 0;
    for (int i = 0; i + 1 < sample.length; i++) {
      int first = sample[i] & 0xFF;
      int second = sample[i + 1] & 0xFF;
      if (first == 0xC3 && second >= 0x80 && second <= 0xBF) {
        utf8Pairs++;
        i++;
      }
    }
    if (utf8Pairs >= ENOUGH) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT,
          "file "
              + file.getFileName()
              + ": the spec says "
              + declared.name()
              + " but the file is UTF-8 (accented letters are two bytes); set 'encoding: UTF-8'");
    }
  }

  /**
   * The 1-based line of the first byte sequence that is not valid in the charset, found by decoding
   * the file again in small steps (only called once decoding has failed).
   */
  static long firstInvalidLine(Path file, Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long line = 1;
    ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    CharBuffer chars = CharBuffer.allocate(1 << 14);
    try (InputStream in = Files.newInputStream(file)) {
      boolean end = false;
      while (!end) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        int start = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, end);
        for (int i = start; i < bytes.position(); i++) {
          if (bytes.get(i) == '\n') {
            line++;
          }
        }
        if (result.isError()) {
          return line;
        }
        chars.clear();
        bytes.compact();
      }
    }
    return line;
  }
}
