package io.cosmolite.engine.changefeed;

import io.cosmolite.engine.error.ErrorCode;
import java.util.Objects;

/**
 * What a change-feed read asks for on one physical partition.
 *
 * @param mode     latest version, or all versions and deletes
 * @param start    where reading begins
 * @param maxItems page size, at least 1
 * @param minEpk   only changes whose EPK is at least this (inclusive); "" for no bound
 * @param maxEpk   only changes whose EPK is below this (exclusive); "FF" for no bound
 */
public record ChangeFeedRequest(Mode mode, Start start, int maxItems, String minEpk, String maxEpk) {

    /** The two change-feed modes. */
    public enum Mode { LATEST_VERSION, ALL_VERSIONS_AND_DELETES }

    /** Where a change-feed read begins. */
    public sealed interface Start {
        /** From the first change still retained. */
        record Beginning() implements Start {}

        /** From changes made after the read. */
        record Now() implements Start {}

        /** From changes made at or after the given epoch second. */
        record PointInTime(long epochSeconds) implements Start {}

        /** After the change with this LSN (from a previous page's continuation). */
        record AfterLsn(long lsn) implements Start {}
    }

    public ChangeFeedRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(minEpk, "minEpk");
        Objects.requireNonNull(maxEpk, "maxEpk");
        if (maxItems < 1) {
            throw ErrorCode.BAD_REQUEST.exception("The change feed page size must be at least 1, not %d.", maxItems);
        }
    }

    /** A whole-range request. */
    public static ChangeFeedRequest of(Mode mode, Start start, int maxItems) {
        return new ChangeFeedRequest(mode, start, maxItems, "", "FF");
    }
}
