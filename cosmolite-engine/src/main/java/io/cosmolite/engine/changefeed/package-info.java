/**
 * The change feed: per-partition LSN sequences, the change-log records written with every item
 * write, and the reader of both feed modes. Depends on {@code storage}, {@code layout},
 * {@code json} and {@code error}.
 */
package io.cosmolite.engine.changefeed;
