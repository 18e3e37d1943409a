package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgumentChecks.arg;
import static io.cosmolite.engine.query.functions.ArgumentChecks.isNumber;
import static io.cosmolite.engine.query.functions.ArgumentChecks.present;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The mathematical functions. Every argument must be a number, else the result is undefined;
 * results are IEEE doubles, and NaN and the infinities are values (IS_FINITE_NUMBER tells them
 * apart), left for the serializer to drop.
 */
final class MathFunctions {
    private static final JsonNode PI = Values.number(Math.PI);

    private MathFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                unary("ABS", Math::abs),
                unary("ACOS", Math::acos),
                unary("ASIN", Math::asin),
                unary("ATAN", Math::atan),
                binary("ATN2", Math::atan2),
                unary("CEILING", Math::ceil),
                unary("COS", Math::cos),
                unary("COT", x -> 1 / Math.tan(x)),
                unary("DEGREES", x -> 180 / Math.PI * x),
                unary("EXP", Math::exp),
                unary("FLOOR", Math::floor),
                function("LOG", 1, 2, MathFunctions::log),
                unary("LOG10", Math::log10),
                function("NumberBin", 1, 2, MathFunctions::numberBin),
                function("PI", 0, 0, (args, ctx) -> PI),
                binary("POWER", Math::pow),
                unary("RADIANS", x -> Math.PI * x / 180),
                function("RAND", 0, 0, (args, ctx) -> Values.number(ThreadLocalRandom.current().nextDouble())),
                unary("ROUND", MathFunctions::roundHalfAwayFromZero),
                unary("SIGN", Math::signum),
                unary("SIN", Math::sin),
                unary("SQRT", Math::sqrt),
                unary("SQUARE", x -> x * x),
                unary("TAN", Math::tan),
                unary("TRUNC", MathFunctions::truncate));
    }

    /** ROUND: midpoints go away from zero (2.5 to 3, -2.5 to -3), unlike Math.round. */
    static double roundHalfAwayFromZero(double x) {
        double t = truncate(x);
        return Math.abs(x - t) >= 0.5 ? t + Math.signum(x) : t;
    }

    private static double truncate(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /** LOG(x) is the natural logarithm; LOG(x, b) goes through log10 so that LOG(x, 10) equals LOG10(x). */
    private static JsonNode log(JsonNode[] args, FunctionContext ctx) {
        JsonNode x = args[0];
        if (!isNumber(x)) {
            return null;
        }
        if (!present(args, 1)) {
            return Values.number(Math.log(x.doubleValue()));
        }
        JsonNode base = args[1];
        if (!isNumber(base)) {
            return null;
        }
        return Values.number(Math.log10(x.doubleValue()) / Math.log10(base.doubleValue()));
    }

    /** NumberBin(x [, size]): x rounded down to a multiple of size (default 1); size 0 is undefined. */
    private static JsonNode numberBin(JsonNode[] args, FunctionContext ctx) {
        JsonNode x = args[0];
        JsonNode size = arg(args, 1);
        if (!isNumber(x) || present(args, 1) && !isNumber(size)) {
            return null;
        }
        double bin = size == null ? 1 : size.doubleValue();
        if (bin == 0) {
            return null;
        }
        return Values.number(Math.floor(x.doubleValue() / bin) * bin);
    }

    private static BuiltinFunction unary(String name, DoubleUnaryOperator op) {
        return function(name, 1, 1, (args, ctx) ->
                isNumber(args[0]) ? Values.number(op.applyAsDouble(args[0].doubleValue())) : null);
    }

    private static BuiltinFunction binary(String name, DoubleBinaryOperator op) {
        return function(name, 2, 2, (args, ctx) -> isNumber(args[0]) && isNumber(args[1])
                ? Values.number(op.applyAsDouble(args[0].doubleValue(), args[1].doubleValue()))
                : null);
    }

    private static BuiltinFunction function(String name, int min, int max, Body body) {
        return ArgumentChecks.function(name, Family.MATHEMATICAL, min, max, body);
    }
}
