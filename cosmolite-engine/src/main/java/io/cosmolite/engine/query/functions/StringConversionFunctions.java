package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgumentChecks.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.functions.BuiltinFunction.Body;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.List;

/**
 * The string functions that convert between strings and other values: ToString, the StringTo*
 * parsers, StringJoin and StringSplit. Part of {@link StringFunctions}' family.
 *
 * <p>The parsers read their argument as strict JSON (surrounding whitespace allowed, nothing else
 * after the value) and answer undefined when it is not JSON of the wanted type: single-quoted
 * strings, {@code NaN}, {@code TRUE} and the like are not JSON.
 */
final class StringConversionFunctions {
    private StringConversionFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                function("StringJoin", 2, 2, StringConversionFunctions::join),
                function("StringSplit", 2, 2, StringConversionFunctions::split),
                parser("StringToArray", JsonNodeType.ARRAY),
                parser("StringToBoolean", JsonNodeType.BOOLEAN),
                parser("StringToNull", JsonNodeType.NULL),
                parser("StringToNumber", JsonNodeType.NUMBER),
                parser("StringToObject", JsonNodeType.OBJECT),
                function("ToString", 1, 1, (args, ctx) -> {
                    String text = ValueText.of(args[0]);
                    return text == null ? null : Values.string(text);
                }));
    }

    /** StringJoin(array, separator): the array's strings joined; undefined if any element is not a string. */
    private static JsonNode join(JsonNode[] args, FunctionContext ctx) {
        JsonNode array = args[0];
        String separator = string(args[1]);
        if (array == null || !array.isArray() || separator == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            String s = string(array.get(i));
            if (s == null) {
                return null;
            }
            b.append(i == 0 ? "" : separator).append(s);
        }
        return Values.string(b.toString());
    }

    /**
     * StringSplit(s, separator): the pieces between literal occurrences of the separator, empty
     * pieces kept; an empty separator gives the whole string as the one piece.
     */
    private static JsonNode split(JsonNode[] args, FunctionContext ctx) {
        String s = string(args[0]);
        String separator = string(args[1]);
        if (s == null || separator == null) {
            return null;
        }
        ArrayNode pieces = Json.NODES.arrayNode();
        if (separator.isEmpty()) {
            return pieces.add(s);
        }
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
            pieces.add(s.substring(from, at));
            from = at + separator.length();
        }
        return pieces.add(s.substring(from));
    }

    private static BuiltinFunction parser(String name, JsonNodeType wanted) {
        return function(name, 1, 1, (args, ctx) -> {
            String text = string(args[0]);
            JsonNode parsed = text == null ? null : parseJson(text);
            if (parsed == null || parsed.getNodeType() != wanted) {
                return null;
            }
            if (parsed.isNumber()) {
                double d = parsed.doubleValue();
                return Double.isFinite(d) ? Values.number(d) : null;
            }
            return parsed;
        });
    }

    /** The JSON value the text holds; null when it is not exactly one JSON value. */
    private static JsonNode parseJson(String text) {
        try {
            return Values.defined(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static BuiltinFunction function(String name, int min, int max, Body body) {
        return ArgumentChecks.function(name, Family.STRING, min, max, body);
    }
}
