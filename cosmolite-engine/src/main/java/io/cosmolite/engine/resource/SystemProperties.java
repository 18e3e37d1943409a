package io.cosmolite.engine.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The system properties Cosmos DB adds to every resource, and how they are made. */
public final class SystemProperties {
    public static final String RID = "_rid";
    public static final String SELF = "_self";
    public static final String ETAG = "_etag";
    public static final String TS = "_ts";
    public static final String LSN = "_lsn";
    public static final String ATTACHMENTS = "_attachments";

    /** Every property a client may not set, in the order Cosmos writes them. */
    public static final List<String> ALL = List.of(RID, SELF, ETAG, ATTACHMENTS, TS, LSN);

    // ETags only need to differ from every earlier etag of the same resource; a random base
    // chosen at start plus a counter makes them unique across restarts without a lookup.
    private static final long ETAG_BASE = new SecureRandom().nextLong();
    private static final AtomicLong ETAG_COUNTER = new AtomicLong();

    private SystemProperties() {}

    /** A new quoted etag in Cosmos's form, e.g. {@code "0000a1b2-0000-0000-0000-65f1a2b30000"}. */
    public static String newEtag() {
        // Hand-formatted: this runs on every write, and String.format costs a microsecond.
        char[] c = new char[38];
        c[0] = '"';
        hex(c, 1, ETAG_BASE >>> 32, 8);
        c[9] = '-';
        hex(c, 10, ETAG_BASE >>> 16, 4);
        c[14] = '-';
        hex(c, 15, ETAG_BASE, 4);
        c[19] = '-';
        long lo = ETAG_COUNTER.incrementAndGet();
        hex(c, 20, lo >>> 48, 4);
        c[24] = '-';
        hex(c, 25, lo, 12);
        c[37] = '"';
        return new String(c);
    }

    private static void hex(char[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
    }

    /** Removes every system property from a client-supplied body. */
    public static void strip(ObjectNode body) {
        body.remove(ALL);
    }

    /**
     * A copy of a client-supplied item body without its system properties, with room for them.
     * Only the top level is copied: the engine sets system properties there and never changes a
     * nested value, so nested objects and arrays are shared with {@code clientBody}. A deep copy
     * of a 1 KB item was about a tenth of a create's CPU time.
     */
    public static ObjectNode itemCopy(ObjectNode clientBody) {
        int fields = clientBody.size() + ALL.size();
        Map<String, JsonNode> copy = new LinkedHashMap<>((int) (fields / 0.75f) + 1);
        for (Map.Entry<String, JsonNode> field : clientBody.properties()) {
            String name = field.getKey();
            if (name.isEmpty() || name.charAt(0) != '_' || !ALL.contains(name)) {
                copy.put(name, field.getValue());
            }
        }
        return new ObjectNode(JsonNodeFactory.instance, copy);
    }
}
