package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.document.ItemOperation;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.patch.PatchRequest;
import java.util.Locale;

/**
 * Reads one operation of a batch or bulk request body, {@code {"operationType": "Create" | "Upsert"
 * | "Read" | "Replace" | "Delete" | "Patch", "id", "resourceBody", "ifMatch", "ifNoneMatch",
 * "partitionKey"}}, into the engine's {@link ItemOperation}. A malformed operation is a 400.
 */
final class BatchOperations {
    private BatchOperations() {}

    /** The engine operation a body entry asks for. */
    static ItemOperation parse(JsonNode spec) {
        if (!spec.isObject()) {
            throw ErrorCode.BAD_REQUEST.exception("Each batch operation must be a JSON object, not %s.", spec);
        }
        String type = text(spec, "operationType");
        if (type == null) {
            throw ErrorCode.BAD_REQUEST.exception("A batch operation needs an 'operationType'.");
        }
        String ifMatch = text(spec, "ifMatch");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "create" -> new ItemOperation.Create(resourceBody(spec, type));
            case "upsert" -> new ItemOperation.Upsert(resourceBody(spec, type), ifMatch);
            case "replace" -> new ItemOperation.Replace(id(spec, type), resourceBody(spec, type), ifMatch);
            case "delete" -> new ItemOperation.Delete(id(spec, type), ifMatch);
            case "read" -> new ItemOperation.Read(id(spec, type), ifMatch, text(spec, "ifNoneMatch"));
            case "patch" -> new ItemOperation.Patch(id(spec, type), PatchRequest.parse(spec.get("resourceBody")), ifMatch);
            default -> throw ErrorCode.BAD_REQUEST.exception(
                    "Batch operation type '%s' is not supported: use Create, Upsert, Read, Replace, Delete or Patch.",
                    type);
        };
    }

    /** The partition key a bulk operation carries, a JSON array as a string ({@code "[\"a\"]"}); 400 without one. */
    static PartitionKeyValue partitionKey(JsonNode spec) {
        String pk = text(spec, "partitionKey");
        if (pk == null) {
            throw ErrorCode.BAD_REQUEST.exception("PartitionKey value must be supplied for this operation.");
        }
        return PartitionKeyValue.fromHeaderJson(pk);
    }

    private static ObjectNode resourceBody(JsonNode spec, String type) {
        JsonNode body = spec.get("resourceBody");
        if (!(body instanceof ObjectNode o)) {
            throw ErrorCode.BAD_REQUEST.exception("A %s batch operation needs a 'resourceBody' JSON object.", type);
        }
        return o;
    }

    private static String id(JsonNode spec, String type) {
        String id = text(spec, "id");
        if (id == null) {
            throw ErrorCode.BAD_REQUEST.exception("A %s batch operation needs an 'id'.", type);
        }
        return id;
    }

    private static String text(JsonNode spec, String field) {
        JsonNode node = spec.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ErrorCode.BAD_REQUEST.exception("The batch operation field '%s' must be a string, not %s.", field, node);
        }
        return node.textValue();
    }
}
