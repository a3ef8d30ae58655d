package org.puente.ingest.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts lines as characters pass, and refuses a line longer than a limit, so that a file with a 2
 * GB line and no newline cannot exhaust the memory of a CSV parser that buffers fields.
 */
final class LineGuardReader extends FilterReader {

  /** Thrown when a line is longer than the limit; carries the line number. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    LineTooLongException(long line, int limit) {
      super("line " + line + " is longer than " + limit + " characters");
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  private final int maxLineLength;
  private long line = 1;
  private int lengthOfLine;

  LineGuardReader(Reader in, int maxLineLength) {
    super(in);
    this.maxLineLength = maxLineLength;
  }

  /** The line the reader is on (1-based). */
  long line() {
    return line;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  private void count(char c) throws LineTooLongException {
    if (c == '\n') {
      line++;
      lengthOfLine = 0;
    } else if (++lengthOfLine > maxLineLength) {
      throw new LineTooLongException(line, maxLineLength);
    }
  }

  /** Reads and discards one line; false at the end of the input. */
  boolean skipLine() throws IOException {
    int c;
    do {
      c = read();
    } while (c >= 0 && c != '\n');
    return c >= 0;
  }
}
