package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One built-in function.
 *
 * @param name    the canonical spelling, as Cosmos DB documents it
 * @param family  the documentation family
 * @param minArgs the fewest arguments accepted
 * @param maxArgs the most arguments accepted ({@link Integer#MAX_VALUE} when variadic)
 * @param body    the implementation; null for aggregates, which the executor accumulates
 */
public record BuiltinFunction(String name, Family family, int minArgs, int maxArgs, Body body) {

    /** Families, as the Cosmos DB documentation groups the functions. */
    public enum Family {
        AGGREGATE, MATHEMATICAL, TYPE_CHECKING, STRING, ARRAY, DATE_AND_TIME, SPATIAL, CONDITIONAL,
        ITEM, INTEGER, VECTOR, FULL_TEXT
    }

    /** A function's evaluation. */
    @FunctionalInterface
    public interface Body {
        /**
         * Evaluates the function over already-evaluated arguments. An argument may be undefined
         * (Java null); return null for an undefined result. Never throws for a value of the wrong
         * type: Cosmos DB answers undefined there.
         */
        JsonNode apply(JsonNode[] args, FunctionContext context);
    }

    /** True for COUNT, SUM, AVG, MIN, MAX and the other aggregates. */
    public boolean isAggregate() {
        return family == Family.AGGREGATE;
    }
}
