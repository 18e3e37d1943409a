package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The order-preserving byte encoding of indexed values: comparing two encodings as unsigned bytes
 * gives the order of Cosmos DB's ORDER BY for scalars (undefined &lt; null &lt; false &lt; true &lt;
 * numbers &lt; strings).
 *
 * <p>Each value starts with a type tag in that order. A number is its IEEE double with the sign
 * bit flipped (and every bit inverted for negatives), so byte order is numeric order; {@code -0}
 * is stored as {@code 0}. A string is its UTF-8 bytes (whose order is code-point order) with
 * {@code 0x00} escaped as {@code 00 FF} and ended by {@code 00 01}, so a string sorts before every
 * longer string it prefixes and every encoding is self-delimiting: tuples are plain
 * concatenations. A descending component is stored with every byte inverted, which reverses its
 * order and keeps it self-delimiting.
 *
 * <p>Arrays and objects are not values of a range index, but a path that holds one is defined:
 * they are stored as bare type markers after strings (arrays, then objects), with no content, so
 * that "is this path defined" is answered from the index. Among themselves they are unordered.
 */
public final class IndexKeyCodec {
    /** The type tags, in Cosmos's type order; 0x00 and 0xFF stay free for bounds. */
    static final byte UNDEFINED = 0x01;
    static final byte NULL = 0x02;
    static final byte FALSE = 0x03;
    static final byte TRUE = 0x04;
    static final byte NUMBER = 0x05;
    static final byte STRING = 0x06;
    static final byte ARRAY = 0x07;
    static final byte OBJECT = 0x08;

    private IndexKeyCodec() {}

    /** True for the values an index holds: undefined (null), JSON null, booleans, numbers and strings. */
    public static boolean isScalar(JsonNode v) {
        return v == null || v.isMissingNode() || v.isNull() || v.isBoolean() || v.isNumber() || v.isTextual();
    }

    /**
     * The encoding of one value ({@code null} or a missing node = undefined; arrays and objects
     * as their type markers), ascending.
     */
    public static byte[] encode(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        write(out, value, false);
        return out.toByteArray();
    }

    /** The encoding of one scalar, inverted when {@code descending}. */
    public static byte[] encode(JsonNode value, boolean descending) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        write(out, value, descending);
        return out.toByteArray();
    }

    /** Appends the encoding of {@code value} (a scalar) to {@code out}, inverted when {@code descending}. */
    static void write(ByteArrayOutputStream out, JsonNode value, boolean descending) {
        int start = out.size();
        if (value == null || value.isMissingNode()) {
            out.write(UNDEFINED);
        } else if (value.isNull()) {
            out.write(NULL);
        } else if (value.isBoolean()) {
            out.write(value.booleanValue() ? TRUE : FALSE);
        } else if (value.isNumber()) {
            out.write(NUMBER);
            writeNumber(out, value.doubleValue());
        } else if (value.isTextual()) {
            out.write(STRING);
            writeStringBody(out, value.textValue());
            out.write(0x00);
            out.write(0x01);
        } else if (value.isArray()) {
            out.write(ARRAY);
        } else if (value.isObject()) {
            out.write(OBJECT);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
        }
        if (descending) {
            invertTail(out, start);
        }
    }

    /** The bytes every encoding of a string starting with {@code prefix} starts with (ascending). */
    public static byte[] stringPrefix(String prefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length() + 1);
        out.write(STRING);
        writeStringBody(out, prefix);
        return out.toByteArray();
    }

    /** The one-byte region that holds every value of {@code value}'s type (ascending). */
    public static byte typeTag(JsonNode value) {
        return encode(value)[0];
    }

    /** Inverts every byte: the encoding of the same value in a descending component. */
    public static byte[] invert(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) ~bytes[i];
        }
        return out;
    }

    /** A decoded component and the offset just after it. */
    public record Decoded(JsonNode value, int end) {}

    /** Decodes the component at {@code offset}; {@code descending} components are read inverted. */
    public static Decoded decode(byte[] bytes, int offset, boolean descending) {
        int tag = at(bytes, offset, descending);
        int p = offset + 1;
        switch (tag) {
            case UNDEFINED:
                return new Decoded(null, p);
            case NULL:
                return new Decoded(NullNode.instance, p);
            case FALSE:
                return new Decoded(BooleanNode.FALSE, p);
            case TRUE:
                return new Decoded(BooleanNode.TRUE, p);
            case ARRAY:
                return new Decoded(JsonNodeFactory.instance.arrayNode(), p);
            case OBJECT:
                return new Decoded(JsonNodeFactory.instance.objectNode(), p);
            case NUMBER: {
                long bits = 0;
                for (int i = 0; i < 8; i++) {
                    bits = (bits << 8) | at(bytes, p + i, descending);
                }
                bits = bits < 0 ? bits & Long.MAX_VALUE : ~bits;
                return new Decoded(number(Double.longBitsToDouble(bits)), p + 8);
            }
            case STRING: {
                ByteArrayOutputStream s = new ByteArrayOutputStream();
                while (true) {
                    int b = at(bytes, p, descending);
                    if (b == 0) {
                        int next = at(bytes, p + 1, descending);
                        p += 2;
                        if (next == 0x01) {
                            break;
                        }
                        s.write(0);
                    } else {
                        s.write(b);
                        p++;
                    }
                }
                return new Decoded(TextNode.valueOf(s.toString(StandardCharsets.UTF_8)), p);
            }
            default:
                throw new IllegalArgumentException("not an index value encoding at " + offset);
        }
    }

    /** The offset just after the component at {@code offset}, without decoding it. */
    public static int skip(byte[] bytes, int offset, boolean descending) {
        int tag = at(bytes, offset, descending);
        if (tag == NUMBER) {
            return offset + 9;
        }
        if (tag != STRING) {
            return offset + 1;
        }
        int p = offset + 1;
        while (true) {
            if (at(bytes, p, descending) == 0) {
                if (at(bytes, p + 1, descending) == 0x01) {
                    return p + 2;
                }
                p += 2;
            } else {
                p++;
            }
        }
    }

    /**
     * The smallest byte string greater than every string starting with {@code prefix}, or null
     * when there is none (all bytes 0xFF).
     */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = Arrays.copyOf(prefix, prefix.length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    private static void writeNumber(ByteArrayOutputStream out, double d) {
        long bits = Double.doubleToLongBits(d == 0 ? 0d : d);
        bits = bits < 0 ? ~bits : bits | Long.MIN_VALUE;
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)) & 0xFF);
        }
    }

    private static void writeStringBody(ByteArrayOutputStream out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
    }

    private static void invertTail(ByteArrayOutputStream out, int start) {
        byte[] all = out.toByteArray();
        out.reset();
        out.write(all, 0, start);
        for (int i = start; i < all.length; i++) {
            out.write(~all[i] & 0xFF);
        }
    }

    private static int at(byte[] bytes, int i, boolean descending) {
        int b = bytes[i] & 0xFF;
        return descending ? ~b & 0xFF : b;
    }

    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= 9007199254740992d) {
            long l = (long) d;
            return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
        }
        return DoubleNode.valueOf(d);
    }
}
