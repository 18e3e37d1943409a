/**
 * How the engine's data maps to the key-value store: the key layout
 * ({@link io.cosmolite.engine.layout.StorageKeys}) and the stored form of an item
 * ({@link io.cosmolite.engine.layout.StoredItem}).
 *
 * <p>Depends on {@code json}.
 */
package io.cosmolite.engine.layout;
