package io.cosmolite.engine.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.SystemProperties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One operation of a patch request, validated on construction: a known {@link Op}, a JSON Pointer
 * {@code path} (and {@code from} for a move), a {@code value} where the operation takes one, a
 * numeric value for an increment, and no system property as target. Any violation is a 400.
 *
 * @param op    the operation
 * @param path  the JSON Pointer the operation writes (for a move: the destination)
 * @param from  for a move, the JSON Pointer the value is taken from; null otherwise
 * @param value the operand for add, set, replace and incr (may be JSON null); null for remove and move
 */
public record PatchOperation(Op op, String path, String from, JsonNode value) {

    /** The operation types, with their wire names. */
    public enum Op {
        /** Create or replace an object member; insert into an array. */
        ADD("add"),
        /** Create or replace an object member; overwrite an array element. */
        SET("set"),
        /** Overwrite a value that must exist. */
        REPLACE("replace"),
        /** Delete a value that must exist. */
        REMOVE("remove"),
        /** Add a number to a numeric value, creating it when absent. */
        INCREMENT("incr"),
        /** Delete the value at {@code from} and add it at {@code path}. */
        MOVE("move");

        private final String wireName;

        Op(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in the request body's {@code op} field. */
        public String wireName() {
            return wireName;
        }

        /** The operation with the given wire name; an unknown name is a 400. */
        public static Op ofWireName(String name) {
            for (Op op : values()) {
                if (op.wireName.equals(name)) {
                    return op;
                }
            }
            throw ErrorCode.BAD_REQUEST.exception(
                    "Invalid patch request: unknown operation type '%s'; supported are add, set, replace, remove, incr and move.",
                    name);
        }

        boolean takesValue() {
            return this == ADD || this == SET || this == REPLACE || this == INCREMENT;
        }
    }

    // Cosmos refuses patches of the properties it maintains itself; it also refuses 'id', which names
    // the document (changing it would be a delete and a create), and '_id' as its FAQ lists it.
    private static final Set<String> UNPATCHABLE = Stream.concat(
                    SystemProperties.ALL.stream(), Stream.of("id", "_id"))
            .collect(Collectors.toUnmodifiableSet());

    /** Validates the operation; the value is copied so later changes to the caller's node do not leak in. */
    public PatchOperation {
        if (op == null) {
            throw ErrorCode.BAD_REQUEST.exception("Invalid patch request: an operation has no 'op'.");
        }
        JsonPointer target = pointer(op, path, "path");
        if (op == Op.MOVE) {
            JsonPointer source = pointer(op, from, "from");
            if (source.isStrictAncestorOf(target)) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "Invalid patch request: the 'path' '%s' of a move cannot be a JSON child of its 'from' '%s'.",
                        path, from);
            }
        } else if (from != null) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "Invalid patch request: 'from' is only allowed on a move operation, not on '%s'.", op.wireName());
        }
        if (op.takesValue()) {
            if (value == null || value.isMissingNode()) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "Invalid patch request: the '%s' operation on '%s' requires a 'value'.", op.wireName(), path);
            }
            if (op == Op.INCREMENT && !value.isNumber()) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "Invalid patch request: the value of the incr operation on '%s' must be a number, got %s.",
                        path, value);
            }
            value = value.deepCopy();
        } else {
            value = null;
        }
    }

    /** An add operation. */
    public static PatchOperation add(String path, JsonNode value) {
        return new PatchOperation(Op.ADD, path, null, value);
    }

    /** A set operation. */
    public static PatchOperation set(String path, JsonNode value) {
        return new PatchOperation(Op.SET, path, null, value);
    }

    /** A replace operation. */
    public static PatchOperation replace(String path, JsonNode value) {
        return new PatchOperation(Op.REPLACE, path, null, value);
    }

    /** A remove operation. */
    public static PatchOperation remove(String path) {
        return new PatchOperation(Op.REMOVE, path, null, null);
    }

    /** An increment by an integer. */
    public static PatchOperation increment(String path, long delta) {
        // small deltas become int nodes, as the JSON parser would have made them
        JsonNode number = delta == (int) delta ? Json.NODES.numberNode((int) delta) : Json.NODES.numberNode(delta);
        return new PatchOperation(Op.INCREMENT, path, null, number);
    }

    /** An increment by a floating-point number. */
    public static PatchOperation increment(String path, double delta) {
        return new PatchOperation(Op.INCREMENT, path, null, Json.NODES.numberNode(delta));
    }

    /** A move of the value at {@code from} to {@code path}. */
    public static PatchOperation move(String from, String path) {
        return new PatchOperation(Op.MOVE, path, from, null);
    }

    /** The value (a copy): the record's node must stay unchanged, as it may be applied again. */
    @Override
    public JsonNode value() {
        return value == null ? null : value.deepCopy();
    }

    /** The operation in its wire form, e.g. {@code {"op":"incr","path":"/n","value":1}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("op", op.wireName());
        if (from != null) {
            json.put("from", from);
        }
        json.put("path", path);
        if (value != null) {
            json.set("value", value.deepCopy());
        }
        return json;
    }

    /** The parsed target of this operation. */
    JsonPointer target() {
        return JsonPointer.parse(path, "path");
    }

    /** The parsed source of a move; null for other operations. */
    JsonPointer source() {
        return from == null ? null : JsonPointer.parse(from, "from");
    }

    /** The value without copying, for the applier, which copies on insertion itself. */
    JsonNode operand() {
        return value;
    }

    private static JsonPointer pointer(Op op, String text, String member) {
        if (text == null) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "Invalid patch request: the '%s' operation requires a '%s'.", op.wireName(), member);
        }
        JsonPointer pointer = JsonPointer.parse(text, member);
        if (UNPATCHABLE.contains(pointer.first())) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "Invalid patch request: Cannot patch system property '%s'.", pointer.first());
        }
        return pointer;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
