package io.cosmolite.engine;

/** {@link ChangeFeedContract} on the RocksDb store. */
class RocksDbChangeFeedTest extends ChangeFeedContract {
    @Override
    boolean durable() {
        return true;
    }
}
