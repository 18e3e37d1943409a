package io.cosmolite.engine.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import java.util.List;

/**
 * Applies patch operations to a document the way Cosmos DB does. Operations run in order on a copy;
 * the first that fails aborts the whole patch with a 400 whose message names the operation's
 * position, as Cosmos's do ("For Operation(1): ..."). No operation creates missing parents.
 */
public final class PatchApplier {

    private PatchApplier() {}

    /** The document after all operations; {@code document} itself is never changed. */
    public static ObjectNode apply(ObjectNode document, List<PatchOperation> operations) {
        ObjectNode result = document.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            new Step(result, operations.get(i), i).run();
        }
        return result;
    }

    /** One operation against the document being patched; {@code index} is its position in the request. */
    private record Step(ObjectNode root, PatchOperation operation, int index) {

        void run() {
            PatchOperation.Op op = operation.op();
            JsonPointer target = operation.target();
            switch (op) {
                case ADD, SET, REPLACE, INCREMENT -> write(op, target, operation.operand());
                case REMOVE -> removeAt(target, "to be removed is absent. Note: it may also have been removed earlier in the transaction");
                case MOVE -> {
                    JsonPointer source = operation.source();
                    JsonNode moved = removeAt(source, "to be moved is absent");
                    write(PatchOperation.Op.ADD, target, moved);
                }
            }
        }

        /** Writes {@code value} at {@code target} with the semantics of {@code op}. */
        private void write(PatchOperation.Op op, JsonPointer target, JsonNode value) {
            ContainerNode<?> parent = parentOf(target, op == PatchOperation.Op.ADD ? "Add Operation" : "Given Operation");
            String key = target.last();
            if (parent instanceof ObjectNode object) {
                JsonNode current = object.get(key);
                object.set(key, newValue(op, target, current, value));
                return;
            }
            ArrayNode array = (ArrayNode) parent;
            int position = arrayPosition(array, key);
            boolean inside = position < array.size();
            switch (op) {
                case ADD -> {
                    requireBounds(position <= array.size(), key);
                    array.insert(position, value.deepCopy());
                }
                case SET -> {
                    requireBounds(position <= array.size(), key);
                    if (inside) {
                        array.set(position, value.deepCopy());
                    } else {
                        array.add(value.deepCopy());
                    }
                }
                default -> {
                    requireBounds(inside, key);
                    array.set(position, newValue(op, target, array.get(position), value));
                }
            }
        }

        /** The value an object member or existing array element takes; {@code current} is null when absent. */
        private JsonNode newValue(PatchOperation.Op op, JsonPointer target, JsonNode current, JsonNode operand) {
            if (op == PatchOperation.Op.REPLACE && current == null) {
                throw failure("Node(%s) to be replaced is absent.", target.text());
            }
            if (op != PatchOperation.Op.INCREMENT || current == null) {
                return operand.deepCopy();
            }
            if (!current.isNumber()) {
                throw failure("Node(%s) is not a number.", target.text());
            }
            return Numbers.add(current, operand);
        }

        /** Removes and returns the value at {@code target}; {@code absence} completes the 400 message. */
        private JsonNode removeAt(JsonPointer target, String absence) {
            ContainerNode<?> parent = parentOrNull(target);
            String key = target.last();
            if (parent instanceof ObjectNode object && object.has(key)) {
                return object.remove(key);
            }
            if (parent instanceof ArrayNode array) {
                int position = arrayPosition(array, key);
                requireBounds(position < array.size(), key);
                return array.remove(position);
            }
            throw failure("Node(%s) %s.", target.text(), absence);
        }

        /** The container holding the target's last token; a missing or scalar parent is a 400. */
        private ContainerNode<?> parentOf(JsonPointer target, String operationName) {
            JsonNode node = root;
            List<String> tokens = target.tokens();
            for (int i = 0; i < tokens.size() - 1; i++) {
                JsonNode child = child(node, tokens.get(i));
                if (child == null || !child.isContainerNode()) {
                    throw failure("%s can only create a child object of an existing node(array or object) and"
                            + " cannot create path recursively, no path found beyond: '%s'.", operationName, tokens.get(i));
                }
                node = child;
            }
            return (ContainerNode<?>) node;
        }

        /** Like {@link #parentOf} but null instead of a 400, for operations that report absence themselves. */
        private ContainerNode<?> parentOrNull(JsonPointer target) {
            JsonNode node = root;
            List<String> tokens = target.tokens();
            for (int i = 0; i < tokens.size() - 1 && node != null; i++) {
                node = child(node, tokens.get(i));
            }
            return node != null && node.isContainerNode() ? (ContainerNode<?>) node : null;
        }

        private JsonNode child(JsonNode node, String token) {
            if (node.isObject()) {
                return node.get(token);
            }
            if (node.isArray()) {
                int position = arrayPosition((ArrayNode) node, token);
                return position < node.size() ? node.get(position) : null;
            }
            return null;
        }

        /** The index a token names in {@code array}: its size for "-", a 400 for anything but a plain index. */
        private int arrayPosition(ArrayNode array, String token) {
            if (token.equals("-")) {
                return array.size();
            }
            boolean plainIndex = !token.isEmpty() && token.length() <= 9
                    && token.chars().allMatch(Character::isDigit)
                    && (token.length() == 1 || token.charAt(0) != '0');
            if (!plainIndex) {
                throw failure("Index(%s) to operate on is not a valid array index.", token);
            }
            return Integer.parseInt(token);
        }

        private void requireBounds(boolean inBounds, String token) {
            if (!inBounds) {
                throw failure("Index(%s) to operate on is out of array bounds.", token);
            }
        }

        private CosmosException failure(String format, Object... args) {
            return ErrorCode.BAD_REQUEST.exception("For Operation(" + index + "): " + String.format(format, args));
        }
    }

    /** Numeric addition as incr does it: integers stay integers unless the sum overflows; else a double. */
    static final class Numbers {
        private Numbers() {}

        static JsonNode add(JsonNode current, JsonNode delta) {
            if (isInteger(current) && isInteger(delta)) {
                try {
                    long sum = Math.addExact(current.longValue(), delta.longValue());
                    return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
                } catch (ArithmeticException overflow) {
                    // falls through to floating point, as a JSON number has no integer width
                }
            }
            return Json.NODES.numberNode(current.doubleValue() + delta.doubleValue());
        }

        private static boolean isInteger(JsonNode number) {
            return number.isIntegralNumber() && number.canConvertToLong();
        }
    }
}
