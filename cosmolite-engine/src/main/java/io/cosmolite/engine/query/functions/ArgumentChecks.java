package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;

/**
 * Argument coercion shared by the scalar function families: each check answers whether a value
 * has the type a function needs, so that a body can answer undefined (null) for anything else, as
 * Cosmos DB does instead of raising an error.
 */
final class ArgumentChecks {
    /** Cosmos DB numbers are doubles; its 64-bit integers are those doubles that are whole and in range. */
    private static final double INT64_LOW = -0x1p63;
    private static final double INT64_HIGH = 0x1p63;

    private ArgumentChecks() {}

    /** A catalog entry. */
    static BuiltinFunction function(String name, Family family, int minArgs, int maxArgs, Body body) {
        return new BuiltinFunction(name, family, minArgs, maxArgs, body);
    }

    /** The argument at {@code i}, or undefined (null) when the call has fewer arguments. */
    static JsonNode arg(JsonNode[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    /** True when the argument at {@code i} was passed at all (it may still evaluate to undefined). */
    static boolean present(JsonNode[] args, int i) {
        return i < args.length;
    }

    /** The text of a string value; null for every other value, undefined included. */
    static String string(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** True for a number value. */
    static boolean isNumber(JsonNode v) {
        return v != null && v.isNumber();
    }

    /**
     * True for a number that is a whole value within the signed 64-bit range. The bounds are
     * compared as doubles, as Cosmos DB does: 2^63 itself (what the literal
     * {@code 9223372036854775807} becomes) counts, 2^64 does not.
     */
    static boolean isInt64(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return false;
        }
        if (v.isInt() || v.isLong()) {
            return true;
        }
        double d = v.doubleValue();
        return d == Math.rint(d) && d >= INT64_LOW && d <= INT64_HIGH;
    }

    /** The 64-bit value of a number that passed {@link #isInt64}. */
    static long int64(JsonNode v) {
        return v.isInt() || v.isLong() ? v.longValue() : (long) v.doubleValue();
    }

    /**
     * A whole number of characters or a position taken from a numeric argument: the value
     * truncated toward zero and clamped to the int range. Only call it on a number.
     */
    static int count(JsonNode v) {
        double d = v.doubleValue();
        if (Double.isNaN(d)) {
            return 0;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d < 0 ? Math.ceil(d) : Math.floor(d)));
    }

    /** An exact integer result: integer nodes, never a rounded double. */
    static JsonNode integer(long l) {
        return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
    }
}
