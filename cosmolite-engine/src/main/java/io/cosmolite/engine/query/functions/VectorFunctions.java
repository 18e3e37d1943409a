package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgReaders.arg;
import static io.cosmolite.engine.query.functions.ArgReaders.array;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.List;
import java.util.Locale;

/**
 * VectorDistance(v1, v2 [, bruteForce [, {distanceFunction, dataType, ...}]]): the similarity of
 * two equal-length numeric arrays, cosine by default ({@code -1} to {@code 1}), or
 * {@code dotproduct} or {@code euclidean}. The result is always computed exactly (the brute-force
 * flag only chooses an index in Cosmos DB, and the data type only its storage). Arrays that are
 * not all numbers, of different lengths or empty, a non-boolean flag, a non-object options value
 * or an unknown distance function yield undefined, as does the cosine of a zero vector.
 */
final class VectorFunctions {
    private VectorFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(new BuiltinFunction("VectorDistance", Family.VECTOR, 2, 4, (a, c) -> distance(a)));
    }

    private static JsonNode distance(JsonNode[] args) {
        double[] x = vector(arg(args, 0));
        double[] y = vector(arg(args, 1));
        if (x == null || y == null || x.length != y.length || x.length == 0) {
            return null;
        }
        if (args.length > 2 && ArgReaders.bool(arg(args, 2)) == null) {
            return null;
        }
        String function = "cosine";
        if (args.length > 3) {
            JsonNode options = arg(args, 3);
            if (options == null || !options.isObject()) {
                return null;
            }
            JsonNode f = options.get("distanceFunction");
            if (f != null) {
                if (!f.isTextual()) {
                    return null;
                }
                function = f.textValue().toLowerCase(Locale.ROOT);
            }
        }
        double dot = 0;
        double xx = 0;
        double yy = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
            squares += (x[i] - y[i]) * (x[i] - y[i]);
        }
        double result = switch (function) {
            case "cosine" -> dot / Math.sqrt(xx * yy);
            case "dotproduct" -> dot;
            case "euclidean" -> Math.sqrt(squares);
            default -> Double.NaN;
        };
        return Double.isFinite(result) ? Values.number(result) : null;
    }

    private static double[] vector(JsonNode v) {
        JsonNode arr = array(v);
        if (arr == null) {
            return null;
        }
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            if (!arr.get(i).isNumber()) {
                return null;
            }
            out[i] = arr.get(i).doubleValue();
        }
        return out;
    }
}
