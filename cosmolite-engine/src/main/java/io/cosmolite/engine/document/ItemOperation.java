package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.patch.PatchRequest;
import java.util.Objects;

/**
 * One operation on an item of a logical partition: the unit of both single requests and
 * transactional batches, so the two share every rule. {@code ifMatch}/{@code ifNoneMatch} are
 * etags or null.
 */
public sealed interface ItemOperation {

    /** The operation's name as Cosmos's batch API spells it. */
    String name();

    /** Creates an item; 409 when the id exists in the logical partition. */
    record Create(ObjectNode body) implements ItemOperation {
        public Create {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String name() {
            return "Create";
        }
    }

    /** Creates or replaces an item. */
    record Upsert(ObjectNode body, String ifMatch) implements ItemOperation {
        public Upsert {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String name() {
            return "Upsert";
        }
    }

    /** Replaces an existing item; 404 when missing, 412 on a stale If-Match. */
    record Replace(String id, ObjectNode body, String ifMatch) implements ItemOperation {
        public Replace {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String name() {
            return "Replace";
        }
    }

    /** Deletes an item; 404 when missing, 412 on a stale If-Match. */
    record Delete(String id, String ifMatch) implements ItemOperation {
        public Delete {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String name() {
            return "Delete";
        }
    }

    /** Reads an item; 404 when missing, 304 (not an error) when If-None-Match matches. */
    record Read(String id, String ifMatch, String ifNoneMatch) implements ItemOperation {
        public Read {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String name() {
            return "Read";
        }
    }

    /** Applies patch operations to an existing item. */
    record Patch(String id, PatchRequest patch, String ifMatch) implements ItemOperation {
        public Patch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(patch, "patch");
        }

        @Override
        public String name() {
            return "Patch";
        }
    }
}
