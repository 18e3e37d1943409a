package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.value.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * The text of a value as ToString writes it: strings as they are, arrays and objects as compact
 * JSON, numbers as the Cosmos DB backend prints them.
 *
 * <p>The backend prints a number the way C's {@code printf("%.15g")} does when that reads back as
 * the same double, else with {@code "%.17g"}, with at least three exponent digits: {@code 125},
 * {@code 0.1234}, {@code 2.0495371758495027e+018} (that last one is what Microsoft's own
 * offline query engine notes the backend answers for {@code ToString(2049537175849502700)}).
 * So exponent notation starts at 1e15 (1e17 for numbers that need 17 digits) and below 1e-4,
 * unlike JavaScript's 1e21 and 1e-6.
 */
final class ValueText {
    /** Integral doubles below this print as their long value: %.15g prints them in full. */
    private static final double PLAIN_INTEGER_LIMIT = 1e15;
    private static final int SHORT_PRECISION = 15;
    private static final int FULL_PRECISION = 17;
    /** %g switches to exponent notation below 10^-4. */
    private static final int MIN_PLAIN_EXPONENT = -4;
    private static final int MIN_EXPONENT_DIGITS = 3;

    private ValueText() {}

    /** The text of any value; null for undefined. */
    static String of(JsonNode v) {
        v = Values.defined(v);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        StringBuilder b = new StringBuilder();
        append(v, b);
        return b.toString();
    }

    /** A number as the backend prints it. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < PLAIN_INTEGER_LIMIT) {
            return Long.toString((long) d); // -0 prints as 0
        }
        String text = general(d, SHORT_PRECISION);
        return Double.parseDouble(text) == d ? text : general(d, FULL_PRECISION);
    }

    /** C's {@code %.<precision>g} (trailing zeros dropped) with three-digit exponents. */
    private static String general(double d, int precision) {
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        BigDecimal stripped = rounded.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = rounded.precision() - rounded.scale() - 1;
        StringBuilder b = new StringBuilder(d < 0 ? "-" : "");
        if (exponent < MIN_PLAIN_EXPONENT || exponent >= precision) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            String e = Integer.toString(Math.abs(exponent));
            b.append('e').append(exponent < 0 ? '-' : '+').append("0".repeat(Math.max(0, MIN_EXPONENT_DIGITS - e.length()))).append(e);
        } else {
            b.append(stripped.abs().toPlainString());
        }
        return b.toString();
    }

    private static void append(JsonNode v, StringBuilder b) {
        switch (Values.typeRank(v)) {
            case 0, 1 -> b.append("null");
            case 2 -> b.append(v.booleanValue());
            case 3 -> b.append(number(v.doubleValue()));
            case 4 -> appendQuoted(v.textValue(), b);
            case 5 -> {
                b.append('[');
                String sep = "";
                for (JsonNode e : v) {
                    b.append(sep);
                    append(e, b);
                    sep = ",";
                }
                b.append(']');
            }
            default -> {
                b.append('{');
                String sep = "";
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.append(sep);
                    appendQuoted(e.getKey(), b);
                    b.append(':');
                    append(e.getValue(), b);
                    sep = ",";
                }
                b.append('}');
            }
        }
    }

    /** A JSON string literal: quote, backslash and control characters escaped, everything else as is. */
    private static void appendQuoted(String s, StringBuilder b) {
        b.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
