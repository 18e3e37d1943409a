package io.cosmolite.engine.layout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An item as stored: a small binary header with the system values the engine acts on (etag, rid,
 * {@code _ts}, {@code _lsn}, the item's own {@code ttl}) followed by the item's JSON exactly as it
 * is returned to clients.
 *
 * <p>The header lets point reads, TTL checks and the change feed's latest-version test work
 * without parsing JSON, and lets a reader hand the JSON bytes on untouched. The JSON is parsed
 * only when someone asks for {@link #node()}, once.
 */
public final class StoredItem {
    private static final byte FORMAT = 1;
    /** Marks "no ttl property" in the header. */
    private static final int NO_TTL = Integer.MIN_VALUE;

    private final String etag;
    private final String rid;
    private final long ts;
    private final long lsn;
    private final Integer ttl;
    /** The stored value (header and JSON) or the bare JSON; the JSON starts at {@code jsonOffset}. */
    private final byte[] bytes;
    private final int jsonOffset;
    private byte[] json;
    private ObjectNode node;

    private StoredItem(String etag, String rid, long ts, long lsn, Integer ttl, byte[] bytes, int jsonOffset,
                       ObjectNode node) {
        this.etag = etag;
        this.rid = rid;
        this.ts = ts;
        this.lsn = lsn;
        this.ttl = ttl;
        this.bytes = bytes;
        this.jsonOffset = jsonOffset;
        this.json = jsonOffset == 0 ? bytes : null;
        this.node = node;
    }

    /** A stored item from a complete item (system properties set); {@code json} is its serialization. */
    public static StoredItem of(ObjectNode item, byte[] json) {
        var ttlNode = item.get("ttl");
        Integer ttl = ttlNode != null && ttlNode.isIntegralNumber() && ttlNode.canConvertToInt() ? ttlNode.intValue() : null;
        return new StoredItem(item.get("_etag").textValue(), item.get("_rid").textValue(), item.get("_ts").longValue(),
                item.get("_lsn").longValue(), ttl, json, 0, item);
    }

    /** Decodes a stored value; the JSON is not copied until someone asks for it. */
    public static StoredItem decode(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        if (b.get() != FORMAT) {
            throw new IllegalStateException("unknown stored item format " + value[0]);
        }
        String etag = string(b);
        String rid = string(b);
        long ts = b.getLong();
        long lsn = b.getLong();
        int ttl = b.getInt();
        return new StoredItem(etag, rid, ts, lsn, ttl == NO_TTL ? null : ttl, value, b.position(), null);
    }

    /** The value to store. */
    public byte[] encode() {
        if (jsonOffset > 0) {
            return bytes;
        }
        byte[] e = etag.getBytes(StandardCharsets.UTF_8);
        byte[] r = rid.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 2 + e.length + 2 + r.length + 8 + 8 + 4 + bytes.length)
                .put(FORMAT)
                .putShort((short) e.length).put(e)
                .putShort((short) r.length).put(r)
                .putLong(ts).putLong(lsn).putInt(ttl == null ? NO_TTL : ttl)
                .put(bytes).array();
    }

    /** The item's {@code _etag}. */
    public String etag() {
        return etag;
    }

    /** The item's {@code _rid}. */
    public String rid() {
        return rid;
    }

    /** The item's {@code _ts}, epoch seconds of its last write. */
    public long ts() {
        return ts;
    }

    /** The item's {@code _lsn}. */
    public long lsn() {
        return lsn;
    }

    /** The item's own {@code ttl} property, or null when it has none. */
    public Integer ttl() {
        return ttl;
    }

    /** The length of the item's JSON in bytes, without copying it. */
    public int jsonLength() {
        return bytes.length - jsonOffset;
    }

    /** The item's JSON, as returned to clients (copied out of the stored value on first use). Do not modify. */
    public synchronized byte[] json() {
        if (json == null) {
            json = Arrays.copyOfRange(bytes, jsonOffset, bytes.length);
        }
        return json;
    }

    /** The item's JSON tree, parsed on first use. Do not modify it: copy it first. */
    public synchronized ObjectNode node() {
        if (node == null) {
            node = (ObjectNode) Json.parse(bytes, jsonOffset, bytes.length - jsonOffset);
        }
        return node;
    }

    private static String string(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }
}
