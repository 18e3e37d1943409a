package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgReaders.arg;
import static io.cosmolite.engine.query.functions.ArgReaders.array;
import static io.cosmolite.engine.query.functions.ArgReaders.integer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The array functions: ARRAY_CONCAT, ARRAY_CONTAINS (with partial object match),
 * ARRAY_CONTAINS_ALL, ARRAY_CONTAINS_ANY, ARRAY_LENGTH, ARRAY_SLICE, the numeric reductions
 * ARRAY_SUM, ARRAY_AVG, ARRAY_MEDIAN, ARRAY_MIN, ARRAY_MAX, and the set functions SetIntersect,
 * SetUnion, SetDifference and SetEqual. A first argument that is not an array yields undefined.
 * (CHOOSE and ObjectToArray, which the documentation also lists under arrays, live with the
 * conditional and item families.)
 */
final class ArrayFunctions {
    private ArrayFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                fn("ARRAY_CONCAT", 2, Integer.MAX_VALUE, ArrayFunctions::concat),
                fn("ARRAY_CONTAINS", 2, 3, ArrayFunctions::contains),
                fn("ARRAY_CONTAINS_ALL", 2, Integer.MAX_VALUE, (a, c) -> containsEach(a, true)),
                fn("ARRAY_CONTAINS_ANY", 2, Integer.MAX_VALUE, (a, c) -> containsEach(a, false)),
                fn("ARRAY_LENGTH", 1, 1, (a, c) -> {
                    JsonNode arr = array(arg(a, 0));
                    return arr == null ? null : Values.number(arr.size());
                }),
                fn("ARRAY_SLICE", 2, 3, ArrayFunctions::slice),
                fn("ARRAY_SUM", 1, 1, (a, c) -> ArrayReductions.sum(array(arg(a, 0)))),
                fn("ARRAY_AVG", 1, 1, (a, c) -> ArrayReductions.avg(array(arg(a, 0)))),
                fn("ARRAY_MEDIAN", 1, 1, (a, c) -> ArrayReductions.median(array(arg(a, 0)))),
                fn("ARRAY_MIN", 1, 1, (a, c) -> ArrayReductions.extreme(array(arg(a, 0)), false)),
                fn("ARRAY_MAX", 1, 1, (a, c) -> ArrayReductions.extreme(array(arg(a, 0)), true)),
                fn("SetIntersect", 2, 2, (a, c) -> setOp(a, SetOp.INTERSECT)),
                fn("SetUnion", 2, 2, (a, c) -> setOp(a, SetOp.UNION)),
                fn("SetDifference", 2, 2, (a, c) -> setOp(a, SetOp.DIFFERENCE)),
                fn("SetEqual", 2, 2, ArrayFunctions::setEqual));
    }

    private static BuiltinFunction fn(String name, int min, int max, Body body) {
        return new BuiltinFunction(name, Family.ARRAY, min, max, body);
    }

    private static JsonNode concat(JsonNode[] args, FunctionContext ctx) {
        ArrayNode out = Json.NODES.arrayNode();
        for (int i = 0; i < args.length; i++) {
            JsonNode arr = array(arg(args, i));
            if (arr == null) {
                return null;
            }
            out.addAll((ArrayNode) arr);
        }
        return out;
    }

    private static JsonNode contains(JsonNode[] args, FunctionContext ctx) {
        JsonNode arr = array(arg(args, 0));
        JsonNode wanted = arg(args, 1);
        if (arr == null || wanted == null) {
            return null;
        }
        boolean partial = false;
        if (args.length > 2) {
            Boolean p = ArgReaders.bool(arg(args, 2));
            if (p == null) {
                return null;
            }
            partial = p;
        }
        for (JsonNode element : arr) {
            if (partial ? partialMatch(element, wanted) : Values.deepEquals(element, wanted)) {
                return Values.TRUE;
            }
        }
        return Values.FALSE;
    }

    /** A partial match: for two objects, every property of {@code wanted} equals the element's. */
    private static boolean partialMatch(JsonNode element, JsonNode wanted) {
        if (!wanted.isObject() || !element.isObject()) {
            return Values.deepEquals(element, wanted);
        }
        var it = wanted.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode actual = element.get(e.getKey());
            if (actual == null || !Values.deepEquals(actual, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * ARRAY_CONTAINS_ALL and _ANY look the values up one at a time, in order, and stop at the
     * first decisive one; an undefined value reached before that makes the result undefined,
     * which is what Cosmos DB's documented examples show.
     */
    private static JsonNode containsEach(JsonNode[] args, boolean all) {
        JsonNode arr = array(arg(args, 0));
        if (arr == null) {
            return null;
        }
        for (int i = 1; i < args.length; i++) {
            JsonNode wanted = arg(args, i);
            if (wanted == null) {
                return null;
            }
            boolean found = false;
            for (JsonNode element : arr) {
                if (Values.deepEquals(element, wanted)) {
                    found = true;
                    break;
                }
            }
            if (found != all) {
                return Values.bool(found);
            }
        }
        return Values.bool(all);
    }

    private static JsonNode slice(JsonNode[] args, FunctionContext ctx) {
        JsonNode arr = array(arg(args, 0));
        Long start = integer(arg(args, 1));
        if (arr == null || start == null) {
            return null;
        }
        int size = arr.size();
        long from = start < 0 ? Math.max(0, size + start) : Math.min(start, size);
        long to = size;
        if (args.length > 2) {
            Long length = integer(arg(args, 2));
            if (length == null) {
                return null;
            }
            to = Math.max(from, Math.min(size, from + Math.max(0, length)));
        }
        ArrayNode out = Json.NODES.arrayNode();
        for (long i = from; i < to; i++) {
            out.add(arr.get((int) i));
        }
        return out;
    }

    private enum SetOp { INTERSECT, UNION, DIFFERENCE }

    /**
     * The set operations keep the first occurrence of each distinct value. SetIntersect walks the
     * second array (Cosmos DB answers {@code ["A", 1]} for {@code SetIntersect([1, 2, "A", "B"],
     * ["A", 1])}); SetUnion the first then the second; SetDifference the first.
     */
    private static JsonNode setOp(JsonNode[] args, SetOp op) {
        JsonNode first = array(arg(args, 0));
        JsonNode second = array(arg(args, 1));
        if (first == null || second == null) {
            return null;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        switch (op) {
            case INTERSECT -> {
                Map<String, JsonNode> left = distinct(first);
                for (JsonNode e : second) {
                    String key = Values.canonicalKey(e);
                    if (left.containsKey(key)) {
                        out.putIfAbsent(key, e);
                    }
                }
            }
            case UNION -> {
                out.putAll(distinct(first));
                distinct(second).forEach(out::putIfAbsent);
            }
            case DIFFERENCE -> {
                Map<String, JsonNode> right = distinct(second);
                distinct(first).forEach((k, v) -> {
                    if (!right.containsKey(k)) {
                        out.put(k, v);
                    }
                });
            }
        }
        ArrayNode result = Json.NODES.arrayNode();
        out.values().forEach(result::add);
        return result;
    }

    private static JsonNode setEqual(JsonNode[] args, FunctionContext ctx) {
        JsonNode first = array(arg(args, 0));
        JsonNode second = array(arg(args, 1));
        if (first == null || second == null) {
            return null;
        }
        return Values.bool(distinct(first).keySet().equals(distinct(second).keySet()));
    }

    private static Map<String, JsonNode> distinct(JsonNode arr) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode e : arr) {
            if (!Values.isUndefined(e)) {
                out.putIfAbsent(Values.canonicalKey(e), e);
            }
        }
        return out;
    }

    /** The elements of an array that are defined (an array built in a query may hold undefined). */
    static List<JsonNode> definedElements(JsonNode arr) {
        List<JsonNode> out = new ArrayList<>(arr.size());
        for (JsonNode e : arr) {
            if (!Values.isUndefined(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
