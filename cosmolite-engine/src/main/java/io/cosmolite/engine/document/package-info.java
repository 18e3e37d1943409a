/**
 * Items: single operations and transactional batches on a logical partition, unique keys, TTL
 * visibility, range scans and the TTL purge.
 *
 * <p>Depends on {@code storage}, {@code layout}, {@code partition}, {@code patch},
 * {@code changefeed}, {@code container}, {@code index}, {@code resource}, {@code ru}, {@code json} and
 * {@code error}.
 */
package io.cosmolite.engine.document;
