package io.cosmolite.engine.changefeed;

import java.util.TreeSet;

/**
 * The log sequence numbers of one physical partition: hands out increasing LSNs to writers and
 * tells readers the highest LSN below which every write has committed (the watermark).
 *
 * <p>Writers to different logical partitions commit concurrently, so LSN 7 may reach the store
 * before LSN 6. A change-feed reader that read 7 and handed out a continuation "after 7" would
 * miss 6 forever; readers therefore stop at the watermark. The lock guards a few field updates
 * only, never I/O.
 */
public final class LsnSequence {
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long lastAssigned;

    /** A sequence whose last used LSN is {@code lastUsed} (0 for a new partition). */
    public LsnSequence(long lastUsed) {
        this.lastAssigned = lastUsed;
    }

    /** Reserves the next LSN; it must be {@linkplain #release released} after its write commits or fails. */
    public synchronized long reserve() {
        inFlight.add(++lastAssigned);
        return lastAssigned;
    }

    /** Marks a reserved LSN as committed or abandoned. */
    public synchronized void release(long lsn) {
        inFlight.remove(lsn);
    }

    /** The highest LSN such that no LSN at or below it is still being written. */
    public synchronized long watermark() {
        return inFlight.isEmpty() ? lastAssigned : inFlight.first() - 1;
    }
}
