package io.cosmolite.server.route;

import io.cosmolite.server.http.Request;

/**
 * One request on its way through a route.
 *
 * @param request the HTTP request
 * @param address the path read as resource addressing
 * @param names   the path with resource ids replaced by names ({@link Names#resolve}), the form the
 *                engine takes
 * @param server  the server's shared state
 */
public record Call(Request request, ResourceAddress address, ResourceAddress names, ServerContext server) {
    /** A request header (any case), or null. */
    public String header(String name) {
        return request.header(name);
    }
}
