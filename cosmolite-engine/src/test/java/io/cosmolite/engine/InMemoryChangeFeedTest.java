package io.cosmolite.engine;

/** {@link ChangeFeedContract} on the InMemory store. */
class InMemoryChangeFeedTest extends ChangeFeedContract {
    @Override
    boolean durable() {
        return false;
    }
}
