package io.cosmolite.toolkit.metrics;

import java.util.Locale;

/**
 * How a call ended, from its HTTP status: the {@code outcome} tag is {@link #tag()}. One mapping for
 * every meter, so dashboards can count errors by kind without knowing Cosmos's status codes.
 */
public enum Outcome {
    /** 2xx, and 304 (not modified: the condition held, nothing to send). */
    OK,
    /** 400. */
    BAD_REQUEST,
    /** 401. */
    UNAUTHORIZED,
    /** 403. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 408. */
    TIMEOUT,
    /** 409. */
    CONFLICT,
    /** 412: an {@code If-Match} etag or a patch condition did not hold. */
    PRECONDITION_FAILED,
    /** 413. */
    TOO_LARGE,
    /** 429: request rate too large. */
    THROTTLED,
    /** 503, 410 and 449: worth retrying later. */
    UNAVAILABLE,
    /** Anything else, including calls that failed without an HTTP status (status {@code 0}). */
    ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The tag value: the name in lower case ({@code not_found}, {@code throttled}, ...). */
    public String tag() {
        return tag;
    }

    /** The outcome of a call that ended with {@code status} (0: no HTTP status at all). */
    public static Outcome of(int status) {
        if ((status >= 200 && status < 300) || status == 304) {
            return OK;
        }
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 408 -> TIMEOUT;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> TOO_LARGE;
            case 429 -> THROTTLED;
            case 410, 449, 503 -> UNAVAILABLE;
            default -> ERROR;
        };
    }
}
