package io.cosmolite.engine.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.IdRules;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.resource.SystemProperties;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores the metadata resources (databases, containers, users, permissions, scripts, offers):
 * create, read, replace, delete and list, with system properties, etags and cascading deletes.
 *
 * <p>Metadata writes are rare, so they are serialized by one lock; that makes id-sequence updates
 * and the existence checks of create simple and exact. Reads take no lock. What is special about a
 * type (the container's properties, a trigger's fields) lives in {@link ResourceBodies}.
 */
public final class MetadataStore {

    /** A stored resource together with its identity. */
    public record Entry(ResourceType type, ResourceId rid, ObjectNode body) {
        /** The resource's id. */
        public String id() {
            return body.get("id").textValue();
        }

        /** The resource's etag. */
        public String etag() {
            return body.path(SystemProperties.ETAG).asText();
        }
    }

    /** Called inside the metadata lock when a resource is replaced or deleted. */
    public interface Listener {
        /** A resource was replaced. */
        void replaced(Entry before, Entry after);

        /** A resource was deleted; the listener adds the removal of dependent data to {@code batch}. */
        void deleting(Entry entry, WriteBatch batch);
    }

    private final KeyValueStore store;
    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Listener listener = new Listener() {
        @Override
        public void replaced(Entry before, Entry after) {}

        @Override
        public void deleting(Entry entry, WriteBatch batch) {}
    };

    /** A metadata store over {@code store}, stamping {@code _ts} from {@code clock}. */
    public MetadataStore(KeyValueStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Sets the one listener told of replaces and deletes. */
    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * Resolves the chain of owners for a resource of {@code type}: {@code parentIds} are the ids
     * from the database down (empty for databases and offers). 404/1003 when an owner is missing.
     */
    public Entry resolveParent(ResourceType type, List<String> parentIds) {
        List<ResourceType> chain = ownerChain(type);
        if (chain.size() != parentIds.size()) {
            throw new IllegalArgumentException(type + " needs " + chain.size() + " owner ids, got " + parentIds);
        }
        Entry owner = null;
        for (int i = 0; i < chain.size(); i++) {
            Entry next = find(chain.get(i), owner, parentIds.get(i));
            if (next == null) {
                throw ErrorCode.OWNER_RESOURCE_NOT_FOUND.exception(
                        "Owner resource does not exist: %s '%s' was not found.", describe(chain.get(i)), parentIds.get(i));
            }
            owner = next;
        }
        return owner;
    }

    /** Reads a resource; 404 when it or an owner is missing. */
    public Entry read(ResourceType type, List<String> parentIds, String id) {
        Entry parent = resolveParent(type, parentIds);
        Entry entry = find(type, parent, id);
        if (entry == null) {
            throw ErrorCode.NOT_FOUND.exception("Resource Not Found: %s '%s' does not exist.", describe(type), id);
        }
        return entry;
    }

    /** Finds a resource by id under a resolved owner ({@code null} for account-level types), or null. */
    public Entry find(ResourceType type, Entry parent, String id) {
        byte[] value = store.get(StorageKeys.metadata(parentKey(parent), type.keyByte(), id));
        return value == null ? null : toEntry(type, value);
    }

    /** Every resource of {@code type} under the owner, in id order. */
    public List<Entry> list(ResourceType type, List<String> parentIds) {
        return list(type, resolveParent(type, parentIds));
    }

    /** Every resource of {@code type} under a resolved owner, in id order. */
    public List<Entry> list(ResourceType type, Entry parent) {
        byte[] prefix = StorageKeys.metadataPrefix(parentKey(parent), type.keyByte());
        List<Entry> out = new ArrayList<>();
        try (KeyCursor c = store.scan(prefix, StorageKeys.prefixEnd(prefix))) {
            while (c.next()) {
                out.add(toEntry(type, c.value()));
            }
        }
        return out;
    }

    /**
     * Creates a resource from a client body; 409 when the id is taken. {@code extra} runs inside
     * the lock with the new entry and may add more writes (a container's ranges) to the batch.
     */
    public Entry create(ResourceType type, List<String> parentIds, ObjectNode clientBody, CreateHook extra) {
        writeLock.lock();
        try {
            Entry parent = resolveParent(type, parentIds);
            ObjectNode body = ResourceBodies.forCreate(type, clientBody);
            String id = body.get("id").textValue();
            byte[] parentKey = parentKey(parent);
            if (find(type, parent, id) != null) {
                throw ErrorCode.CONFLICT.exception("Resource with specified id or name already exists: %s '%s'.", describe(type), id);
            }
            WriteBatch batch = new WriteBatch();
            ResourceId rid = nextRid(type, parent, parentKey, batch);
            if (type == ResourceType.OFFER) {
                body.put("id", rid.toString());
            }
            stamp(type, parent, rid, body);
            Entry entry = new Entry(type, rid, body);
            if (extra != null) {
                extra.adding(entry, batch);
            }
            batch.put(StorageKeys.metadata(parentKey, type.keyByte(), body.get("id").textValue()), Json.toBytes(body));
            store.write(batch);
            return entry;
        } finally {
            writeLock.unlock();
        }
    }

    /** Extra writes that accompany a create. */
    @FunctionalInterface
    public interface CreateHook {
        /** Adds writes for the new entry to the batch. */
        void adding(Entry entry, WriteBatch batch);
    }

    /** Replaces a resource's client-settable properties; 404, 412 on a stale If-Match, 400 on bad input. */
    public Entry replace(ResourceType type, List<String> parentIds, String id, ObjectNode clientBody, String ifMatch) {
        writeLock.lock();
        try {
            Entry before = read(type, parentIds, id);
            checkIfMatch(before, ifMatch);
            ObjectNode body = ResourceBodies.forReplace(type, before.body(), clientBody);
            if (!id.equals(body.get("id").textValue())) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "The id in the body ('%s') does not match the id in the request ('%s').", body.get("id").textValue(), id);
            }
            Entry parent = resolveParent(type, parentIds);
            stamp(type, parent, before.rid(), body);
            Entry after = new Entry(type, before.rid(), body);
            store.write(new WriteBatch().put(
                    StorageKeys.metadata(parentKey(parent), type.keyByte(), id), Json.toBytes(body)));
            listener.replaced(before, after);
            return after;
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes a resource body as it is (no validation): for internal updates such as an offer's throughput. */
    public Entry overwrite(Entry parent, Entry entry, ObjectNode body) {
        writeLock.lock();
        try {
            stamp(entry.type(), parent, entry.rid(), body);
            store.write(new WriteBatch().put(
                    StorageKeys.metadata(parentKey(parent), entry.type().keyByte(), entry.id()), Json.toBytes(body)));
            return new Entry(entry.type(), entry.rid(), body);
        } finally {
            writeLock.unlock();
        }
    }

    /** Deletes a resource and everything it owns; 404, 412 on a stale If-Match. */
    public Entry delete(ResourceType type, List<String> parentIds, String id, String ifMatch) {
        writeLock.lock();
        try {
            Entry parent = resolveParent(type, parentIds);
            Entry entry = find(type, parent, id);
            if (entry == null) {
                throw ErrorCode.NOT_FOUND.exception("Resource Not Found: %s '%s' does not exist.", describe(type), id);
            }
            checkIfMatch(entry, ifMatch);
            WriteBatch batch = new WriteBatch();
            deleteRecursively(parent, entry, batch);
            store.write(batch);
            return entry;
        } finally {
            writeLock.unlock();
        }
    }

    private void deleteRecursively(Entry parent, Entry entry, WriteBatch batch) {
        for (ResourceType childType : ResourceType.childrenOf(entry.type())) {
            for (Entry child : list(childType, entry)) {
                deleteRecursively(entry, child, batch);
            }
        }
        byte[] parentKey = parentKey(parent);
        for (ResourceType childType : ResourceType.childrenOf(entry.type())) {
            batch.delete(StorageKeys.sequence(entry.rid().bytes(), childType.keyByte()));
        }
        listener.deleting(entry, batch);
        batch.delete(StorageKeys.metadata(parentKey, entry.type().keyByte(), entry.id()));
    }

    private static void checkIfMatch(Entry entry, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(entry.etag())) {
            throw ErrorCode.PRECONDITION_FAILED.exception(
                    "Operation cannot be performed because one of the specified precondition is not met.");
        }
    }

    private ResourceId nextRid(ResourceType type, Entry parent, byte[] parentKey, WriteBatch batch) {
        byte[] seqKey = StorageKeys.sequence(parentKey, type.keyByte());
        byte[] current = store.get(seqKey);
        long next = (current == null ? 0 : ByteBuffer.wrap(current).getLong()) + 1;
        batch.put(seqKey, ByteBuffer.allocate(8).putLong(next).array());
        int n = Math.toIntExact(next);
        return switch (type) {
            case DATABASE -> ResourceId.database(n);
            case CONTAINER -> ResourceId.container(parent.rid(), n);
            case USER -> ResourceId.user(parent.rid(), n);
            case PERMISSION -> ResourceId.permission(parent.rid(), next);
            case STORED_PROCEDURE -> ResourceId.storedProcedure(parent.rid(), next);
            case TRIGGER -> ResourceId.trigger(parent.rid(), next);
            case USER_DEFINED_FUNCTION -> ResourceId.userDefinedFunction(parent.rid(), next);
            case OFFER -> ResourceId.offer(n);
            case DOCUMENT -> throw new IllegalArgumentException("documents are not metadata");
        };
    }

    private void stamp(ResourceType type, Entry parent, ResourceId rid, ObjectNode body) {
        body.put(SystemProperties.RID, rid.toString());
        body.put(SystemProperties.SELF, selfLink(type, parent, rid));
        body.put(SystemProperties.ETAG, SystemProperties.newEtag());
        ResourceBodies.addFeedLinks(type, body);
        body.put(SystemProperties.TS, clock.millis() / 1000);
    }

    /** The {@code _self} link of a resource, e.g. {@code dbs/AAAA==/colls/AAAAAIAA=/}. */
    public static String selfLink(ResourceType type, Entry parent, ResourceId rid) {
        String own = type.segment() + "/" + rid + "/";
        return parent == null ? own : parent.body().get(SystemProperties.SELF).textValue() + own;
    }

    private static byte[] parentKey(Entry parent) {
        return parent == null ? new byte[0] : parent.rid().bytes();
    }

    private static Entry toEntry(ResourceType type, byte[] value) {
        ObjectNode body = (ObjectNode) Json.parse(value);
        return new Entry(type, ResourceId.parse(body.get(SystemProperties.RID).textValue()), body);
    }

    private static List<ResourceType> ownerChain(ResourceType type) {
        List<ResourceType> chain = new ArrayList<>();
        for (ResourceType t = type.parent(); t != null; t = t.parent()) {
            chain.add(0, t);
        }
        return chain;
    }

    /** A readable name for error messages. */
    static String describe(ResourceType type) {
        return switch (type) {
            case DATABASE -> "Database";
            case CONTAINER -> "Container";
            case USER -> "User";
            case PERMISSION -> "Permission";
            case STORED_PROCEDURE -> "Stored procedure";
            case TRIGGER -> "Trigger";
            case USER_DEFINED_FUNCTION -> "User-defined function";
            case OFFER -> "Offer";
            case DOCUMENT -> "Item";
        };
    }
}
