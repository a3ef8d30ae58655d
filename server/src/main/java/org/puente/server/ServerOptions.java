package org.puente.server;

/**
 * How the server listens and what it accepts.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all)
 * @param port the port (0 for any free one)
 * @param maxUploadBytes the largest export an upload may send; a larger one is refused (413)
 *     without being kept
 */
public record ServerOptions(String host, int port, long maxUploadBytes) {

  /** Exports of a year of a large country fit; a request past it is refused. */
  public static final long DEFAULT_MAX_UPLOAD = 2L * 1024 * 1024 * 1024;

  public static ServerOptions defaults(int port) {
    return new ServerOptions("127.0.0.1", port, DEFAULT_MAX_UPLOAD);
  }

  public ServerOptions withMaxUploadBytes(long bytes) {
    return new ServerOptions(host, port, bytes);
  }

  public ServerOptions withHost(String other) {
    return new ServerOptions(other, port, maxUploadBytes);
  }
}
