package io.cosmolite.engine.query.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test-only evaluator for the constant expressions of the function samples (literals, arrays,
 * objects, property and index access, unary minus, {@code + - * /} on numbers, and built-in
 * function calls through {@link Functions#lookup}), so that tests can be written as the
 * documentation writes them: {@code eval("CONCAT('a', 'b')")}. It is no query parser: it knows
 * no clauses, no parameters and no comparison or logical operators. Variables are bound by name.
 */
final class TestExpressions {
    static final FunctionContext CONTEXT = new FunctionContext(Instant.parse("2024-01-01T00:00:00Z"));

    private final String text;
    private final Map<String, JsonNode> variables;
    private int pos;

    private TestExpressions(String text, Map<String, JsonNode> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** The value of a constant expression; null for undefined. */
    static JsonNode eval(String expression) {
        return eval(expression, Map.of());
    }

    /** The value of an expression whose identifiers name the given values. */
    static JsonNode eval(String expression, Map<String, JsonNode> variables) {
        TestExpressions p = new TestExpressions(expression, variables);
        JsonNode v = p.additive();
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw p.error("unexpected text");
        }
        return v;
    }

    /**
     * Asserts that an expression evaluates to the expected value, written as JSON, or as
     * {@code undefined}, {@code NaN}, {@code Infinity} or {@code -Infinity}. Numbers must match
     * exactly, and by node kind as well ({@code 2} is not {@code 2.0}).
     */
    static void check(String expression, String expected) {
        JsonNode actual = eval(expression);
        switch (expected) {
            case "undefined" -> assertThat(actual).as(expression).isNull();
            case "NaN", "Infinity", "-Infinity" -> assertThat(actual).as(expression)
                    .isEqualTo(DoubleNode.valueOf(Double.parseDouble(expected)));
            default -> assertThat(actual).as(expression).isEqualTo(Json.parse(expected));
        }
    }

    /** Calls a function by name with already-built arguments. */
    static JsonNode call(String name, JsonNode... args) {
        BuiltinFunction f = Functions.lookup(name);
        if (f == null) {
            throw new IllegalArgumentException("no function " + name);
        }
        if (args.length < f.minArgs() || args.length > f.maxArgs()) {
            throw new IllegalArgumentException(name + " takes " + f.minArgs() + ".." + f.maxArgs() + " arguments");
        }
        return f.body().apply(args, CONTEXT);
    }

    private JsonNode additive() {
        JsonNode v = multiplicative();
        while (true) {
            skipSpace();
            if (eat('+')) {
                v = arithmetic(v, multiplicative(), '+');
            } else if (peek() == '-') {
                pos++;
                v = arithmetic(v, multiplicative(), '-');
            } else {
                return v;
            }
        }
    }

    private JsonNode multiplicative() {
        JsonNode v = unary();
        while (true) {
            skipSpace();
            if (eat('*')) {
                v = arithmetic(v, unary(), '*');
            } else if (eat('/')) {
                v = arithmetic(v, unary(), '/');
            } else {
                return v;
            }
        }
    }

    private static JsonNode arithmetic(JsonNode a, JsonNode b, char op) {
        if (a == null || b == null || !a.isNumber() || !b.isNumber()) {
            return null;
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Values.number(switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> x / y;
        });
    }

    private JsonNode unary() {
        skipSpace();
        if (eat('-')) {
            JsonNode v = unary();
            return v != null && v.isNumber() ? Values.number(-v.doubleValue()) : null;
        }
        return postfix(primary());
    }

    private JsonNode postfix(JsonNode v) {
        while (true) {
            skipSpace();
            if (eat('.')) {
                String name = identifier();
                v = v != null && v.isObject() ? v.get(name) : null;
            } else if (eat('[')) {
                JsonNode index = additive();
                expect(']');
                v = index(v, index);
            } else {
                return v;
            }
        }
    }

    private static JsonNode index(JsonNode target, JsonNode index) {
        if (target == null || index == null) {
            return null;
        }
        if (target.isArray() && index.isNumber()) {
            return target.get(index.intValue());
        }
        return target.isObject() && index.isTextual() ? target.get(index.textValue()) : null;
    }

    private JsonNode primary() {
        skipSpace();
        char c = peek();
        if (c == '"' || c == '\'') {
            return Values.string(stringLiteral());
        }
        if (Character.isDigit(c)) {
            return numberLiteral();
        }
        if (eat('[')) {
            ArrayNode array = Json.NODES.arrayNode();
            for (JsonNode e : list(']')) {
                if (e != null) {
                    array.add(e);
                }
            }
            return array;
        }
        if (eat('{')) {
            return objectLiteral();
        }
        if (eat('(')) {
            JsonNode v = additive();
            expect(')');
            return v;
        }
        String name = identifier();
        skipSpace();
        if (eat('(')) {
            return call(name, list(')').toArray(new JsonNode[0]));
        }
        return switch (name) {
            case "true" -> Values.TRUE;
            case "false" -> Values.FALSE;
            case "null" -> Values.NULL;
            case "undefined" -> null;
            case "NaN" -> DoubleNode.valueOf(Double.NaN);
            case "Infinity" -> DoubleNode.valueOf(Double.POSITIVE_INFINITY);
            default -> {
                if (!variables.containsKey(name)) {
                    throw error("unknown identifier " + name);
                }
                yield variables.get(name);
            }
        };
    }

    private List<JsonNode> list(char close) {
        List<JsonNode> items = new ArrayList<>();
        skipSpace();
        if (eat(close)) {
            return items;
        }
        do {
            items.add(additive());
            skipSpace();
        } while (eat(','));
        expect(close);
        return items;
    }

    private ObjectNode objectLiteral() {
        ObjectNode o = Json.object();
        skipSpace();
        if (eat('}')) {
            return o;
        }
        do {
            skipSpace();
            String key = peek() == '"' || peek() == '\'' ? stringLiteral() : identifier();
            skipSpace();
            expect(':');
            JsonNode v = additive();
            if (v != null) {
                o.set(key, v);
            }
            skipSpace();
        } while (eat(','));
        expect('}');
        return o;
    }

    private JsonNode numberLiteral() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(peek()) || "+-.eE".indexOf(peek()) >= 0)) {
            if ((peek() == '+' || peek() == '-') && "eE".indexOf(text.charAt(pos - 1)) < 0) {
                break;
            }
            pos++;
        }
        String literal = text.substring(start, pos);
        if (literal.matches("\\d+")) {
            try {
                return ArgumentChecks.integer(Long.parseLong(literal));
            } catch (NumberFormatException tooBig) {
                return DoubleNode.valueOf(Double.parseDouble(literal));
            }
        }
        return Values.number(Double.parseDouble(literal));
    }

    private String stringLiteral() {
        char quote = text.charAt(pos++);
        StringBuilder b = new StringBuilder();
        while (peek() != quote) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        pos++;
        return b.toString();
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("identifier expected");
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean eat(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at " + pos + " in: " + text);
    }
}
