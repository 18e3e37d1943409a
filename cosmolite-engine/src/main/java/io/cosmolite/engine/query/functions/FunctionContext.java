package io.cosmolite.engine.query.functions;

import java.time.Instant;

/**
 * What a function may know beyond its arguments.
 *
 * @param now the query's start time: the value of {@code GetCurrentDateTime()} and its kin for the
 *            whole query, so that every item sees the same instant
 */
public record FunctionContext(Instant now) {}
