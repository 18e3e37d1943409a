package io.cosmolite.engine.query.access;

/** {@link IndexedQueryContract} on the in-memory store. */
class InMemoryIndexedQueryTest extends IndexedQueryContract {
    @Override
    boolean durable() {
        return false;
    }
}
