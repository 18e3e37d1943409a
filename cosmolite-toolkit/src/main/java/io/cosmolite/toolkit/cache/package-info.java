/**
 * A read-through cache (Caffeine) of point reads and chosen queries over one container, for one
 * document type: {@link io.cosmolite.toolkit.cache.ItemCache}, kept fresh by the writer's own
 * {@link io.cosmolite.toolkit.cache.ItemCache#invalidate invalidate} calls and, for writes by other
 * processes, by a {@link io.cosmolite.toolkit.cache.ChangeFeedInvalidator} polling the container's
 * change feed.
 *
 * <p>Depends on the official SDK's public API ({@code com.azure.cosmos}, {@code com.azure.cosmos.models}),
 * Caffeine, Jackson and Micrometer only; nothing of Cosmolite's, and no other toolkit package.
 */
package io.cosmolite.toolkit.cache;
