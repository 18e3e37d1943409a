package io.cosmolite.engine.error;

/**
 * The catalog of every error the engine reports: HTTP status, Cosmos substatus and the {@code code}
 * string that Cosmos DB puts in its error body. The gateway maps a {@link CosmosException} to the
 * wire from this catalog alone, so a status is never chosen twice.
 */
public enum ErrorCode {
    /** Malformed input: bad id, bad JSON shape, invalid property values. */
    BAD_REQUEST(400, 0, "BadRequest"),
    /** The partition key in the body differs from the one given with the request. */
    PARTITION_KEY_MISMATCH(400, 1001, "BadRequest"),
    /** A request references a container whose resource id is stale. */
    STALE_CONTAINER_RID(400, 1024, "BadRequest"),
    /** Missing or bad credentials. */
    UNAUTHORIZED(401, 0, "Unauthorized"),
    /** Credentials valid but the operation is not allowed. */
    FORBIDDEN(403, 0, "Forbidden"),
    /** The addressed resource does not exist. */
    NOT_FOUND(404, 0, "NotFound"),
    /** A parent (database or container) of the addressed resource does not exist. */
    OWNER_RESOURCE_NOT_FOUND(404, 1003, "NotFound"),
    /**
     * A request names a physical partition ({@code x-ms-documentdb-partitionkeyrangeid}) the
     * container does not have: the SDKs then refresh their partition key ranges and retry.
     */
    PARTITION_KEY_RANGE_GONE(410, 1002, "Gone"),
    /** A resource with the same id (and partition key) or unique key already exists. */
    CONFLICT(409, 0, "Conflict"),
    /** The If-Match etag (or a patch condition) did not match. */
    PRECONDITION_FAILED(412, 0, "PreconditionFailed"),
    /** The request or resource exceeds a size limit. */
    REQUEST_ENTITY_TOO_LARGE(413, 0, "RequestEntityTooLarge"),
    /** An operation of a transactional batch that did not run because another failed. */
    FAILED_DEPENDENCY(424, 0, "FailedDependency"),
    /** Provisioned throughput exceeded. */
    TOO_MANY_REQUESTS(429, 3200, "TooManyRequests"),
    /** A fault inside Cosmolite, never a client's mistake. */
    INTERNAL_SERVER_ERROR(500, 0, "InternalServerError"),
    /** The store is closed or unavailable. */
    SERVICE_UNAVAILABLE(503, 0, "ServiceUnavailable");

    private final int status;
    private final int subStatus;
    private final String code;

    ErrorCode(int status, int subStatus, String code) {
        this.status = status;
        this.subStatus = subStatus;
        this.code = code;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The Cosmos substatus code ({@code x-ms-substatus}), 0 when there is none. */
    public int subStatus() {
        return subStatus;
    }

    /** The {@code code} field of Cosmos's error body. */
    public String code() {
        return code;
    }

    /** An exception of this code with the given message. */
    public CosmosException exception(String message) {
        return new CosmosException(this, message, 0);
    }

    /** An exception of this code with a message formatted by {@link String#format}. */
    public CosmosException exception(String format, Object... args) {
        return new CosmosException(this, String.format(format, args), 0);
    }
}
