package io.cosmolite.engine.changefeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;

/**
 * One entry of a physical partition's change log: what a write did, at which LSN and time. The
 * previous image of a replace or delete is not copied: it is the {@code current} of the record at
 * {@code previousLsn}, read when the all-versions feed needs it.
 *
 * @param operation        create, replace or delete
 * @param lsn              the write's log sequence number
 * @param crts             the write's time, epoch seconds (Cosmos's conflict-resolution timestamp)
 * @param id               the item id
 * @param partitionKeyJson the logical partition key, as the header's JSON array
 * @param epk              the effective partition key
 * @param current          the item after the write; null for deletes
 * @param previousLsn      the LSN of the version this write replaced or deleted; 0 for creates
 * @param timeToLiveExpired true when the delete was made by the TTL purge
 */
public record ChangeRecord(Operation operation, long lsn, long crts, String id, String partitionKeyJson, String epk,
                           ObjectNode current, long previousLsn, boolean timeToLiveExpired) {

    /** The operation types of the all-versions-and-deletes feed. */
    public enum Operation {
        CREATE("create"), REPLACE("replace"), DELETE("delete");

        private final String wireName;

        Operation(String wireName) {
            this.wireName = wireName;
        }

        /** The name in the change feed's metadata. */
        public String wireName() {
            return wireName;
        }

        static Operation ofWireName(String name) {
            for (Operation o : values()) {
                if (o.wireName.equals(name)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown change operation " + name);
        }
    }

    /** The record's storage form. */
    public byte[] toBytes() {
        ObjectNode n = Json.object();
        n.put("op", operation.wireName());
        n.put("lsn", lsn);
        n.put("crts", crts);
        n.put("id", id);
        n.put("pk", partitionKeyJson);
        n.put("epk", epk);
        if (current != null) {
            n.set("current", current);
        }
        if (previousLsn > 0) {
            n.put("prev", previousLsn);
        }
        if (timeToLiveExpired) {
            n.put("ttlExpired", true);
        }
        return Json.toBytes(n);
    }

    /** Reads a record from its storage form. */
    public static ChangeRecord parse(byte[] bytes) {
        JsonNode n = Json.parse(bytes);
        JsonNode current = n.get("current");
        return new ChangeRecord(Operation.ofWireName(n.get("op").textValue()), n.get("lsn").longValue(),
                n.get("crts").longValue(), n.get("id").textValue(), n.get("pk").textValue(), n.get("epk").textValue(),
                current == null ? null : (ObjectNode) current, n.path("prev").asLong(0),
                n.path("ttlExpired").asBoolean(false));
    }
}
