package io.cosmolite.server.route;

import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.server.ServerOptions;
import java.time.Clock;

/**
 * What every route may use: the engine, the options the server runs with, its clock, and the
 * certificate's PEM (null without TLS).
 */
public record ServerContext(CosmosEngine engine, ServerOptions options, Clock clock, String certificatePem) {}
