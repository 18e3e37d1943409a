package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;

/**
 * Decides a conditional patch's {@code condition} (a filter such as {@code FROM c WHERE c.n > 1})
 * against the item it would patch. The engine supplies it from the query layer, which depends on
 * this package and so cannot be called from here directly.
 */
@FunctionalInterface
public interface PatchCondition {
    /** Refuses every condition: the behaviour without a query layer. */
    PatchCondition UNSUPPORTED = (condition, item) -> {
        throw ErrorCode.BAD_REQUEST.exception("Conditional patch ('condition') is not supported by this engine.");
    };

    /**
     * True when {@code item} satisfies {@code condition}; false (including undefined) makes the
     * patch fail with 412. Throws a 400 {@link io.cosmolite.engine.error.CosmosException} for a
     * malformed condition.
     */
    boolean test(String condition, ObjectNode item);
}
