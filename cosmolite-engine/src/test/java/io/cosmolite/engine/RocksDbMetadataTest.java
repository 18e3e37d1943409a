package io.cosmolite.engine;

/** {@link MetadataContract} on the RocksDb store. */
class RocksDbMetadataTest extends MetadataContract {
    @Override
    boolean durable() {
        return true;
    }
}
