/** The storage key layout of the engine (see {@link io.cosmolite.engine.layout.StorageKeys}). Depends on nothing. */
package io.cosmolite.engine.layout;
