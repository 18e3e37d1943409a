package io.cosmolite.engine.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How the engine lays its data out in the ordered key-value store. Every key starts with a one-byte
 * namespace:
 *
 * <pre>
 *   'M' parentRid typeByte id            → a metadata resource (database, container, user, ...)
 *   'R' containerRid                     → the container's partition key ranges
 *   'D' containerRid epk 0x00 id         → an item, in effective-partition-key order
 *   'U' containerRid epk 0x00 k values   → a unique-key entry (value: the owning item's id)
 *   'L' containerRid rangeNo lsn         → a change-log record of one physical partition
 *   'S' parentRid typeByte               → the last number used for resource ids of that type
 *   'I' containerRid rangeNo indexId value order epkLength epkBytes id
 *                                      → an index entry (empty value); order is the item's rid order, so
 *                                        equal values list in the order Cosmos DB returns ties
 *   'X' containerRid                     → the container's index build state
 * </pre>
 *
 * <p>Items sort by effective partition key first, so each physical partition (a key range of
 * effective partition keys) is one contiguous run of keys: splitting a range later is a metadata
 * change that moves no item. EPKs are upper-case hex strings and ids may hold any character but
 * 0x00 is never in an EPK, so the terminator keeps {@code (epk, id)} pairs unambiguous and ordered.
 * Numbers are big-endian so that byte order equals numeric order.
 *
 * <p>Index entries are grouped by physical partition first ({@code rangeNo}), then by index and
 * value: a query runs per physical partition, so each of its index lookups is one contiguous
 * scan of that partition's entries in value order, never a merge over the whole container. The
 * index id and the value are self-delimiting encodings ({@code index.IndexKeyCodec}), so the
 * document order that follows is found without a length prefix. The tail that locates the item
 * holds its EPK in binary (the hex digits decoded, one length byte before them: 17 bytes for a
 * hash-v2 EPK instead of 33), then its id: a write adds one entry per indexed value, so every
 * byte of the tail is paid that many times in memory, in the write-ahead log and in
 * compactions. The document order is unique per item, so it alone orders entries of one
 * value. A future split of a range would have to move its entries to the new range numbers.
 */
public final class StorageKeys {
    public static final byte METADATA = 'M';
    public static final byte RANGES = 'R';
    public static final byte ITEM = 'D';
    public static final byte UNIQUE = 'U';
    public static final byte CHANGE_LOG = 'L';
    public static final byte SEQUENCE = 'S';
    public static final byte INDEX = 'I';
    public static final byte INDEX_STATE = 'X';

    /** EPKs are upper-case hex strings. */
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private StorageKeys() {}

    /** Key of a metadata resource. {@code parent} is empty for databases and offers. */
    public static byte[] metadata(byte[] parent, byte type, String id) {
        byte[] idBytes = utf8(id);
        return ByteBuffer.allocate(1 + parent.length + 1 + idBytes.length)
                .put(METADATA).put(parent).put(type).put(idBytes).array();
    }

    /** Prefix of every metadata resource of one type under one parent. */
    public static byte[] metadataPrefix(byte[] parent, byte type) {
        return ByteBuffer.allocate(1 + parent.length + 1).put(METADATA).put(parent).put(type).array();
    }

    /** Key of the id sequence of one resource type under one parent. */
    public static byte[] sequence(byte[] parent, byte type) {
        return ByteBuffer.allocate(1 + parent.length + 1).put(SEQUENCE).put(parent).put(type).array();
    }

    /** Key of a container's partition key ranges. */
    public static byte[] ranges(byte[] containerRid) {
        return ByteBuffer.allocate(1 + containerRid.length).put(RANGES).put(containerRid).array();
    }

    /** Key of an item. */
    public static byte[] item(byte[] containerRid, String epk, String id) {
        byte[] e = ascii(epk);
        byte[] i = utf8(id);
        return ByteBuffer.allocate(1 + containerRid.length + e.length + 1 + i.length)
                .put(ITEM).put(containerRid).put(e).put((byte) 0).put(i).array();
    }

    /** First key of the items whose EPK is at least {@code epk} (inclusive bound). */
    public static byte[] itemsFrom(byte[] containerRid, String epk) {
        byte[] e = ascii(epk);
        return ByteBuffer.allocate(1 + containerRid.length + e.length)
                .put(ITEM).put(containerRid).put(e).array();
    }

    /** Prefix of the items of one logical partition. */
    public static byte[] logicalPartitionPrefix(byte[] containerRid, String epk) {
        byte[] e = ascii(epk);
        return ByteBuffer.allocate(1 + containerRid.length + e.length + 1)
                .put(ITEM).put(containerRid).put(e).put((byte) 0).array();
    }

    /** Prefix of every key of a namespace within one container. */
    public static byte[] containerPrefix(byte namespace, byte[] containerRid) {
        return ByteBuffer.allocate(1 + containerRid.length).put(namespace).put(containerRid).array();
    }

    /** Key of a unique-key entry: {@code values} is the canonical JSON of the key's values. */
    public static byte[] unique(byte[] containerRid, String epk, int keyNumber, String values) {
        byte[] e = ascii(epk);
        byte[] v = utf8(values);
        return ByteBuffer.allocate(1 + containerRid.length + e.length + 2 + v.length)
                .put(UNIQUE).put(containerRid).put(e).put((byte) 0).put((byte) keyNumber).put(v).array();
    }

    /** Key of a change-log record. */
    public static byte[] changeLog(byte[] containerRid, int rangeNumber, long lsn) {
        return ByteBuffer.allocate(1 + containerRid.length + 4 + 8)
                .put(CHANGE_LOG).put(containerRid).putInt(rangeNumber).putLong(lsn).array();
    }

    /** Prefix of one physical partition's change log. */
    public static byte[] changeLogPrefix(byte[] containerRid, int rangeNumber) {
        return ByteBuffer.allocate(1 + containerRid.length + 4)
                .put(CHANGE_LOG).put(containerRid).putInt(rangeNumber).array();
    }

    /** Prefix of one physical partition's index entries. */
    public static byte[] indexPrefix(byte[] containerRid, int rangeNumber) {
        return ByteBuffer.allocate(1 + containerRid.length + 4)
                .put(INDEX).put(containerRid).putInt(rangeNumber).array();
    }

    /**
     * The tail of every index entry of one item: its document order (sign bit flipped, so that
     * byte order is the signed order the SDK compares in), then its EPK and id. Computed once
     * per item and shared by all its entries ({@link #indexEntry}).
     */
    public static byte[] indexEntryTail(long documentOrder, String epk, String id) {
        byte[] e = HEX.parseHex(epk);
        if (e.length > 0xFF) {
            throw new IllegalArgumentException("EPK longer than 255 bytes: " + epk);
        }
        byte[] i = utf8(id);
        return ByteBuffer.allocate(INDEX_ORDER_BYTES + 1 + e.length + i.length)
                .putLong(documentOrder ^ Long.MIN_VALUE).put((byte) e.length).put(e).put(i).array();
    }

    /** Key of an index entry: {@code term} is the index id and the encoded value, {@code tail} the item's {@link #indexEntryTail}. */
    public static byte[] indexEntry(byte[] containerRid, int rangeNumber, byte[] term, byte[] tail) {
        return ByteBuffer.allocate(1 + containerRid.length + 4 + term.length + tail.length)
                .put(INDEX).put(containerRid).putInt(rangeNumber).put(term).put(tail).array();
    }

    /** Bytes between an index entry's value and its EPK: the document order. */
    public static final int INDEX_ORDER_BYTES = 8;

    /**
     * The key of the item an index entry points to, given where the entry's value ends (the
     * document order, the EPK's length and bytes, and the id follow).
     */
    public static byte[] itemOfIndexEntry(byte[] containerRid, byte[] entryKey, int valueEnd) {
        int epkAt = valueEnd + INDEX_ORDER_BYTES + 1;
        int epkLength = entryKey[epkAt - 1] & 0xFF;
        int idAt = epkAt + epkLength;
        byte[] epk = HEX.formatHex(entryKey, epkAt, idAt).getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + containerRid.length + epk.length + 1 + entryKey.length - idAt)
                .put(ITEM).put(containerRid).put(epk).put((byte) 0).put(entryKey, idAt, entryKey.length - idAt).array();
    }

    /**
     * True when the EPK of an index entry (whose value ends at {@code valueEnd}) starts with the
     * EPK prefix {@code epkPrefix} (upper-case hex, as EPKs are written).
     */
    public static boolean indexEntryEpkStartsWith(byte[] entryKey, int valueEnd, String epkPrefix) {
        int epkAt = valueEnd + INDEX_ORDER_BYTES + 1;
        int epkLength = entryKey[epkAt - 1] & 0xFF;
        if (epkLength * 2 < epkPrefix.length()) {
            return false;
        }
        for (int c = 0; c < epkPrefix.length(); c++) {
            int b = entryKey[epkAt + c / 2] & 0xFF;
            int digit = c % 2 == 0 ? b >>> 4 : b & 0x0F;
            if (Character.digit(epkPrefix.charAt(c), 16) != digit) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether point reads of {@code key} are frequent enough for a store to keep it where such reads
     * are fast (RocksDB's row cache, the in-memory store's hash index): not for index entries (only
     * ever scanned, and written by the tens on every item write) nor change-log records (read in
     * order by the change feed; one at a time only for an all-versions feed's previous image).
     */
    public static boolean worthCaching(byte[] key) {
        return key.length == 0 || (key[0] != INDEX && key[0] != CHANGE_LOG);
    }

    /** Key of a container's index build state. */
    public static byte[] indexState(byte[] containerRid) {
        return ByteBuffer.allocate(1 + containerRid.length).put(INDEX_STATE).put(containerRid).array();
    }

    /** The LSN of a change-log key. */
    public static long lsnOf(byte[] changeLogKey) {
        return ByteBuffer.wrap(changeLogKey, changeLogKey.length - 8, 8).getLong();
    }

    /** The smallest key greater than every key that starts with {@code prefix}, or null if none. */
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

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
