/**
 * The change feed: per-partition LSN sequences, the change-log records written with every item
 * write, and the reader of both feed modes.
 *
 * <p>Depends on {@code storage}, {@code layout}, {@code ru}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.changefeed;
