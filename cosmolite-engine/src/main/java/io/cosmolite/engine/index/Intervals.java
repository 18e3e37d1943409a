package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.index.IndexLookup.Interval;

/**
 * Runs of encoded values for index lookups: equality, ranges within one type (the only ones the
 * comparison operators can match: {@code 1 < "a"} is undefined), string prefixes, "any defined
 * value" and everything. Each takes whether the component is stored descending (inverted), where
 * a value range maps to the mirrored run of keys.
 */
public final class Intervals {
    private Intervals() {}

    /** The encoding of one component value, inverted when {@code descending}. */
    public static byte[] point(JsonNode value, boolean descending) {
        return IndexKeyCodec.encode(value, descending);
    }

    /** Entries whose value equals {@code value}. */
    public static Interval equal(JsonNode value, boolean descending) {
        byte[] p = point(value, descending);
        return new Interval(p, IndexKeyCodec.prefixEnd(p));
    }

    /**
     * Entries whose value lies between the bounds, within the type of the bounds (a missing bound
     * is the end of that type); null when the bounds have different types or are not scalars.
     */
    public static Interval range(JsonNode low, boolean lowInclusive, JsonNode high, boolean highInclusive,
                                 boolean descending) {
        JsonNode typed = low != null ? low : high;
        if (typed == null || !IndexKeyCodec.isScalar(typed) || typed.isMissingNode()
                || (low != null && high != null && rank(low) != rank(high))) {
            return null;
        }
        byte[] typeStart = {typeStart(typed)};
        byte[] typeEnd = {typeEnd(typed)};
        if (!descending) {
            byte[] from = low == null ? typeStart : lowInclusive ? point(low, false) : IndexKeyCodec.prefixEnd(point(low, false));
            byte[] to = high == null ? typeEnd : highInclusive ? IndexKeyCodec.prefixEnd(point(high, false)) : point(high, false);
            return new Interval(from, to);
        }
        byte[] from = high == null ? new byte[] {(byte) ~(typeEnd[0] - 1)}
                : highInclusive ? point(high, true) : IndexKeyCodec.prefixEnd(point(high, true));
        byte[] to = low == null ? new byte[] {(byte) (~typeStart[0] + 1)}
                : lowInclusive ? IndexKeyCodec.prefixEnd(point(low, true)) : point(low, true);
        return new Interval(from, to);
    }

    /** Strings starting with {@code prefix} (case-sensitive). */
    public static Interval prefix(String prefix, boolean descending) {
        byte[] p = IndexKeyCodec.stringPrefix(prefix);
        if (descending) {
            p = IndexKeyCodec.invert(p);
        }
        return new Interval(p, IndexKeyCodec.prefixEnd(p));
    }

    /** Every value but undefined (arrays and objects included). */
    public static Interval defined(boolean descending) {
        return descending
                ? new Interval(new byte[] {(byte) ~IndexKeyCodec.OBJECT}, new byte[] {(byte) (~IndexKeyCodec.NULL + 1)})
                : new Interval(new byte[] {IndexKeyCodec.NULL}, new byte[] {IndexKeyCodec.OBJECT + 1});
    }

    /** Every entry of the index. */
    public static Interval all() {
        return new Interval(new byte[0], null);
    }

    /** {@code inner} under a prefix of components (the equality columns of a composite lookup). */
    public static Interval within(byte[] prefix, Interval inner) {
        if (inner.to() == null && inner.from().length == 0) {
            return new Interval(prefix, IndexKeyCodec.prefixEnd(prefix));
        }
        return new Interval(concat(prefix, inner.from()),
                inner.to() == null ? IndexKeyCodec.prefixEnd(prefix) : concat(prefix, inner.to()));
    }

    /** Concatenates encoded components. */
    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int rank(JsonNode v) {
        return typeStart(v);
    }

    private static byte typeStart(JsonNode v) {
        if (v.isNull()) {
            return IndexKeyCodec.NULL;
        }
        if (v.isBoolean()) {
            return IndexKeyCodec.FALSE;
        }
        return v.isNumber() ? IndexKeyCodec.NUMBER : IndexKeyCodec.STRING;
    }

    private static byte typeEnd(JsonNode v) {
        return (byte) ((v.isBoolean() ? IndexKeyCodec.TRUE : typeStart(v)) + 1);
    }
}
