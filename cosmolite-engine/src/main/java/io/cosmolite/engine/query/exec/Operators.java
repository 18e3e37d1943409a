package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.ast.Expr.BinaryOp;
import io.cosmolite.engine.query.ast.Expr.UnaryOp;
import io.cosmolite.engine.query.value.Values;

/**
 * The operators of the query language over evaluated operands, with Cosmos DB's rules: arithmetic
 * on numbers only, comparison within one type, three-valued logic, {@code ||} on strings and the
 * bitwise operators on numbers converted to 32-bit integers as JavaScript does. Any other operand
 * makes the result undefined (null).
 */
final class Operators {
    private Operators() {}

    /** A unary operator. */
    static JsonNode unary(UnaryOp op, JsonNode v) {
        return switch (op) {
            case NOT -> isBoolean(v) ? Values.bool(!v.booleanValue()) : null;
            case MINUS -> isNumber(v) ? Values.number(-v.doubleValue()) : null;
            case PLUS -> isNumber(v) ? v : null;
            case BITWISE_NOT -> isNumber(v) ? Values.number(~toInt32(v.doubleValue())) : null;
        };
    }

    /** A binary operator other than AND, OR and ?? (which the evaluator short-circuits). */
    static JsonNode binary(BinaryOp op, JsonNode a, JsonNode b) {
        return switch (op) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> arithmetic(op, a, b);
            case EQUAL -> bool(Values.equal(a, b));
            case NOT_EQUAL -> {
                Boolean eq = Values.equal(a, b);
                yield eq == null ? null : Values.bool(!eq);
            }
            case LESS -> order(a, b, c -> c < 0);
            case LESS_OR_EQUAL -> order(a, b, c -> c <= 0);
            case GREATER -> order(a, b, c -> c > 0);
            case GREATER_OR_EQUAL -> order(a, b, c -> c >= 0);
            case CONCAT -> a != null && a.isTextual() && b != null && b.isTextual()
                    ? Values.string(a.textValue() + b.textValue()) : null;
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, LEFT_SHIFT, RIGHT_SHIFT, ZERO_FILL_RIGHT_SHIFT -> bitwise(op, a, b);
            case AND -> and(a, b);
            case OR -> or(a, b);
            case COALESCE -> Values.isUndefined(a) ? b : a;
        };
    }

    /** {@code a AND b}: false when either side is false, true when both are true, else undefined. */
    static JsonNode and(JsonNode a, JsonNode b) {
        if (isFalse(a) || isFalse(b)) {
            return Values.FALSE;
        }
        return Values.isTrue(a) && Values.isTrue(b) ? Values.TRUE : null;
    }

    /** {@code a OR b}: true when either side is true, false when both are false, else undefined. */
    static JsonNode or(JsonNode a, JsonNode b) {
        if (Values.isTrue(a) || Values.isTrue(b)) {
            return Values.TRUE;
        }
        return isFalse(a) && isFalse(b) ? Values.FALSE : null;
    }

    /** True for the boolean {@code false}. */
    static boolean isFalse(JsonNode v) {
        return isBoolean(v) && !v.booleanValue();
    }

    /** The boolean node for a three-valued result. */
    static JsonNode bool(Boolean b) {
        return b == null ? null : Values.bool(b);
    }

    private static JsonNode order(JsonNode a, JsonNode b, java.util.function.IntPredicate test) {
        Integer c = Values.compare(a, b);
        return c == null ? null : Values.bool(test.test(c));
    }

    private static JsonNode arithmetic(BinaryOp op, JsonNode a, JsonNode b) {
        if (!isNumber(a) || !isNumber(b)) {
            return null;
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Values.number(switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            default -> x % y;
        });
    }

    private static JsonNode bitwise(BinaryOp op, JsonNode a, JsonNode b) {
        if (!isNumber(a) || !isNumber(b)) {
            return null;
        }
        int x = toInt32(a.doubleValue());
        int y = toInt32(b.doubleValue());
        return switch (op) {
            case BITWISE_AND -> Values.number(x & y);
            case BITWISE_OR -> Values.number(x | y);
            case BITWISE_XOR -> Values.number(x ^ y);
            case LEFT_SHIFT -> Values.number(x << (y & 31));
            case RIGHT_SHIFT -> Values.number(x >> (y & 31));
            default -> Values.number(Integer.toUnsignedLong(x >>> (y & 31)));
        };
    }

    /** JavaScript's ToInt32: NaN and infinities to 0, otherwise truncation modulo 2^32. */
    static int toInt32(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0;
        }
        double t = d < 0 ? Math.ceil(d) : Math.floor(d);
        double m = t % 4294967296.0;
        return (int) (long) m;
    }

    static boolean isNumber(JsonNode v) {
        return v != null && v.isNumber();
    }

    static boolean isBoolean(JsonNode v) {
        return v != null && v.isBoolean();
    }
}
