package io.cosmolite.engine.changefeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.layout.StoredItem;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a physical partition's change log in both feed modes.
 *
 * <p>Latest-version mode walks the same log and keeps a create or replace only if it is still the
 * item's current version (its LSN equals the stored item's {@code _lsn}): an item changed twice
 * appears once, at its latest change, and deletes do not appear. All-versions mode returns every
 * record with its metadata, and the previous image read from the record at {@code previousLsn}.
 * Reads never go past the partition's watermark, so no continuation skips a write still in flight.
 */
public final class ChangeFeedReader {
    private final KeyValueStore store;

    /** A reader over {@code store}. */
    public ChangeFeedReader(KeyValueStore store) {
        this.store = store;
    }

    /** Reads one page of range {@code rangeIndex} of the container whose rid is {@code containerRid}. */
    public ChangeFeedPage read(byte[] containerRid, int rangeIndex, LsnSequence lsns, ChangeFeedRequest request) {
        long watermark = lsns.watermark();
        long after = startAfter(containerRid, rangeIndex, request.start(), watermark);
        List<ObjectNode> items = new ArrayList<>();
        long continuation = Math.min(after, watermark);
        long bytes = 0;
        if (after < watermark) {
            byte[] from = StorageKeys.changeLog(containerRid, rangeIndex, after + 1);
            byte[] to = StorageKeys.changeLog(containerRid, rangeIndex, watermark + 1);
            try (KeyCursor c = store.scan(from, to)) {
                while (items.size() < request.maxItems() && c.next()) {
                    ChangeRecord record = ChangeRecord.decode(c.value());
                    continuation = record.lsn();
                    if (!inRange(record.epk(), request)) {
                        continue;
                    }
                    ObjectNode item = request.mode() == ChangeFeedRequest.Mode.LATEST_VERSION
                            ? latestVersion(containerRid, record)
                            : allVersions(containerRid, rangeIndex, record);
                    if (item != null) {
                        items.add(item);
                        bytes += c.value().length;
                    }
                }
                if (items.size() < request.maxItems()) {
                    continuation = watermark;
                }
            }
        }
        return new ChangeFeedPage(items, continuation, RequestCharges.feedRead(items.size(), bytes));
    }

    private long startAfter(byte[] containerRid, int rangeIndex, ChangeFeedRequest.Start start, long watermark) {
        if (start instanceof ChangeFeedRequest.Start.AfterLsn a) {
            return a.lsn();
        }
        if (start instanceof ChangeFeedRequest.Start.Now) {
            return watermark;
        }
        if (start instanceof ChangeFeedRequest.Start.PointInTime t) {
            return lastLsnBefore(containerRid, rangeIndex, t.epochSeconds(), watermark);
        }
        return 0;
    }

    private ObjectNode latestVersion(byte[] containerRid, ChangeRecord record) {
        if (record.operation() == ChangeRecord.Operation.DELETE) {
            return null;
        }
        byte[] stored = store.get(StorageKeys.item(containerRid, record.epk(), record.id()));
        if (stored == null) {
            return null;
        }
        StoredItem item = StoredItem.decode(stored);
        return item.lsn() == record.lsn() ? item.node() : null;
    }

    private ObjectNode allVersions(byte[] containerRid, int rangeIndex, ChangeRecord record) {
        ObjectNode out = Json.object();
        ObjectNode current = record.current();
        out.set("current", current != null ? current : Json.object());
        ObjectNode meta = out.putObject("metadata");
        meta.put("operationType", record.operation().wireName());
        meta.put("lsn", record.lsn());
        meta.put("crts", record.crts());
        meta.put("previousImageLSN", record.previousLsn());
        meta.put("timeToLiveExpired", record.timeToLiveExpired());
        if (record.operation() == ChangeRecord.Operation.DELETE) {
            meta.put("id", record.id());
        }
        if (record.previousLsn() > 0) {
            byte[] prev = store.get(StorageKeys.changeLog(containerRid, rangeIndex, record.previousLsn()));
            if (prev != null) {
                ObjectNode previous = ChangeRecord.decode(prev).current();
                if (previous != null) {
                    out.set("previous", previous);
                }
            }
        }
        return out;
    }

    private long lastLsnBefore(byte[] containerRid, int rangeIndex, long epochSeconds, long watermark) {
        byte[] from = StorageKeys.changeLog(containerRid, rangeIndex, 1);
        byte[] to = StorageKeys.changeLog(containerRid, rangeIndex, watermark + 1);
        long last = 0;
        try (KeyCursor c = store.scan(from, to)) {
            while (c.next()) {
                ChangeRecord record = ChangeRecord.decode(c.value());
                if (record.crts() >= epochSeconds) {
                    break;
                }
                last = record.lsn();
            }
        }
        return last;
    }

    /** The last LSN used in a range's log, 0 for an empty log: where its sequence resumes on open. */
    public long lastLsn(byte[] containerRid, int rangeIndex) {
        byte[] prefix = StorageKeys.changeLogPrefix(containerRid, rangeIndex);
        try (KeyCursor c = store.scanDescending(prefix, StorageKeys.prefixEnd(prefix))) {
            return c.next() ? StorageKeys.lsnOf(c.key()) : 0;
        }
    }

    private static boolean inRange(String epk, ChangeFeedRequest request) {
        return epk.compareTo(request.minEpk()) >= 0
                && (request.maxEpk().equals("FF") || epk.compareTo(request.maxEpk()) < 0);
    }
}
