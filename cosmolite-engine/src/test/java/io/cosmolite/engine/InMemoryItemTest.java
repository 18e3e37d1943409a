package io.cosmolite.engine;

/** {@link ItemContract} on the in-memory store. */
class InMemoryItemTest extends ItemContract {
    @Override
    boolean durable() {
        return false;
    }
}
