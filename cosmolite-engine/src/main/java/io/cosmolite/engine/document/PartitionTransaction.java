package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.ChangeRecord;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.patch.PatchApplier;
import io.cosmolite.engine.resource.IdRules;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.SystemProperties;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.engine.ru.WriteKind;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.WriteBatch;
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
 * {@link #commit}, which writes items, unique-key entries and change-log records in one atomic
 * store batch. Each write takes one LSN of the physical partition when it is staged; the LSNs are
 * released after the commit (or the abort), which is what lets change-feed readers trust the
 * partition's watermark.
 */
final class PartitionTransaction {
    /** Largest item accepted, in bytes of its JSON. */
    static final int MAX_ITEM_BYTES = 2 * 1024 * 1024;

    private static final ObjectNode ABSENT = Json.object();

    private record Staged(String id, ObjectNode before, ObjectNode after, long lsn, boolean ttlExpired) {}

    private final KeyValueStore store;
    private final ContainerState container;
    private final PartitionKeyValue partitionKey;
    private final String epk;
    private final int rangeIndex;
    private final long now;
    private final Map<String, ObjectNode> items = new HashMap<>();
    private final Map<String, String> uniqueOwners = new HashMap<>();
    private final List<Staged> staged = new ArrayList<>();
    private final List<Long> lsns = new ArrayList<>(1);

    PartitionTransaction(KeyValueStore store, ContainerState container, PartitionKeyValue partitionKey,
                         String epk, long nowSeconds) {
        this.store = store;
        this.container = container;
        this.partitionKey = partitionKey;
        this.epk = epk;
        this.rangeIndex = container.rangeIndexOf(epk);
        this.now = nowSeconds;
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
            ObjectNode before = visible(body.get("id").textValue());
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
            ObjectNode before = existing(r.id());
            checkIfMatch(before, r.ifMatch());
            return write(body, before, WriteKind.REPLACE, 200);
        }
        if (op instanceof ItemOperation.Patch p) {
            ObjectNode before = existing(p.id());
            checkIfMatch(before, p.ifMatch());
            if (p.patch().condition() != null) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "Conditional patch ('condition') is not supported yet: it needs the query engine.");
            }
            ObjectNode patched = PatchApplier.apply(before, p.patch().operations());
            return write(prepareBody(patched, p.id()), before, WriteKind.PATCH, 200);
        }
        ItemOperation.Delete d = (ItemOperation.Delete) op;
        ObjectNode before = existing(d.id());
        checkIfMatch(before, d.ifMatch());
        return remove(before, false);
    }

    /** Stages the removal of an expired item by the TTL purge; false when it is gone or alive. */
    boolean purgeIfExpired(String id) {
        ObjectNode stored = current(id);
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
            if (s.after() == null) {
                batch.delete(itemKey);
            } else {
                batch.put(itemKey, Json.toBytes(s.after()));
            }
            ChangeRecord record = new ChangeRecord(
                    s.after() == null ? ChangeRecord.Operation.DELETE
                            : s.before() == null ? ChangeRecord.Operation.CREATE : ChangeRecord.Operation.REPLACE,
                    s.lsn(), now, s.id(), partitionKey.toHeaderJson(), epk, s.after(),
                    s.before() == null ? 0 : s.before().path(SystemProperties.LSN).asLong(), s.ttlExpired());
            batch.put(StorageKeys.changeLog(container.ridBytes(), rangeIndex, s.lsn()), record.toBytes());
        }
        for (Map.Entry<String, String> u : uniqueOwners.entrySet()) {
            byte[] key = uniqueKey(u.getKey());
            if (u.getValue() == null) {
                batch.delete(key);
            } else {
                batch.put(key, u.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    /** The range index of the partition this transaction writes. */
    int rangeIndex() {
        return rangeIndex;
    }

    private ItemResult read(ItemOperation.Read r) {
        ObjectNode item = existing(r.id());
        String etag = item.get(SystemProperties.ETAG).textValue();
        long lsn = container.lsn(rangeIndex).watermark();
        int bytes = Json.toBytes(item).length;
        double charge = RequestCharges.pointRead(bytes);
        if (r.ifNoneMatch() != null && (r.ifNoneMatch().equals("*") || r.ifNoneMatch().equals(etag))) {
            return new ItemResult(304, 0, null, etag, charge, null, lsn);
        }
        return new ItemResult(200, 0, item, etag, charge, null, lsn);
    }

    private ItemResult write(ObjectNode body, ObjectNode before, WriteKind kind, int status) {
        String id = body.get("id").textValue();
        List<String> newUnique = UniqueKeys.valuesOf(body, container.uniqueKeys());
        List<String> oldUnique = before == null ? List.of() : UniqueKeys.valuesOf(before, container.uniqueKeys());
        for (int k = 0; k < newUnique.size(); k++) {
            String entry = k + ":" + newUnique.get(k);
            String owner = uniqueOwner(entry);
            if (owner != null && !owner.equals(id) && visible(owner) != null) {
                throw ErrorCode.CONFLICT.exception(
                        "Unique index constraint violation: another item in this logical partition has the same "
                                + "value for the unique key %s.", container.uniqueKeys().get(k));
            }
        }
        // The item stored before may be an expired one that create replaces: drop its unique entries.
        ObjectNode stored = current(id);
        if (stored != null) {
            List<String> storedUnique = UniqueKeys.valuesOf(stored, container.uniqueKeys());
            for (int k = 0; k < storedUnique.size(); k++) {
                releaseUnique(k + ":" + storedUnique.get(k), id);
            }
        }
        for (int k = 0; k < newUnique.size(); k++) {
            uniqueOwners.put(k + ":" + newUnique.get(k), id);
        }
        long lsn = takeLsn();
        String rid = before != null
                ? before.get(SystemProperties.RID).textValue()
                : ResourceId.document(container.rid(), ((long) rangeIndex << 48) | lsn).toString();
        String etag = SystemProperties.newEtag();
        body.put(SystemProperties.RID, rid);
        body.put(SystemProperties.SELF, container.selfLink() + "docs/" + rid + "/");
        body.put(SystemProperties.ETAG, etag);
        body.put(SystemProperties.ATTACHMENTS, "attachments/");
        body.put(SystemProperties.TS, now);
        body.put(SystemProperties.LSN, lsn);
        items.put(id, body);
        staged.add(new Staged(id, before, body, lsn, false));
        int bytes = Json.toBytes(body).length;
        int terms = container.indexedTerms(body);
        return new ItemResult(status, 0, body, etag, RequestCharges.write(kind, bytes, terms), null, lsn);
    }

    private ItemResult remove(ObjectNode before, boolean ttlExpired) {
        String id = before.get("id").textValue();
        List<String> oldUnique = UniqueKeys.valuesOf(before, container.uniqueKeys());
        for (int k = 0; k < oldUnique.size(); k++) {
            releaseUnique(k + ":" + oldUnique.get(k), id);
        }
        long lsn = takeLsn();
        items.put(id, ABSENT);
        staged.add(new Staged(id, before, null, lsn, ttlExpired));
        int bytes = Json.toBytes(before).length;
        int terms = container.indexedTerms(before);
        return new ItemResult(204, 0, null, null, RequestCharges.write(WriteKind.DELETE, bytes, terms), null, lsn);
    }

    /** Validates a client body for a write and returns the copy to store. */
    private ObjectNode prepareBody(ObjectNode clientBody, String expectedId) {
        ObjectNode body = clientBody.deepCopy();
        SystemProperties.strip(body);
        String id = IdRules.itemId(body);
        if (expectedId != null && !expectedId.equals(id)) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The id in the body ('%s') does not match the id of the item addressed ('%s').", id, expectedId);
        }
        Expiry.validateItemTtl(body);
        if (Json.toBytes(body).length > MAX_ITEM_BYTES) {
            throw ErrorCode.REQUEST_ENTITY_TOO_LARGE.exception(
                    "Request size is too large: an item may be at most %d bytes.", MAX_ITEM_BYTES);
        }
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

    /** The visible item (not deleted, not expired), or null. */
    private ObjectNode visible(String id) {
        ObjectNode item = current(id);
        return item == null || Expiry.isExpired(item, container.defaultTtl(), now) ? null : item;
    }

    private ObjectNode existing(String id) {
        ObjectNode item = visible(id);
        if (item == null) {
            throw notFound();
        }
        return item;
    }

    /** The item as stored or staged, expired or not; null when absent. */
    private ObjectNode current(String id) {
        ObjectNode item = items.get(id);
        if (item == null) {
            byte[] raw = store.get(StorageKeys.item(container.ridBytes(), epk, id));
            item = raw == null ? ABSENT : (ObjectNode) Json.parse(raw);
            items.put(id, item);
        }
        return item == ABSENT ? null : item;
    }

    private String uniqueOwner(String entry) {
        if (uniqueOwners.containsKey(entry)) {
            return uniqueOwners.get(entry);
        }
        byte[] raw = store.get(uniqueKey(entry));
        return raw == null ? null : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void releaseUnique(String entry, String id) {
        if (id.equals(uniqueOwner(entry))) {
            uniqueOwners.put(entry, null);
        }
    }

    private byte[] uniqueKey(String entry) {
        int colon = entry.indexOf(':');
        return StorageKeys.unique(container.ridBytes(), epk, Integer.parseInt(entry.substring(0, colon)),
                entry.substring(colon + 1));
    }

    private static void checkIfMatch(ObjectNode item, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*")
                && !ifMatch.equals(item.get(SystemProperties.ETAG).textValue())) {
            throw ErrorCode.PRECONDITION_FAILED.exception(
                    "Operation cannot be performed because one of the specified precondition is not met.");
        }
    }

    private static CosmosException notFound() {
        return ErrorCode.NOT_FOUND.exception("Entity with the specified id does not exist in the system.");
    }
}
