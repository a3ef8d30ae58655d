package org.puente.sim.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A buffered byte output for the writer thread, which only copies bytes encoded by the workers.
 * Unlike {@link java.io.BufferedOutputStream} it takes no lock per call; it is not thread-safe.
 */
public final class ByteSink implements AutoCloseable {

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 20];
  private int length;

  private ByteSink(OutputStream out) {
    this.out = out;
  }

  public static ByteSink create(Path file) throws IOException {
    return new ByteSink(Files.newOutputStream(file));
  }

  public void write(byte[] bytes, int offset, int count) throws IOException {
    if (count > buffer.length - length) {
      flush();
      if (count > buffer.length) {
        out.write(bytes, offset, count);
        return;
      }
    }
    System.arraycopy(bytes, offset, buffer, length, count);
    length += count;
  }

  public void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  private void flush() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
  }

  @Override
  public void close() throws IOException {
    try (out) {
      flush();
    }
  }
}
