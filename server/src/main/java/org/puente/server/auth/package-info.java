/**
 * Who may sign in and what they may do: password hashing (Argon2id), roles, the random secrets
 * behind sessions and API tokens, and the checks made when an account is added. The catalog's
 * {@code UserDirectory} stores the results, hashes only.
 */
package org.puente.server.auth;
