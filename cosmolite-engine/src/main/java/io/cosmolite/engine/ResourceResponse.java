package io.cosmolite.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A metadata resource returned by the engine, with the request's charge.
 *
 * @param resource      the resource as Cosmos returns it (null after a delete)
 * @param requestCharge request units charged
 */
public record ResourceResponse(ObjectNode resource, double requestCharge) {}
