/**
 * Resource addressing and the route handlers: {@link io.cosmolite.server.route.Router} authenticates
 * a request, resolves its path ({@link io.cosmolite.server.route.ResourceAddress}) and hands it to
 * the route of its resource type; every route answers with Cosmos's headers and lets refusals
 * propagate as {@code CosmosException}, which the router maps in one place.
 */
package io.cosmolite.server.route;
