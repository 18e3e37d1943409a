package io.cosmolite.toolkit.error;

import java.util.List;

/**
 * A document was refused before it reached the database because it is invalid, with every
 * {@link Violation} found (not only the first). Raised by the toolkit, so its {@link #info()} has
 * status 400, no activity id and no charge.
 */
public final class ValidationException extends CosmosDataException {
    private final List<Violation> violations;

    /** A refusal listing {@code violations} (at least one). */
    public ValidationException(String message, List<Violation> violations) {
        super(describe(message, violations), ErrorInfo.local(400), null);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** Every violation, in the order the validator reported them. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(String message, List<Violation> violations) {
        StringBuilder text = new StringBuilder(message);
        for (Violation v : violations) {
            text.append("\n  ").append(v);
        }
        return text.toString();
    }
}
