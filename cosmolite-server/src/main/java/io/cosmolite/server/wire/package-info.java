/**
 * The wire vocabulary: every Cosmos header name in one place ({@link io.cosmolite.server.wire.CosmosHeaders}),
 * and the one mapping from a refusal to Cosmos's error response ({@link io.cosmolite.server.wire.ErrorResponses}).
 */
package io.cosmolite.server.wire;
