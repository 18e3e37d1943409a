package io.cosmolite.toolkit.error;

import java.util.Objects;

/**
 * One reason a document is invalid: where (a JSON path such as {@code $.items[0].qty}) and why.
 */
public record Violation(String path, String message) {
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
