package io.cosmolite.engine.query.access;

/** {@link IndexedQueryContract} on RocksDB. */
class RocksDbIndexedQueryTest extends IndexedQueryContract {
    @Override
    boolean durable() {
        return true;
    }
}
