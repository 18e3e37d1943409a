package io.cosmolite.engine.ru;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.index.IndexedPaths;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.Objects;

/**
 * The request charge, in request units, of every operation Cosmolite serves. A deterministic model
 * calibrated to the figures Microsoft publishes (1 RU for a 1 KB point read, 10 RU at 100 KB, about
 * 5 RU for an unindexed 1 KB write and 50 RU at 100 KB, replace at twice an insert); the formulas,
 * constants and calibration are in {@code docs/request-units.md}. A KB is 1024 bytes; every result
 * is rounded to two decimals, as Cosmos reports charges. Every charge is non-decreasing in every
 * size and count argument.
 */
public final class RequestCharges {
    static final double BYTES_PER_KB = 1024.0;

    /** A point read of up to 1 KB. */
    static final double READ_BASE = 1.0;
    /** Each KB read beyond the first: chosen so that 100 KB costs 10 RU. */
    static final double READ_PER_KB = 9.0 / 99.0;

    /** An unindexed write of up to 1 KB. */
    static final double WRITE_BASE = 5.0;
    /** Each KB written beyond the first: chosen so that an unindexed 100 KB write costs 50 RU. */
    static final double WRITE_PER_KB = 45.0 / 99.0;
    /** Each indexed term (scalar leaf) written. */
    static final double WRITE_PER_TERM = 0.06;
    /** A replace (and a patch) against a create of the same body. */
    static final double REPLACE_FACTOR = 2.0;

    /** A feed page (query, change feed, read-feed) that returns nothing. */
    static final double FEED_BASE = 1.0;
    /** Each item a feed page returns. */
    static final double FEED_PER_ITEM = 0.86;
    /** Each KB a feed page returns. */
    static final double FEED_PER_KB = 0.14;

    /** A read or listing of databases, containers, offers, users, permissions or scripts. */
    static final double METADATA_READ = 1.0;
    /** A create, replace or delete of databases, containers, offers, users, permissions or scripts. */
    static final double METADATA_WRITE = 5.0;

    /** A failed request the service had to look at the data to refuse. */
    static final double FAILED_LOOKUP = 1.0;

    private RequestCharges() {}

    /** The charge of reading one document of {@code bytes} by id and partition key. */
    public static double pointRead(int bytes) {
        requireNonNegative(bytes, "bytes");
        return round(READ_BASE + READ_PER_KB * kilobytesBeyondFirst(bytes));
    }

    /**
     * The charge of a document write of the given kind. {@code bytes} and {@code indexedTerms}
     * describe the document as stored after the write (for a delete, the removed document).
     */
    public static double write(WriteKind kind, int bytes, int indexedTerms) {
        Objects.requireNonNull(kind, "kind");
        requireNonNegative(bytes, "bytes");
        requireNonNegative(indexedTerms, "indexedTerms");
        double create = WRITE_BASE + WRITE_PER_KB * kilobytesBeyondFirst(bytes) + WRITE_PER_TERM * indexedTerms;
        return switch (kind) {
            case CREATE, UPSERT_CREATE, DELETE -> round(create);
            case REPLACE, UPSERT_REPLACE, PATCH -> round(REPLACE_FACTOR * create);
        };
    }

    /**
     * The charge of a request that failed with {@code status}: throttled, unauthenticated, forbidden,
     * timed-out, gone, failed-dependency and server-side failures cost nothing (the operation never ran);
     * any other client error costs what looking up the resource does, a 1 KB read.
     */
    public static double failed(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        return switch (status) {
            case 401, 403, 408, 410, 424, 429, 449 -> 0.0;
            default -> status >= 500 ? 0.0 : FAILED_LOOKUP;
        };
    }

    /** The charge of reading or listing (per page) databases, containers, offers, users, permissions or scripts. */
    public static double metadata() {
        return METADATA_READ;
    }

    /** The charge of creating, replacing or deleting a database, container, offer, user, permission or script. */
    public static double metadataWrite() {
        return METADATA_WRITE;
    }

    /** The charge of one page of a query, change feed or read-feed that returns {@code items} totalling {@code bytes}. */
    public static double feedRead(int items, long bytes) {
        requireNonNegative(items, "items");
        requireNonNegative(bytes, "bytes");
        return round(FEED_BASE + FEED_PER_ITEM * items + FEED_PER_KB * (bytes / BYTES_PER_KB));
    }

    /** The charge of a transactional or bulk batch: the sum of its operations' charges. */
    public static double batch(double... operationCharges) {
        double sum = 0;
        for (double c : operationCharges) {
            sum += c;
        }
        return round(sum);
    }

    /**
     * The number of index terms a document adds under the default indexing policy: every scalar leaf
     * (string, number, boolean, null), each array element counted, except {@code _etag} and the other
     * system properties ({@code _rid}, {@code _self}, {@code _attachments}, {@code _ts}).
     */
    public static int indexedTerms(JsonNode document) {
        return IndexedPaths.DEFAULT.count(document);
    }

    /**
     * The number of index terms a document adds under an indexing policy's included and excluded
     * paths (Cosmos syntax: {@code /*}, {@code /a/?}, {@code /a/*}, {@code /tags/[]/?},
     * {@code /"_etag"/?}); the most precise matching path decides. A malformed path is a 400.
     */
    public static int indexedTerms(JsonNode document, List<String> includedPaths, List<String> excludedPaths) {
        return IndexedPaths.of(includedPaths, excludedPaths).count(document);
    }

    /**
     * A reusable counter of index terms for one indexing policy: the paths are parsed once, for
     * callers that count on every write. A malformed path is a 400.
     */
    public static ToIntFunction<JsonNode> indexedTermCounter(List<String> includedPaths, List<String> excludedPaths) {
        return IndexedPaths.of(includedPaths, excludedPaths)::count;
    }

    private static double kilobytesBeyondFirst(long bytes) {
        return Math.max(0.0, bytes / BYTES_PER_KB - 1.0);
    }

    /** Half-up to two decimals; the small nudge keeps values like 5.725 from rounding down on binary error. */
    static double round(double ru) {
        return Math.floor(ru * 100.0 + 0.5 + 1e-9) / 100.0;
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
