package io.cosmolite.server.route;

import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.ErrorResponses;

/** TODO: query plans, queries and readMany over the items feed (called by {@link DocumentRoutes}). */
final class QueryRoutes {
    private QueryRoutes() {}

    /** True when a POST to an items feed is a query or a query-plan request. */
    static boolean isQuery(Call call) {
        return false;
    }

    static Response handle(Call call) {
        return ErrorResponses.of(501, "Not implemented yet: queries");
    }
}
