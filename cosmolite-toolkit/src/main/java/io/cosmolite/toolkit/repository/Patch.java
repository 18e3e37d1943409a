package io.cosmolite.toolkit.repository;

import com.azure.cosmos.models.CosmosPatchOperations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A partial update: up to {@value #MAX_OPERATIONS} operations (Cosmos allows ten; the repository
 * adds two to keep {@code updatedAt} and {@code updatedBy} current), and an optional condition that
 * must hold on the stored document, or the patch fails with
 * {@link io.cosmolite.toolkit.error.PreconditionFailedException}.
 *
 * <pre>{@code
 * orders.patch(id, pk, Patch.set("/status", "shipped").increment("/version", 1).when("c.status = 'paid'"));
 * }</pre>
 *
 * <p>The condition is an expression over {@code c} like a {@link Query} filter, but Cosmos takes no
 * parameters for it: never build it from untrusted input. Values are serialized with the
 * repository's ObjectMapper.
 */
public final class Patch {
    /** Operations a caller may give: Cosmos's ten minus the two audit fields. */
    public static final int MAX_OPERATIONS = 8;

    private final List<Operation> operations;
    private final String condition;

    private Patch(List<Operation> operations, String condition) {
        if (operations.size() > MAX_OPERATIONS) {
            throw new IllegalArgumentException("a patch has at most " + MAX_OPERATIONS + " operations");
        }
        this.operations = List.copyOf(operations);
        this.condition = condition;
    }

    /** A patch setting {@code path} to {@code value} (creating it if missing). */
    public static Patch set(String path, Object value) {
        return new Patch(List.of(), null).and(Kind.SET, path, value);
    }

    /** A patch incrementing the number at {@code path} by {@code delta}. */
    public static Patch increment(String path, long delta) {
        return new Patch(List.of(), null).and(Kind.INCREMENT, path, delta);
    }

    /** A patch removing {@code path} (which must exist). */
    public static Patch remove(String path) {
        return new Patch(List.of(), null).and(Kind.REMOVE, path, null);
    }

    /** This patch, also setting {@code path}. */
    public Patch andSet(String path, Object value) {
        return and(Kind.SET, path, value);
    }

    /** This patch, also replacing the existing value at {@code path}. */
    public Patch andReplace(String path, Object value) {
        return and(Kind.REPLACE, path, value);
    }

    /** This patch, also adding {@code value} at {@code path} (inserting into an array at an index). */
    public Patch andAdd(String path, Object value) {
        return and(Kind.ADD, path, value);
    }

    /** This patch, also incrementing {@code path}. */
    public Patch andIncrement(String path, long delta) {
        return and(Kind.INCREMENT, path, delta);
    }

    /** This patch, also removing {@code path}. */
    public Patch andRemove(String path) {
        return and(Kind.REMOVE, path, null);
    }

    /** This patch, applied only when {@code condition} (over {@code c}) holds on the stored document. */
    public Patch when(String condition) {
        QueryText.checkFilter(condition);
        return new Patch(operations, condition);
    }

    /** The condition, or null. */
    public String condition() {
        return condition;
    }

    CosmosPatchOperations toSdk(ObjectMapper mapper) {
        CosmosPatchOperations ops = CosmosPatchOperations.create();
        for (Operation op : operations) {
            switch (op.kind) {
                case SET -> ops.set(op.path, mapper.valueToTree(op.value));
                case REPLACE -> ops.replace(op.path, mapper.valueToTree(op.value));
                case ADD -> ops.add(op.path, mapper.valueToTree(op.value));
                case INCREMENT -> ops.increment(op.path, (long) op.value);
                case REMOVE -> ops.remove(op.path);
            }
        }
        return ops;
    }

    private Patch and(Kind kind, String path, Object value) {
        Objects.requireNonNull(path, "path");
        List<Operation> more = new ArrayList<>(operations);
        more.add(new Operation(kind, path, value));
        return new Patch(more, condition);
    }

    private enum Kind { SET, REPLACE, ADD, INCREMENT, REMOVE }

    private record Operation(Kind kind, String path, Object value) {
    }
}
