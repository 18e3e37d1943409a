/**
 * The Netty transport: HTTP/1.1 (optionally over TLS), bounded request sizes, and the hand-off of
 * each whole request to a {@link io.cosmolite.server.http.Handler} on a worker pool, since engine
 * calls may block on storage and must never run on an event loop.
 */
package io.cosmolite.server.http;
