package io.cosmolite.toolkit.error;

import com.azure.cosmos.CosmosException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one place where the SDK's failures become the toolkit's {@link CosmosDataException}s.
 *
 * <pre>{@code
 * Order order = CosmosErrors.call(() -> container.readItem(id, pk, Order.class).getItem());
 * // throws NotFoundException, ThrottledException, ... instead of CosmosException
 * }</pre>
 *
 * <p>The table, by HTTP status (and substatus where it changes the meaning):
 * 400 and 413 bad request; 401 unauthorized; 403 forbidden; 404 not found, except 404/1002 (the
 * replica has not caught up with the session yet), which is unavailable; 408, 410, 449 and 503
 * unavailable; 409 conflict; 412 precondition failed; 424 failed dependency; 429 throttled;
 * anything else unexpected.
 */
public final class CosmosErrors {
    /** The substatus of a 404 that means "this replica has not seen your session's writes yet". */
    static final int READ_SESSION_NOT_AVAILABLE = 1002;

    private CosmosErrors() {
    }

    /** The typed error for an SDK exception. */
    public static CosmosDataException translate(CosmosException e) {
        ErrorInfo info = new ErrorInfo(e.getStatusCode(), e.getSubStatusCode(), e.getActivityId(), e.getRequestCharge());
        Duration retryAfter = e.getRetryAfterDuration() == null ? Duration.ZERO : e.getRetryAfterDuration();
        return of(e.getShortMessage(), info, retryAfter, e);
    }

    /**
     * The typed error for a status reported without an exception, such as one operation's result in a
     * transactional batch or a bulk response.
     */
    public static CosmosDataException of(String message, ErrorInfo info, Duration retryAfter, Throwable cause) {
        String text = message == null || message.isBlank() ? "Cosmos answered " + info.statusCode() : message;
        return switch (info.statusCode()) {
            case 400, 413 -> new BadRequestException(text, info, cause);
            case 401 -> new UnauthorizedException(text, info, cause);
            case 403 -> new ForbiddenException(text, info, cause);
            case 404 -> info.subStatusCode() == READ_SESSION_NOT_AVAILABLE
                    ? new UnavailableException(text, info, cause)
                    : new NotFoundException(text, info, cause);
            case 408, 410, 449, 503 -> new UnavailableException(text, info, cause);
            case 409 -> new ConflictException(text, info, cause);
            case 412 -> new PreconditionFailedException(text, info, cause);
            case 424 -> new FailedDependencyException(text, info, cause);
            case 429 -> new ThrottledException(text, info, retryAfter, cause);
            default -> new UnexpectedCosmosException(text, info, cause);
        };
    }

    /**
     * Runs an SDK call and returns its result, translating its failure: a {@link CosmosException}
     * anywhere in the cause chain (the SDK sometimes wraps it) becomes its typed error, and an I/O
     * failure or timeout without one becomes an {@link UnavailableException}. Other exceptions, which
     * are programming errors, pass through unchanged.
     */
    public static <R> R call(Supplier<R> sdkCall) {
        try {
            return sdkCall.get();
        } catch (RuntimeException e) {
            RuntimeException translated = translateAny(e);
            throw translated != null ? translated : e;
        }
    }

    /** {@link #call} for calls without a result. */
    public static void run(Runnable sdkCall) {
        call(() -> {
            sdkCall.run();
            return null;
        });
    }

    /**
     * The typed error for any failure of an SDK call, e.g. the exception of one bulk operation: as
     * {@link #call} translates it, and anything else as an {@link UnexpectedCosmosException} with
     * status 0 (no response).
     */
    public static CosmosDataException translate(Throwable failure) {
        RuntimeException translated = translateAny(failure);
        return translated instanceof CosmosDataException typed ? typed
                : new UnexpectedCosmosException(String.valueOf(failure), ErrorInfo.local(0), failure);
    }

    /** The typed error for {@code e}, or null when it is neither a Cosmos nor a transport failure. */
    private static RuntimeException translateAny(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CosmosDataException typed) {
                return typed;
            }
            if (t instanceof CosmosException cosmos) {
                return translate(cosmos);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                // An IOException too, but a document that does not map is a programming error, not a
                // network failure to retry: let it pass through as it is.
                return null;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
                return new UnavailableException("transport failure: " + t, ErrorInfo.local(503), e);
            }
        }
        return null;
    }
}
