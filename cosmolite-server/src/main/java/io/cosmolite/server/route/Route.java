package io.cosmolite.server.route;

import io.cosmolite.server.http.Response;

/** The handler of one resource type's feed or resources. Refusals propagate as {@code CosmosException}. */
@FunctionalInterface
interface Route {
    Response handle(Call call);
}
