package io.cosmolite.engine.query.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Query values are Jackson nodes; {@code undefined} is Java {@code null} (a {@code MissingNode}
 * counts as undefined too). Numbers are IEEE doubles in Cosmos DB: every arithmetic result goes
 * through {@link #number(double)} so that integral values print without a fraction ({@code 20},
 * not {@code 20.0}).
 *
 * <p>Two orders exist. {@link #compare} is the operator order: it is defined only between two
 * values of the same primitive type and is undefined (null) otherwise, as {@code 1 < "a"} is in
 * Cosmos DB. {@link #sortCompare} is the total order ORDER BY, DISTINCT and GROUP BY use:
 * undefined, null, booleans, numbers, strings, arrays, objects.
 */
public final class Values {
    /** The JSON {@code true} value. */
    public static final JsonNode TRUE = BooleanNode.TRUE;
    /** The JSON {@code false} value. */
    public static final JsonNode FALSE = BooleanNode.FALSE;
    /** The JSON {@code null} value (not undefined). */
    public static final JsonNode NULL = NullNode.instance;

    /** Integral doubles below this magnitude print as plain integers, as Cosmos DB prints ticks. */
    private static final double MAX_PLAIN_INTEGER = 9.2e18;

    private Values() {}

    /** True for undefined: Java null or a missing node. */
    public static boolean isUndefined(JsonNode v) {
        return v == null || v.isMissingNode();
    }

    /** The value with missing nodes turned into Java null. */
    public static JsonNode defined(JsonNode v) {
        return v == null || v.isMissingNode() ? null : v;
    }

    /** A boolean node. */
    public static JsonNode bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** A string node. */
    public static JsonNode string(String s) {
        return TextNode.valueOf(s);
    }

    /**
     * A number node: integral values that fit a long as integer nodes, everything else (fractions,
     * huge values, infinities and NaN) as doubles. Callers that produce JSON must treat non-finite
     * values as undefined.
     */
    public static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < MAX_PLAIN_INTEGER && !(d == 0 && 1 / d < 0)) {
            long l = (long) d;
            return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
        }
        if (d == 0) {
            return IntNode.valueOf(0);
        }
        return DoubleNode.valueOf(d);
    }

    /** True when the value is exactly the boolean {@code true} (what WHERE keeps). */
    public static boolean isTrue(JsonNode v) {
        return v != null && v.isBoolean() && v.booleanValue();
    }

    /** Cosmos DB's rank of a value's type: undefined 0, null 1, boolean 2, number 3, string 4, array 5, object 6. */
    public static int typeRank(JsonNode v) {
        if (isUndefined(v)) {
            return 0;
        }
        return switch (v.getNodeType()) {
            case NULL -> 1;
            case BOOLEAN -> 2;
            case NUMBER -> 3;
            case STRING -> 4;
            case ARRAY -> 5;
            case OBJECT, POJO -> 6;
            default -> 4; // binary never occurs in parsed JSON
        };
    }

    /**
     * The operator order ({@code <}, {@code <=}, {@code >}, {@code >=}): negative, zero or
     * positive for two nulls, booleans, numbers or strings of the same type; null (undefined)
     * for undefined operands, mixed types, arrays and objects.
     */
    public static Integer compare(JsonNode a, JsonNode b) {
        int ra = typeRank(a);
        if (ra == 0 || ra != typeRank(b) || ra >= 5) {
            return null;
        }
        return sameTypeCompare(ra, a, b);
    }

    /**
     * Equality ({@code =}): true or false for two defined values of the same type, compared
     * structurally (numbers by value, objects regardless of key order); null (undefined) when
     * either side is undefined or the types differ.
     */
    public static Boolean equal(JsonNode a, JsonNode b) {
        int ra = typeRank(a);
        if (ra == 0 || ra != typeRank(b)) {
            return null;
        }
        return deepEquals(a, b);
    }

    /** Structural equality of two values, undefined equal only to undefined; numbers by value. */
    public static boolean deepEquals(JsonNode a, JsonNode b) {
        int ra = typeRank(a);
        if (ra != typeRank(b)) {
            return false;
        }
        switch (ra) {
            case 0, 1:
                return true;
            case 2:
                return a.booleanValue() == b.booleanValue();
            case 3:
                return a.doubleValue() == b.doubleValue();
            case 4:
                return a.textValue().equals(b.textValue());
            case 5: {
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!deepEquals(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            default: {
                if (a.size() != b.size()) {
                    return false;
                }
                Iterator<Map.Entry<String, JsonNode>> it = a.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode other = b.get(e.getKey());
                    if (other == null || !deepEquals(e.getValue(), other)) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    /**
     * The total order used by ORDER BY, DISTINCT and GROUP BY: by type rank first (undefined,
     * null, boolean, number, string, array, object), then by value; arrays element by element,
     * objects by their sorted properties.
     */
    public static int sortCompare(JsonNode a, JsonNode b) {
        int ra = typeRank(a);
        int rb = typeRank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra == 5) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = sortCompare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
        if (ra == 6) {
            List<String> ka = sortedKeys(a);
            List<String> kb = sortedKeys(b);
            int n = Math.min(ka.size(), kb.size());
            for (int i = 0; i < n; i++) {
                int c = ka.get(i).compareTo(kb.get(i));
                if (c != 0) {
                    return c;
                }
                c = sortCompare(a.get(ka.get(i)), b.get(kb.get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(ka.size(), kb.size());
        }
        return sameTypeCompare(ra, a, b);
    }

    /**
     * A string equal for two values exactly when {@link #deepEquals} holds: the grouping and
     * DISTINCT key.
     */
    public static String canonicalKey(JsonNode v) {
        StringBuilder b = new StringBuilder();
        appendKey(v, b);
        return b.toString();
    }

    private static void appendKey(JsonNode v, StringBuilder b) {
        switch (typeRank(v)) {
            case 0 -> b.append('u');
            case 1 -> b.append('n');
            case 2 -> b.append(v.booleanValue() ? 't' : 'f');
            case 3 -> {
                double d = v.doubleValue();
                b.append('#').append(d == 0 ? 0d : d).append(';');
            }
            case 4 -> b.append('"').append(v.textValue().length()).append(':').append(v.textValue());
            case 5 -> {
                b.append('[');
                for (JsonNode e : v) {
                    appendKey(e, b);
                    b.append(',');
                }
                b.append(']');
            }
            default -> {
                b.append('{');
                for (String k : sortedKeys(v)) {
                    b.append(k.length()).append(':').append(k);
                    appendKey(v.get(k), b);
                    b.append(',');
                }
                b.append('}');
            }
        }
    }

    private static int sameTypeCompare(int rank, JsonNode a, JsonNode b) {
        return switch (rank) {
            case 0, 1 -> 0;
            case 2 -> Boolean.compare(a.booleanValue(), b.booleanValue());
            case 3 -> Double.compare(a.doubleValue() == 0 ? 0d : a.doubleValue(), b.doubleValue() == 0 ? 0d : b.doubleValue());
            default -> compareStrings(a.textValue(), b.textValue());
        };
    }

    /** Ordinal string order by Unicode code point (the order of the UTF-8 bytes). */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static List<String> sortedKeys(JsonNode o) {
        List<String> keys = new ArrayList<>(o.size());
        o.fieldNames().forEachRemaining(keys::add);
        keys.sort(Values::compareStrings);
        return keys;
    }
}
