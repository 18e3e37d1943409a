package io.cosmolite.server.route;

import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.ErrorResponses;

/** TODO: the routes of this resource type. */
final class ContainerRoutes implements Route {
    @Override
    public Response handle(Call call) {
        return ErrorResponses.of(501, "Not implemented yet: " + call.request().method() + " " + call.request().path());
    }
}
