package io.cosmolite.engine.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
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
        long hi = ETAG_BASE;
        long lo = ETAG_COUNTER.incrementAndGet();
        return String.format("\"%08x-%04x-%04x-%04x-%012x\"",
                (int) (hi >>> 32), (int) (hi >>> 16) & 0xFFFF, (int) hi & 0xFFFF,
                (int) (lo >>> 48) & 0xFFFF, lo & 0xFFFFFFFFFFFFL);
    }

    /** Removes every system property from a client-supplied body. */
    public static void strip(ObjectNode body) {
        body.remove(ALL);
    }
}
