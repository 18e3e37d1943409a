package io.cosmolite.engine.partition;

import io.cosmolite.engine.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The effective partition key (EPK): the uppercase hex string that places a partition key value in
 * the ordered key space of partition key ranges. Computed bit for bit as Cosmos DB and its SDKs do:
 * <ul>
 *   <li>V1 Hash: MurmurHash3 x86-32 of the components (strings cut to 100 chars), then the
 *       order-preserving binary encoding of [hash as a number, components...];</li>
 *   <li>V2 Hash: MurmurHash3 x64-128 of the components, 16 bytes with the top two bits cleared;</li>
 *   <li>MultiHash: the V2 hash of each component on its own, concatenated, so a prefix's EPK is a
 *       string prefix of the EPK of every key under it.</li>
 * </ul>
 * EPKs are compared as plain (ordinal) strings, which for uppercase hex is byte order.
 */
public final class EffectivePartitionKey {

    /** The smallest EPK, inclusive lower bound of the key space (also the EPK of "none"). */
    public static final String MIN = "";

    /** The exclusive upper bound of the key space. */
    public static final String MAX = "FF";

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    // Component type markers, shared by every encoding.
    private static final int UNDEFINED = 0x00;
    private static final int NULL = 0x01;
    private static final int FALSE = 0x02;
    private static final int TRUE = 0x03;
    private static final int NUMBER = 0x05;
    private static final int STRING = 0x08;

    /** V1 hashes only the first 100 UTF-16 chars of a string. */
    private static final int V1_MAX_STRING_CHARS = 100;
    /** The binary encoding keeps at most this many string bytes (plus one to order longer strings after). */
    private static final int MAX_STRING_BYTES = 100;

    private EffectivePartitionKey() {}

    /**
     * The EPK of a value under a definition. "None" is {@link #MIN}. A value with more components
     * than paths, or with fewer under a non-hierarchical definition, is a 400.
     */
    public static String of(PartitionKeyValue value, PartitionKeyDefinition definition) {
        if (value.isNone()) {
            return MIN;
        }
        int paths = definition.paths().size();
        if (value.size() > paths
                || (value.size() < paths && definition.kind() != PartitionKeyDefinition.Kind.MULTI_HASH)) {
            throw ErrorCode.PARTITION_KEY_MISMATCH.exception(
                    "Partition key %s has %d components but the container's partition key %s has %d paths.",
                    value.toHeaderJson(), value.size(), definition.paths(), paths);
        }
        if (definition.kind() == PartitionKeyDefinition.Kind.MULTI_HASH) {
            StringBuilder epk = new StringBuilder(32 * value.size());
            for (PartitionKeyComponent c : value.components()) {
                epk.append(hashV2(List.of(c)));
            }
            return epk.toString();
        }
        return definition.version() == 2 ? hashV2(value.components()) : hashV1(value.components());
    }

    /** The EPK bound at a V1 hash value: the binary-encoded number alone, as V1 range bounds are. */
    static String v1HashBound(double hash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12);
        writeBinary(PartitionKeyComponent.of(hash), out);
        return HEX.formatHex(out.toByteArray());
    }

    private static String hashV2(List<PartitionKeyComponent> components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PartitionKeyComponent c : components) {
            writeForHashing(c, out, true);
        }
        long[] h = MurmurHash3.hash128(out.toByteArray(), out.size());
        // The 16 bytes are h2 then h1, each big-endian; clearing the two top bits keeps every EPK
        // below "40", well inside the exclusive maximum "FF".
        byte[] bytes = new byte[16];
        putBigEndian(h[1], bytes, 0);
        putBigEndian(h[0], bytes, 8);
        bytes[0] &= 0x3F;
        return HEX.formatHex(bytes);
    }

    private static String hashV1(List<PartitionKeyComponent> components) {
        List<PartitionKeyComponent> truncated = components.stream().map(EffectivePartitionKey::truncateV1).toList();
        ByteArrayOutputStream hashed = new ByteArrayOutputStream();
        for (PartitionKeyComponent c : truncated) {
            writeForHashing(c, hashed, false);
        }
        int hash = MurmurHash3.hash32(hashed.toByteArray(), hashed.size(), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBinary(PartitionKeyComponent.of((double) Integer.toUnsignedLong(hash)), out);
        for (PartitionKeyComponent c : truncated) {
            writeBinary(c, out);
        }
        return HEX.formatHex(out.toByteArray());
    }

    private static PartitionKeyComponent truncateV1(PartitionKeyComponent c) {
        if (c instanceof PartitionKeyComponent.StringValue s && s.value().length() > V1_MAX_STRING_CHARS) {
            return PartitionKeyComponent.of(s.value().substring(0, V1_MAX_STRING_CHARS));
        }
        return c;
    }

    /** The bytes hashed for a component: V1 ends strings with 0x00, V2 with 0xFF. */
    private static void writeForHashing(PartitionKeyComponent c, ByteArrayOutputStream out, boolean v2) {
        if (c instanceof PartitionKeyComponent.StringValue s) {
            out.write(STRING);
            out.writeBytes(s.value().getBytes(StandardCharsets.UTF_8));
            out.write(v2 ? 0xFF : 0x00);
        } else if (c instanceof PartitionKeyComponent.NumberValue n) {
            out.write(NUMBER);
            // Little-endian IEEE 754 bits, NaN canonicalised.
            long bits = Double.doubleToLongBits(n.value());
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
        } else {
            out.write(typeMarker(c));
        }
    }

    /** The order-preserving binary encoding V1 EPKs are made of. */
    private static void writeBinary(PartitionKeyComponent c, ByteArrayOutputStream out) {
        if (c instanceof PartitionKeyComponent.StringValue s) {
            out.write(STRING);
            byte[] utf8 = s.value().getBytes(StandardCharsets.UTF_8);
            boolean whole = utf8.length <= MAX_STRING_BYTES;
            int count = whole ? utf8.length : MAX_STRING_BYTES + 1;
            // Every byte is shifted up by one (wrapping), so 0x00 can terminate the string.
            for (int i = 0; i < count; i++) {
                out.write(utf8[i] + 1);
            }
            if (whole) {
                out.write(0x00);
            }
        } else if (c instanceof PartitionKeyComponent.NumberValue n) {
            out.write(NUMBER);
            writeBinaryNumber(n.value(), out);
        } else {
            out.write(typeMarker(c));
        }
    }

    /**
     * A double as bytes that sort like the numbers: sign-flipped bits, the first byte whole, then
     * seven bits a byte with the low bit 1 meaning "more follows" and 0 on the last byte.
     */
    private static void writeBinaryNumber(double value, ByteArrayOutputStream out) {
        long bits = Double.doubleToRawLongBits(value);
        long payload = bits >= 0 ? bits ^ Long.MIN_VALUE : -bits;
        out.write((int) (payload >>> 56));
        payload <<= 8;
        while (true) {
            int chunk = (int) (payload >>> 56) | 0x01;
            payload <<= 7;
            if (payload == 0) {
                out.write(chunk & 0xFE);
                return;
            }
            out.write(chunk);
        }
    }

    private static int typeMarker(PartitionKeyComponent c) {
        if (c instanceof PartitionKeyComponent.BooleanValue b) {
            return b.value() ? TRUE : FALSE;
        }
        if (c instanceof PartitionKeyComponent.NullValue) {
            return NULL;
        }
        if (c instanceof PartitionKeyComponent.UndefinedValue) {
            return UNDEFINED;
        }
        throw new IllegalStateException("no type marker for " + c);
    }

    private static void putBigEndian(long v, byte[] into, int offset) {
        for (int i = 0; i < 8; i++) {
            into[offset + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
