package io.cosmolite.toolkit.error;

import java.util.Objects;

/**
 * One reason a document is invalid, the one type every part of the toolkit reports violations with
 * (a JSON Schema check in {@code io.cosmolite.toolkit.schema}, a partition key that cannot be built).
 *
 * @param path    where, as a JSON Pointer (RFC 6901) into the document: {@code /address/zip},
 *                {@code /lines/2/qty}; the empty string is the whole document. A missing required
 *                property is reported at the property's own path ({@code /address/zip}), not at its parent.
 * @param message what is wrong, without the path
 */
public record Violation(String path, String message) {
    /** Checks that both parts are present. */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, with {@code (document)} for the empty root path. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
