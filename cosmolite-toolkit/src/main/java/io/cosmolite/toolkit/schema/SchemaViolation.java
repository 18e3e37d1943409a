package io.cosmolite.toolkit.schema;

import java.util.Objects;

/**
 * One way a document breaks its schema.
 *
 * @param path    where, as a JSON Pointer (RFC 6901) into the document: {@code /address/zip},
 *                {@code /lines/2/qty}; the empty string is the whole document. A missing required
 *                property is reported at the property's own path ({@code /address/zip}), not at its parent.
 * @param message what is wrong, in the validator's words, without the path
 */
public record SchemaViolation(String path, String message) {
    /** Checks that both parts are present. */
    public SchemaViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, with {@code (document)} for the empty root path. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
