package io.cosmolite.toolkit.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document was refused because it breaks its schema; {@link #violations()} lists every violation,
 * and the message names each of them ({@code path: message}, separated by {@code "; "}).
 */
public class SchemaValidationException extends RuntimeException {
    private final transient List<SchemaViolation> violations;

    /** An exception for a document with these violations (at least one). */
    public SchemaValidationException(List<SchemaViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation of the refused document, in the validator's order. */
    public List<SchemaViolation> violations() {
        return violations;
    }

    private static String describe(List<SchemaViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a schema validation failure needs at least one violation");
        }
        return violations.size() + (violations.size() == 1 ? " schema violation: " : " schema violations: ")
                + violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; "));
    }
}
