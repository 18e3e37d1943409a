package io.cosmolite.server.route;

import io.cosmolite.server.http.Response;

/**
 * A refusal the query routes answer with a response of their own making, for the errors whose body
 * carries more than {@code {code, message}} (the cross-partition query the gateway cannot serve
 * carries the query plan).
 */
final class QueryRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Response response;

    QueryRefusal(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    /** The response to send. */
    Response response() {
        return response;
    }
}
