package io.cosmolite.server.route;

/**
 * Session tokens as Cosmos DB writes them: {@code {pkRangeId}:{version}#{globalLsn}}, e.g.
 * {@code 0:-1#42}. The SDK keeps the highest LSN it saw per physical partition and sends the
 * tokens back; Cosmolite commits before it answers and reads only committed data, so every token
 * a client holds is already satisfied and request tokens need no check.
 */
final class SessionTokens {
    /** The vector-clock version Cosmos writes for single-region accounts. */
    private static final String VERSION = "-1";

    private SessionTokens() {}

    /** The token of a physical partition at an LSN. */
    static String of(String rangeId, long lsn) {
        return rangeId + ":" + VERSION + "#" + lsn;
    }
}
