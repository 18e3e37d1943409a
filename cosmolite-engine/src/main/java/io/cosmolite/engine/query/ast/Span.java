package io.cosmolite.engine.query.ast;

/** A range of characters in the query text, {@code start} inclusive, {@code end} exclusive. */
public record Span(int start, int end) {
    /** A span for nodes built by code rather than parsed. */
    public static final Span NONE = new Span(0, 0);
}
