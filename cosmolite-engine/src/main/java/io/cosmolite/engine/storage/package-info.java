/**
 * The ordered key-value store under the engine: {@link io.cosmolite.engine.storage.KeyValueStore}
 * with an in-memory and a RocksDB implementation. This package is the only importer of
 * {@code org.rocksdb} and knows nothing of documents, partitions or queries; it depends on no other
 * engine package.
 */
package io.cosmolite.engine.storage;
