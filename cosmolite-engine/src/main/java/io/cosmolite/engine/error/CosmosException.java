package io.cosmolite.engine.error;

import java.util.Objects;

/**
 * The one exception type the engine throws for a request it refuses. It carries its catalog entry
 * and the request charge of the failed request (failed requests are charged too).
 */
public final class CosmosException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final double requestCharge;

    /** A new exception; prefer {@link ErrorCode#exception(String)}. */
    public CosmosException(ErrorCode errorCode, String message, double requestCharge) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.requestCharge = requestCharge;
    }

    /** The catalog entry: status, substatus and code. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The HTTP status code. */
    public int status() {
        return errorCode.status();
    }

    /** The Cosmos substatus code. */
    public int subStatus() {
        return errorCode.subStatus();
    }

    /** The request units charged for the failed request. */
    public double requestCharge() {
        return requestCharge;
    }

    /** The same error with the given request charge. */
    public CosmosException withRequestCharge(double charge) {
        return charge == requestCharge ? this : new CosmosException(errorCode, getMessage(), charge);
    }
}
