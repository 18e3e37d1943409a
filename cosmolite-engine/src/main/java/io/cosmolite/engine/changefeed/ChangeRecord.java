package io.cosmolite.engine.changefeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One entry of a physical partition's change log: what a write did, at which LSN and time.
 *
 * <p>A record carries the item's image only in containers that keep all versions (their change
 * feed policy has a retention duration); the latest-version feed reads items from where they are
 * stored. The previous image of a replace or delete is never copied: it is the image of the
 * record at {@code previousLsn}, read when the all-versions feed needs it.
 *
 * @param operation         create, replace or delete
 * @param lsn               the write's log sequence number
 * @param crts              the write's time, epoch seconds (Cosmos's conflict-resolution timestamp)
 * @param id                the item id
 * @param epk               the effective partition key
 * @param currentJson       the item's JSON after the write; null for deletes and where no images are kept
 * @param previousLsn       the LSN of the version this write replaced or deleted; 0 for creates
 * @param timeToLiveExpired true when the delete was made by the TTL purge
 */
public record ChangeRecord(Operation operation, long lsn, long crts, String id, String epk,
                           byte[] currentJson, long previousLsn, boolean timeToLiveExpired) {

    private static final byte FORMAT = 1;

    /** The operation types of the all-versions-and-deletes feed. */
    public enum Operation {
        CREATE("create"), REPLACE("replace"), DELETE("delete");

        private final String wireName;

        Operation(String wireName) {
            this.wireName = wireName;
        }

        /** The name in the change feed's metadata. */
        public String wireName() {
            return wireName;
        }
    }

    /** The item after the write, parsed; null for deletes. */
    public ObjectNode current() {
        return currentJson == null ? null : (ObjectNode) Json.parse(currentJson);
    }

    /** The record's storage form: a binary header followed by the item's JSON. */
    public byte[] encode() {
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        byte[] e = epk.getBytes(StandardCharsets.US_ASCII);
        int jsonLength = currentJson == null ? 0 : currentJson.length;
        ByteBuffer b = ByteBuffer.allocate(1 + 1 + 8 + 8 + 8 + 1 + 4 + i.length + 4 + e.length + 1 + jsonLength)
                .put(FORMAT)
                .put((byte) operation.ordinal())
                .putLong(lsn).putLong(crts).putLong(previousLsn)
                .put((byte) (timeToLiveExpired ? 1 : 0))
                .putInt(i.length).put(i)
                .putInt(e.length).put(e)
                .put((byte) (currentJson == null ? 0 : 1));
        if (currentJson != null) {
            b.put(currentJson);
        }
        return b.array();
    }

    /** Reads a record from its storage form. */
    public static ChangeRecord decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.get() != FORMAT) {
            throw new IllegalStateException("unknown change record format " + bytes[0]);
        }
        Operation operation = Operation.values()[b.get()];
        long lsn = b.getLong();
        long crts = b.getLong();
        long previousLsn = b.getLong();
        boolean ttlExpired = b.get() == 1;
        String id = string(b, StandardCharsets.UTF_8);
        String epk = string(b, StandardCharsets.US_ASCII);
        byte[] json = b.get() == 1 ? Arrays.copyOfRange(bytes, b.position(), bytes.length) : null;
        return new ChangeRecord(operation, lsn, crts, id, epk, json, previousLsn, ttlExpired);
    }

    private static String string(ByteBuffer b, java.nio.charset.Charset charset) {
        int n = b.getInt();
        String s = new String(b.array(), b.position(), n, charset);
        b.position(b.position() + n);
        return s;
    }
}
