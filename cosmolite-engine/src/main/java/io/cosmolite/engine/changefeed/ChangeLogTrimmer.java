package io.cosmolite.engine.changefeed;

import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.layout.StoredItem;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.WriteBatch;

/**
 * Drops change-log records that left the retention window of a container that keeps all
 * versions (its change feed policy's {@code retentionDuration}), as Cosmos DB stops serving them.
 *
 * <p>A record older than the window goes only if nothing else needs it: a create or replace that
 * is still its item's current version stays (the latest-version feed shows it), and the newest
 * record of the range stays (the range's LSN sequence resumes after it on restart).
 */
public final class ChangeLogTrimmer {
    private final KeyValueStore store;

    /** A trimmer over {@code store}. */
    public ChangeLogTrimmer(KeyValueStore store) {
        this.store = store;
    }

    /**
     * Trims at most {@code maxExamined} records of one range, oldest first, whose time is before
     * {@code horizonSeconds}; returns how many it deleted.
     */
    public int trim(byte[] containerRid, int rangeIndex, long horizonSeconds, int maxExamined) {
        byte[] prefix = StorageKeys.changeLogPrefix(containerRid, rangeIndex);
        WriteBatch batch = new WriteBatch();
        int deleted = 0;
        try (KeyCursor c = store.scan(prefix, StorageKeys.prefixEnd(prefix))) {
            boolean has = c.next();
            for (int examined = 0; has && examined < maxExamined; examined++) {
                byte[] key = c.key();
                ChangeRecord record = ChangeRecord.decode(c.value());
                if (record.crts() >= horizonSeconds) {
                    break;
                }
                has = c.next();
                boolean newest = !has;
                if (!newest && !isCurrentVersion(containerRid, record)) {
                    batch.delete(key);
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            store.write(batch);
        }
        return deleted;
    }

    private boolean isCurrentVersion(byte[] containerRid, ChangeRecord record) {
        if (record.operation() == ChangeRecord.Operation.DELETE) {
            return false;
        }
        byte[] stored = store.get(StorageKeys.item(containerRid, record.epk(), record.id()));
        return stored != null && StoredItem.decode(stored).lsn() == record.lsn();
    }
}
