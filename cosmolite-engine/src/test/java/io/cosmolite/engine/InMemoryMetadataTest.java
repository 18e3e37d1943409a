package io.cosmolite.engine;

/** {@link MetadataContract} on the InMemory store. */
class InMemoryMetadataTest extends MetadataContract {
    @Override
    boolean durable() {
        return false;
    }
}
