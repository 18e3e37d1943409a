package io.cosmolite.toolkit.error;

/**
 * What Cosmos said about a failed request: the HTTP status, the Cosmos substatus (0 when none), the
 * activity id (null when the request never reached the service) and the request units it cost.
 */
public record ErrorInfo(int statusCode, int subStatusCode, String activityId, double requestCharge) {

    /** For errors raised by the toolkit itself, before any request: a status and nothing else. */
    public static ErrorInfo local(int statusCode) {
        return new ErrorInfo(statusCode, 0, null, 0);
    }
}
