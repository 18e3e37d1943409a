package io.cosmolite.engine.patch;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed patch request body: {@code {"operations":[...], "condition":"from c where ..."}} or the
 * bare operations array.
 *
 * @param operations the 1 to {@value #MAX_OPERATIONS} operations, applied in order
 * @param condition  the filter predicate the document must satisfy (a 412 otherwise), or null
 */
public record PatchRequest(List<PatchOperation> operations, String condition) {

    /** The most operations one request may carry. */
    public static final int MAX_OPERATIONS = 10;

    /** Checks the operation count; see {@link #parse(JsonNode)} for the wire form. */
    public PatchRequest {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "Invalid patch request: check syntax of patch specification: 'operations' must not be empty.");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ErrorCode.BAD_REQUEST.exception("The number of patch operations cannot exceed %d", MAX_OPERATIONS);
        }
    }

    /**
     * Parses a request body as the SDKs send it: {@code {"operations":[...], "condition":...}}, or the
     * bare array of operations (the JavaScript SDK sends {@code item.patch([...])} so, and Cosmos DB
     * takes it as a patch without a condition). Any malformed part is a 400.
     */
    public static PatchRequest parse(JsonNode body) {
        if (body != null && body.isArray()) {
            return new PatchRequest(operations(body), null);
        }
        if (body == null || !body.isObject()) {
            throw syntax("the body must be a JSON object with an 'operations' array, or that array");
        }
        JsonNode operations = body.get("operations");
        if (operations == null || !operations.isArray()) {
            throw syntax("'operations' must be an array");
        }
        return new PatchRequest(operations(operations), condition(body.get("condition")));
    }

    private static List<PatchOperation> operations(JsonNode array) {
        if (array.size() > MAX_OPERATIONS) {
            throw ErrorCode.BAD_REQUEST.exception("The number of patch operations cannot exceed %d", MAX_OPERATIONS);
        }
        List<PatchOperation> parsed = new ArrayList<>(array.size());
        for (JsonNode operation : array) {
            parsed.add(parseOperation(operation));
        }
        return parsed;
    }

    private static PatchOperation parseOperation(JsonNode operation) {
        if (!operation.isObject()) {
            throw syntax("each operation must be a JSON object");
        }
        String opName = text(operation, "op");
        if (opName == null) {
            throw syntax("each operation needs an 'op'");
        }
        PatchOperation.Op op = PatchOperation.Op.ofWireName(opName);
        // The SDKs send "value": null with a remove; only add, set, replace and incr read it.
        JsonNode value = op.takesValue() ? operation.get("value") : null;
        String from = op == PatchOperation.Op.MOVE ? text(operation, "from") : null;
        return new PatchOperation(op, text(operation, "path"), from, value);
    }

    private static String text(JsonNode operation, String field) {
        JsonNode node = operation.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw syntax("'" + field + "' must be a string");
        }
        return node.textValue();
    }

    private static String condition(JsonNode condition) {
        if (condition == null || condition.isNull()) {
            return null;
        }
        if (!condition.isTextual()) {
            throw syntax("'condition' must be a string such as \"from c where c.n > 0\"");
        }
        String text = condition.textValue().strip();
        return text.isEmpty() ? null : text;
    }

    private static RuntimeException syntax(String detail) {
        return ErrorCode.BAD_REQUEST.exception("Invalid patch request: check syntax of patch specification: %s.", detail);
    }
}
