package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.value.Values;

/**
 * Readers for function arguments used by the array, date and time, spatial, vector and full-text
 * families: each answers null when the argument is not of the wanted type, so that a body can
 * turn a misfit into Cosmos DB's undefined with a single null check.
 */
final class ArgReaders {
    private static final double LONG_LIMIT = 9.223372036854775807E18;

    private ArgReaders() {}

    /** The argument at {@code i}, or null (undefined) when absent. */
    static JsonNode arg(JsonNode[] args, int i) {
        return i < args.length ? Values.defined(args[i]) : null;
    }

    /** The array, or null when the value is not an array. */
    static JsonNode array(JsonNode v) {
        return v != null && v.isArray() ? v : null;
    }

    /** The string, or null when the value is not a string. */
    static String text(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** The boolean, or null when the value is not a boolean. */
    static Boolean bool(JsonNode v) {
        return v != null && v.isBoolean() ? v.booleanValue() : null;
    }

    /** The number as a double, or null when the value is not a number. */
    static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }

    /**
     * The number as a long when it is integral and within the range of a long, or null otherwise
     * (not a number, a fraction, infinite or NaN).
     */
    static Long integer(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        double d = v.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) >= LONG_LIMIT) {
            return null;
        }
        return (long) d;
    }
}
