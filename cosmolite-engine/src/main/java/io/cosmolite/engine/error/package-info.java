/**
 * The error catalog ({@link io.cosmolite.engine.error.ErrorCode}) and the one exception type the
 * engine throws. Depends on nothing else in the engine.
 */
package io.cosmolite.engine.error;
