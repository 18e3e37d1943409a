package io.cosmolite.server.route;

import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.server.ServerOptions;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What every route may use: the engine, the options the server runs with, its clock, and the
 * certificate's PEM (null without TLS; a supplier because the server starts serving while its TLS
 * identity is still being read, and waits for it only where it is needed).
 */
public record ServerContext(CosmosEngine engine, ServerOptions options, Clock clock, Supplier<String> certificatePem) {}
