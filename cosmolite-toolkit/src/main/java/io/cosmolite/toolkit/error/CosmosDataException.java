package io.cosmolite.toolkit.error;

/**
 * The base of every error the toolkit throws for a data operation. The subclass says what went
 * wrong in terms a caller acts on (catch {@link NotFoundException}, {@link PreconditionFailedException},
 * {@link ThrottledException}...); {@link #info()} keeps what Cosmos reported.
 *
 * <p>Unchecked, like the SDK's own {@code CosmosException}, which is mapped onto this hierarchy by
 * {@link CosmosErrors#translate}.
 */
public abstract sealed class CosmosDataException extends RuntimeException
        permits NotFoundException, ConflictException, PreconditionFailedException, ValidationException,
        ThrottledException, UnauthorizedException, ForbiddenException, BadRequestException,
        UnavailableException, FailedDependencyException, UnexpectedCosmosException {
    private final ErrorInfo info;

    CosmosDataException(String message, ErrorInfo info, Throwable cause) {
        super(message, cause);
        this.info = info;
    }

    /** Status, substatus, activity id and request charge of the failed request. */
    public ErrorInfo info() {
        return info;
    }

    /** The HTTP status code (e.g. 404). */
    public int statusCode() {
        return info.statusCode();
    }

    /** The Cosmos substatus code, 0 when none (e.g. 1002 for a read-session miss). */
    public int subStatusCode() {
        return info.subStatusCode();
    }

    /** The activity id of the request, for support cases; null when no request was sent. */
    public String activityId() {
        return info.activityId();
    }

    /** Request units the failed request was charged. */
    public double requestCharge() {
        return info.requestCharge();
    }

    /** Whether the same request may succeed if sent again later (throttling, unavailability). */
    public boolean isTransient() {
        return false;
    }
}
