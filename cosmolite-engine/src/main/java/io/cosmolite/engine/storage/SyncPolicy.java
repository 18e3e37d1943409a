package io.cosmolite.engine.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * When a durable store forces its write-ahead log to stable storage.
 *
 * <p>Under both policies a write is in the operating system's file cache before it is
 * acknowledged, so it survives the process being killed (kill -9). They differ on a power loss or
 * kernel crash:
 * <ul>
 *   <li>{@link Mode#ALWAYS}: every write is fsynced before it is acknowledged (concurrent writers
 *       share one fsync). Nothing acknowledged is ever lost.</li>
 *   <li>{@link Mode#GROUP_COMMIT}: writes are fsynced together at most {@link #window()} apart by a
 *       background thread; a power loss can lose the writes of the last window.</li>
 * </ul>
 *
 * @param mode   the policy
 * @param window for {@code GROUP_COMMIT}, the longest time between a write and its fsync
 */
public record SyncPolicy(Mode mode, Duration window) {

    /** The two policies. */
    public enum Mode { ALWAYS, GROUP_COMMIT }

    /** The default: group commit with a 10 ms window. */
    public static final SyncPolicy DEFAULT = groupCommit(Duration.ofMillis(10));

    public SyncPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
    }

    /** Fsync before every acknowledgment. */
    public static SyncPolicy always() {
        return new SyncPolicy(Mode.ALWAYS, Duration.ZERO);
    }

    /** Fsync in the background at most {@code window} after each write. */
    public static SyncPolicy groupCommit(Duration window) {
        return new SyncPolicy(Mode.GROUP_COMMIT, window);
    }

    /**
     * Parses {@code always}, {@code group} (10 ms) or {@code group:<millis>}, as given on the command
     * line.
     */
    public static SyncPolicy parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("always")) {
            return always();
        }
        if (t.equals("group")) {
            return DEFAULT;
        }
        if (t.startsWith("group:")) {
            try {
                long ms = Long.parseLong(t.substring("group:".length()));
                if (ms >= 1 && ms <= 10_000) {
                    return groupCommit(Duration.ofMillis(ms));
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException(
                "sync policy must be 'always', 'group' or 'group:<1..10000 ms>', not '" + text + "'");
    }

    @Override
    public String toString() {
        return mode == Mode.ALWAYS ? "always" : "group:" + window.toMillis();
    }
}
