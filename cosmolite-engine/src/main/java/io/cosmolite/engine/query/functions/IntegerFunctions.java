package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgumentChecks.int64;
import static io.cosmolite.engine.query.functions.ArgumentChecks.integer;
import static io.cosmolite.engine.query.functions.ArgumentChecks.isInt64;

import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * The 64-bit integer functions (IntAdd and kin). Each argument must be a whole number within the
 * signed 64-bit range, else the result is undefined; arithmetic wraps around as two's complement
 * does, division truncates toward zero, and dividing by zero is undefined.
 */
final class IntegerFunctions {
    private IntegerFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                binary("IntAdd", (a, b) -> a + b, false),
                binary("IntBitAnd", (a, b) -> a & b, false),
                binary("IntBitLeftShift", (a, b) -> a << b, false),
                ArgumentChecks.function("IntBitNot", Family.INTEGER, 1, 1,
                        (args, ctx) -> isInt64(args[0]) ? integer(~int64(args[0])) : null),
                binary("IntBitOr", (a, b) -> a | b, false),
                binary("IntBitRightShift", (a, b) -> a >> b, false),
                binary("IntBitXor", (a, b) -> a ^ b, false),
                binary("IntDiv", (a, b) -> a / b, true),
                binary("IntMod", (a, b) -> a % b, true),
                binary("IntMul", (a, b) -> a * b, false),
                binary("IntSub", (a, b) -> a - b, false));
    }

    private static BuiltinFunction binary(String name, LongBinaryOperator op, boolean divides) {
        return ArgumentChecks.function(name, Family.INTEGER, 2, 2, (args, ctx) -> {
            if (!isInt64(args[0]) || !isInt64(args[1])) {
                return null;
            }
            long b = int64(args[1]);
            if (divides && b == 0) {
                return null;
            }
            return integer(op.applyAsLong(int64(args[0]), b));
        });
    }
}
