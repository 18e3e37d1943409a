package io.cosmolite.engine.index;

/** {@link IndexMaintenanceContract} on the in-memory store. */
class InMemoryIndexMaintenanceTest extends IndexMaintenanceContract {
    @Override
    boolean durable() {
        return false;
    }
}
