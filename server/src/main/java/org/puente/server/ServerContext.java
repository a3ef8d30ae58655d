package org.puente.server;

import org.puente.server.api.Api;
import org.puente.server.auth.Authenticator;

/**
 * What every part of the server shares: the node, sign-in, the audit trail, the tables, the specs,
 * and the API declaration (through which every endpoint is registered and documented).
 *
 * @param node the opened node
 * @param auth who the caller is
 * @param audit the audit log
 * @param statistics the tables of the latest run
 * @param specs the specs offered for upload
 * @param api the endpoint declaration (routes and OpenAPI document)
 * @param options the server's limits
 * @param writer held by whatever writes to the lake (an upload, a derivation run): one at a time
 * @param signing the node's Ed25519 key, which signs the SDMX data packages hubs pull
 * @param puller the hub's pulls of its peers (none configured: a pull does nothing)
 */
public record ServerContext(
    NodeParts node,
    Authenticator auth,
    AuditTrail audit,
    ServerStatistics statistics,
    Specs specs,
    Api api,
    ServerOptions options,
    java.util.concurrent.locks.ReentrantLock writer,
    org.puente.node.keys.SigningKey signing,
    org.puente.hub.Puller puller) {}
