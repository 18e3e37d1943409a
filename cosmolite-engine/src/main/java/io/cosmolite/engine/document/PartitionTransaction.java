package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.ChangeRecord;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.index.IndexRuntime;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.layout.StoredItem;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.patch.PatchApplier;
import io.cosmolite.engine.resource.IdRules;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.SystemProperties;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.engine.ru.WriteKind;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations on one logical partition that commit together: a single request is a
 * transaction of one operation, a transactional batch one of up to 100.
 *
 * <p>The caller holds the logical partition's lock for the transaction's whole life, so what
 * {@link #apply} reads cannot change under it. Each operation sees the effects of the ones before
 * it (an overlay of staged items and unique-key entries) and nothing reaches the store until
 * {@link #commit}, which writes items, unique-key entries, index entries and change-log records in
 * one atomic store batch. Each write takes one LSN of the physical partition when it is staged; the LSNs are
 * released after the commit (or the abort), which is what lets change-feed readers trust the
 * partition's watermark.
 *
 * <p>Reads work on {@link StoredItem}s and parse an item's JSON only when an operation needs its
 * content (patch, unique keys, a delete's charge).
 */
final class PartitionTransaction {
    /** Largest item accepted: its JSON as stored, system properties included, in bytes. */
    static final int MAX_ITEM_BYTES = 2 * 1024 * 1024;

    private record Staged(String id, StoredItem before, StoredItem after, long lsn, boolean ttlExpired) {}

    private final KeyValueStore store;
    private final ContainerState container;
    private final PartitionKeyValue partitionKey;
    private final String epk;
    private final int rangeIndex;
    private final long now;
    private final PatchCondition patchConditions;
    /** Items read or staged so far; a null value means absent. */
    private final Map<String, StoredItem> items = new HashMap<>();
    /** Unique-key entries changed so far; a null value means removed. */
    private final Map<String, String> uniqueOwners = new HashMap<>();
    private final List<Staged> staged = new ArrayList<>();
    /** What the store held for each written id before this transaction (null: nothing), for the index. */
    private final Map<String, StoredItem> storedBefore = new java.util.LinkedHashMap<>();
    private final List<Long> lsns = new ArrayList<>(1);

    PartitionTransaction(KeyValueStore store, ContainerState container, PartitionKeyValue partitionKey,
                         String epk, long nowSeconds, PatchCondition patchConditions) {
        this.store = store;
        this.container = container;
        this.partitionKey = partitionKey;
        this.epk = epk;
        this.rangeIndex = container.rangeIndexOf(epk);
        this.now = nowSeconds;
        this.patchConditions = patchConditions;
    }

    /** Applies one operation to the overlay; throws the operation's error, leaving the overlay as it was. */
    ItemResult apply(ItemOperation op) {
        if (op instanceof ItemOperation.Read r) {
            return read(r);
        }
        if (op instanceof ItemOperation.Create c) {
            ObjectNode body = prepareBody(c.body(), null);
            if (visible(body.get("id").textValue()) != null) {
                throw ErrorCode.CONFLICT.exception("Entity with the specified id already exists in the system.");
            }
            return write(body, null, WriteKind.CREATE, 201);
        }
        if (op instanceof ItemOperation.Upsert u) {
            ObjectNode body = prepareBody(u.body(), null);
            StoredItem before = visible(body.get("id").textValue());
            if (before == null) {
                if (u.ifMatch() != null) {
                    throw notFound();
                }
                return write(body, null, WriteKind.UPSERT_CREATE, 201);
            }
            checkIfMatch(before, u.ifMatch());
            return write(body, before, WriteKind.UPSERT_REPLACE, 200);
        }
        if (op instanceof ItemOperation.Replace r) {
            ObjectNode body = prepareBody(r.body(), r.id());
            StoredItem before = existing(r.id());
            checkIfMatch(before, r.ifMatch());
            return write(body, before, WriteKind.REPLACE, 200);
        }
        if (op instanceof ItemOperation.Patch p) {
            StoredItem before = existing(p.id());
            checkIfMatch(before, p.ifMatch());
            if (p.patch().condition() != null && !patchConditions.test(p.patch().condition(), before.node())) {
                throw preconditionFailed();
            }
            ObjectNode patched = PatchApplier.apply(before.node(), p.patch().operations());
            return write(prepareBody(patched, p.id()), before, WriteKind.PATCH, 200);
        }
        ItemOperation.Delete d = (ItemOperation.Delete) op;
        StoredItem before = existing(d.id());
        checkIfMatch(before, d.ifMatch());
        return remove(before, false);
    }

    /** Stages the removal of an expired item by the TTL purge; false when it is gone or alive. */
    boolean purgeIfExpired(String id) {
        StoredItem stored = current(id);
        if (stored == null || !Expiry.isExpired(stored, container.defaultTtl(), now)) {
            return false;
        }
        remove(stored, true);
        return true;
    }

    /** Writes every staged change in one atomic store batch. */
    void commit() {
        if (staged.isEmpty()) {
            return;
        }
        WriteBatch batch = new WriteBatch();
        for (Staged s : staged) {
            byte[] itemKey = StorageKeys.item(container.ridBytes(), epk, s.id());
            ChangeRecord.Operation operation;
            if (s.after() == null) {
                batch.delete(itemKey);
                operation = ChangeRecord.Operation.DELETE;
            } else {
                batch.put(itemKey, s.after().encode());
                operation = s.before() == null ? ChangeRecord.Operation.CREATE : ChangeRecord.Operation.REPLACE;
            }
            ChangeRecord record = new ChangeRecord(operation, s.lsn(), now, s.id(), epk,
                    s.after() == null || !container.keepsAllVersions() ? null : s.after().json(),
                    s.before() == null ? 0 : s.before().lsn(), s.ttlExpired());
            batch.put(StorageKeys.changeLog(container.ridBytes(), rangeIndex, s.lsn()), record.encode());
            if (s.before() != null && !container.keepsAllVersions()) {
                // Only the all-versions feed reads superseded records: elsewhere the log keeps one
                // record per item (its latest change), so it grows with the items, not the writes.
                batch.delete(StorageKeys.changeLog(container.ridBytes(), rangeIndex, s.before().lsn()));
            }
        }
        for (Map.Entry<String, String> u : uniqueOwners.entrySet()) {
            byte[] key = uniqueKey(u.getKey());
            if (u.getValue() == null) {
                batch.delete(key);
            } else {
                batch.put(key, u.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        IndexRuntime index = container.runtime().index();
        if (index.maintains()) {
            // The index goes from what was stored before the transaction (an expired item that a
            // create replaces included) to what the transaction leaves.
            for (Map.Entry<String, StoredItem> change : storedBefore.entrySet()) {
                StoredItem before = change.getValue();
                StoredItem after = items.get(change.getKey());
                index.maintain(batch, rangeIndex, epk, change.getKey(),
                        before == null ? null : before.node(), after == null ? null : after.node());
            }
        }
        store.write(batch);
    }

    /** Returns the LSNs this transaction took; call exactly once, after commit or abort. */
    void releaseLsns() {
        for (long lsn : lsns) {
            container.lsn(rangeIndex).release(lsn);
        }
    }

    private ItemResult read(ItemOperation.Read r) {
        StoredItem item = existing(r.id());
        long lsn = container.lsn(rangeIndex).watermark();
        double charge = RequestCharges.pointRead(item.jsonLength());
        if (r.ifNoneMatch() != null && (r.ifNoneMatch().equals("*") || r.ifNoneMatch().equals(item.etag()))) {
            return new ItemResult(304, 0, null, item.etag(), charge, null, lsn);
        }
        return new ItemResult(200, 0, item, item.etag(), charge, null, lsn);
    }

    private ItemResult write(ObjectNode body, StoredItem before, WriteKind kind, int status) {
        String id = body.get("id").textValue();
        long lsn = takeLsn();
        String rid = before != null
                ? before.rid()
                : ResourceId.document(container.rid(), ((long) rangeIndex << 48) | lsn).toString();
        String etag = SystemProperties.newEtag();
        body.put(SystemProperties.RID, rid);
        body.put(SystemProperties.SELF, container.selfLink() + "docs/" + rid + "/");
        body.put(SystemProperties.ETAG, etag);
        body.put(SystemProperties.ATTACHMENTS, "attachments/");
        body.put(SystemProperties.TS, now);
        body.put(SystemProperties.LSN, lsn);
        byte[] json = Json.toBytes(body);
        if (json.length > MAX_ITEM_BYTES) {
            throw ErrorCode.REQUEST_ENTITY_TOO_LARGE.exception(
                    "Request size is too large: an item may be at most %d bytes.", MAX_ITEM_BYTES);
        }
        if (!container.uniqueKeys().isEmpty()) {
            claimUniqueKeys(id, body);
        }
        StoredItem after = StoredItem.of(body, json);
        rememberStored(id);
        items.put(id, after);
        staged.add(new Staged(id, before, after, lsn, false));
        double charge = RequestCharges.write(kind, json.length, container.indexedTerms(body));
        return new ItemResult(status, 0, after, etag, charge, null, lsn);
    }

    /** Checks the new item's unique-key values against other items, then takes them over. */
    private void claimUniqueKeys(String id, ObjectNode body) {
        List<String> values = UniqueKeys.valuesOf(body, container.uniqueKeys());
        for (int k = 0; k < values.size(); k++) {
            String owner = uniqueOwner(k + ":" + values.get(k));
            if (owner != null && !owner.equals(id) && visible(owner) != null) {
                throw ErrorCode.CONFLICT.exception(
                        "Unique index constraint violation: another item in this logical partition has the same "
                                + "value for the unique key %s.", container.uniqueKeys().get(k));
            }
        }
        // What is stored under this id (the replaced version, or an expired item that a create
        // replaces) gives up its entries first.
        StoredItem stored = current(id);
        if (stored != null) {
            releaseUniqueKeys(id, stored);
        }
        for (int k = 0; k < values.size(); k++) {
            uniqueOwners.put(k + ":" + values.get(k), id);
        }
    }

    private void releaseUniqueKeys(String id, StoredItem item) {
        List<String> values = UniqueKeys.valuesOf(item.node(), container.uniqueKeys());
        for (int k = 0; k < values.size(); k++) {
            String entry = k + ":" + values.get(k);
            if (id.equals(uniqueOwner(entry))) {
                uniqueOwners.put(entry, null);
            }
        }
    }

    private ItemResult remove(StoredItem before, boolean ttlExpired) {
        String id = before.node().get("id").textValue();
        if (!container.uniqueKeys().isEmpty()) {
            releaseUniqueKeys(id, before);
        }
        long lsn = takeLsn();
        rememberStored(id);
        items.put(id, null);
        staged.add(new Staged(id, before, null, lsn, ttlExpired));
        double charge = RequestCharges.write(WriteKind.DELETE, before.jsonLength(),
                container.indexedTerms(before.node()));
        return new ItemResult(204, 0, null, null, charge, null, lsn);
    }

    /** Validates a client body for a write and returns the copy to store. */
    private ObjectNode prepareBody(ObjectNode clientBody, String expectedId) {
        ObjectNode body = SystemProperties.itemCopy(clientBody);
        String id = IdRules.itemId(body);
        if (expectedId != null && !expectedId.equals(id)) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The id in the body ('%s') does not match the id of the item addressed ('%s').", id, expectedId);
        }
        Expiry.validateItemTtl(body);
        PartitionKeyValue extracted = PartitionKeyValue.fromDocument(body, container.partitionKey());
        if (!extracted.equals(partitionKey)) {
            throw ErrorCode.PARTITION_KEY_MISMATCH.exception(
                    "PartitionKey extracted from document doesn't match the one specified in the header.");
        }
        return body;
    }

    private long takeLsn() {
        long lsn = container.lsn(rangeIndex).reserve();
        lsns.add(lsn);
        return lsn;
    }

    /** Notes what the store holds for {@code id} before this transaction first writes it. */
    private void rememberStored(String id) {
        if (!storedBefore.containsKey(id)) {
            storedBefore.put(id, current(id));
        }
    }

    /** The visible item (not deleted, not expired), or null. */
    private StoredItem visible(String id) {
        StoredItem item = current(id);
        return item == null || Expiry.isExpired(item, container.defaultTtl(), now) ? null : item;
    }

    private StoredItem existing(String id) {
        StoredItem item = visible(id);
        if (item == null) {
            throw notFound();
        }
        return item;
    }

    /** The item as stored or staged, expired or not; null when absent. */
    private StoredItem current(String id) {
        if (items.containsKey(id)) {
            return items.get(id);
        }
        byte[] raw = store.get(StorageKeys.item(container.ridBytes(), epk, id));
        StoredItem item = raw == null ? null : StoredItem.decode(raw);
        items.put(id, item);
        return item;
    }

    private String uniqueOwner(String entry) {
        if (uniqueOwners.containsKey(entry)) {
            return uniqueOwners.get(entry);
        }
        byte[] raw = store.get(uniqueKey(entry));
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    private byte[] uniqueKey(String entry) {
        int colon = entry.indexOf(':');
        return StorageKeys.unique(container.ridBytes(), epk, Integer.parseInt(entry.substring(0, colon)),
                entry.substring(colon + 1));
    }

    private static void checkIfMatch(StoredItem item, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(item.etag())) {
            throw preconditionFailed();
        }
    }

    private static CosmosException preconditionFailed() {
        return ErrorCode.PRECONDITION_FAILED.exception(
                "Operation cannot be performed because one of the specified precondition is not met.");
    }

    private static CosmosException notFound() {
        return ErrorCode.NOT_FOUND.exception("Entity with the specified id does not exist in the system.");
    }
}
