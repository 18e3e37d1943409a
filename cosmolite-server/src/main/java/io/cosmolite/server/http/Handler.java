package io.cosmolite.server.http;

/** Answers one request. May block; throws only for faults the transport maps to a 500. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
