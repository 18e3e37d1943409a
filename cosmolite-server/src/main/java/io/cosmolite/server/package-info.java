/**
 * The Cosmos DB REST gateway: {@link io.cosmolite.server.CosmoliteServer} starts an engine behind a
 * Netty HTTP/1.1 server (TLS by default) that the official SDKs talk to unmodified.
 *
 * <p>Subpackages: {@code http} (Netty transport), {@code wire} (header names, error bodies: the one
 * place a {@code CosmosException} becomes a response), {@code auth} (master-key signatures),
 * {@code tls} (the self-signed certificate), {@code route} (resource addressing and the handlers).
 */
package io.cosmolite.server;
