package org.puente.error;

/**
 * Why an operation failed. Each interface maps these in exactly one place: the command line to exit
 * codes, the server to HTTP statuses.
 */
public enum ErrorCode {
  /** The caller asked for something that does not make sense (a bad option, an unknown name). */
  USAGE,
  /** Input data or a specification is malformed; the message names the file, line and field. */
  BAD_INPUT,
  /** A named thing (code list, submission, table) does not exist. */
  NOT_FOUND,
  /** The operation conflicts with the current state (already exists, already published). */
  CONFLICT,
  /** The caller has not said who they are (no session or token, or an expired one). */
  UNAUTHENTICATED,
  /** The caller may not do this. */
  FORBIDDEN,
  /** What the caller sent is larger than the node accepts (an upload past its limit). */
  TOO_LARGE,
  /** A resource the node needs (key store, catalog, lake, a file) is missing or unreadable. */
  UNAVAILABLE,
  /** A broken program: a bug, never the user's mistake. */
  INTERNAL
}
