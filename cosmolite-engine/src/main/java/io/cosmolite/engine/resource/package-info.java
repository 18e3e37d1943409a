/**
 * What every Cosmos DB resource has: its type, its binary resource id
 * ({@link io.cosmolite.engine.resource.ResourceId}), the rules for ids, and the system properties.
 *
 * <p>Depends on {@code json} and {@code error}.
 */
package io.cosmolite.engine.resource;
