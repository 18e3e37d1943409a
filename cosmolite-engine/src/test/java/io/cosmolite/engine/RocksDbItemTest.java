package io.cosmolite.engine;

/** {@link ItemContract} on RocksDB. */
class RocksDbItemTest extends ItemContract {
    @Override
    boolean durable() {
        return true;
    }
}
