/**
 * Items: single operations and transactional batches on a logical partition, unique keys, TTL
 * visibility, range scans. Depends on {@code storage}, {@code layout}, {@code partition},
 * {@code patch}, {@code changefeed}, {@code resource}, {@code ru}, {@code json} and {@code error}.
 */
package io.cosmolite.engine.document;
