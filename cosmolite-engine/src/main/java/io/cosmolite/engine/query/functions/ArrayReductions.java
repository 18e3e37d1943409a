package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.value.Values;
import java.util.Arrays;
import java.util.List;

/**
 * The reductions over one array: ARRAY_SUM, ARRAY_AVG and ARRAY_MEDIAN (numbers only) and
 * ARRAY_MIN / ARRAY_MAX (numbers, strings, booleans and null, ranked string > number > boolean >
 * null as Cosmos DB documents). Undefined elements are ignored; any other misfit element, or a
 * value that is not an array, yields undefined.
 */
final class ArrayReductions {
    private ArrayReductions() {}

    static JsonNode sum(JsonNode arr) {
        double[] xs = numbers(arr);
        if (xs == null) {
            return null;
        }
        double total = 0;
        for (double x : xs) {
            total += x;
        }
        return Values.number(total);
    }

    static JsonNode avg(JsonNode arr) {
        double[] xs = numbers(arr);
        if (xs == null || xs.length == 0) {
            return null;
        }
        double total = 0;
        for (double x : xs) {
            total += x;
        }
        return Values.number(total / xs.length);
    }

    static JsonNode median(JsonNode arr) {
        double[] xs = numbers(arr);
        if (xs == null || xs.length == 0) {
            return null;
        }
        Arrays.sort(xs);
        int mid = xs.length / 2;
        return Values.number(xs.length % 2 == 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2);
    }

    static JsonNode extreme(JsonNode arr, boolean max) {
        if (arr == null) {
            return null;
        }
        JsonNode best = null;
        for (JsonNode e : ArrayFunctions.definedElements(arr)) {
            if (e.isArray() || e.isObject()) {
                return null;
            }
            if (best == null) {
                best = e;
                continue;
            }
            // sortCompare ranks null < boolean < number < string, the documented priority.
            int c = Values.sortCompare(e, best);
            if (max ? c > 0 : c < 0) {
                best = e;
            }
        }
        return best;
    }

    private static double[] numbers(JsonNode arr) {
        if (arr == null) {
            return null;
        }
        List<JsonNode> elements = ArrayFunctions.definedElements(arr);
        double[] out = new double[elements.size()];
        for (int i = 0; i < out.length; i++) {
            if (!elements.get(i).isNumber()) {
                return null;
            }
            out[i] = elements.get(i).doubleValue();
        }
        return out;
    }
}
