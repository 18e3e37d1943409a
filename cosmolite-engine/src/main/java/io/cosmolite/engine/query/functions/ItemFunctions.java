package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgumentChecks.arg;
import static io.cosmolite.engine.query.functions.ArgumentChecks.present;
import static io.cosmolite.engine.query.functions.ArgumentChecks.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.resource.ResourceId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The functions about a whole item: DocumentId, and ObjectToArray (which the Cosmos DB
 * documentation files with the array functions; its family says so).
 */
final class ItemFunctions {
    private ItemFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                ArgumentChecks.function("DocumentId", Family.ITEM, 1, 1, ItemFunctions::documentId),
                ArgumentChecks.function("ObjectToArray", Family.ARRAY, 1, 3, ItemFunctions::objectToArray));
    }

    /**
     * DocumentId(root): the item's number within its container, which its {@code _rid} encodes
     * (the counter after the container part). Undefined for anything without a document rid.
     */
    private static JsonNode documentId(JsonNode[] args, FunctionContext ctx) {
        JsonNode item = args[0];
        String rid = item != null && item.isObject() ? string(item.get("_rid")) : null;
        if (rid == null) {
            return null;
        }
        try {
            ResourceId id = ResourceId.parse(rid);
            return id.kind() == ResourceId.Kind.DOCUMENT ? ArgumentChecks.integer(id.number()) : null;
        } catch (CosmosException notARid) {
            return null;
        }
    }

    /**
     * ObjectToArray(o [, keyName [, valueName]]): one {@code {k, v}} object per property, in the
     * object's order; the two names default to "k" and "v" and must be strings when given.
     */
    private static JsonNode objectToArray(JsonNode[] args, FunctionContext ctx) {
        JsonNode object = args[0];
        String keyName = present(args, 1) ? string(arg(args, 1)) : "k";
        String valueName = present(args, 2) ? string(arg(args, 2)) : "v";
        if (object == null || !object.isObject() || keyName == null || valueName == null) {
            return null;
        }
        ArrayNode result = Json.NODES.arrayNode(object.size());
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            result.addObject().put(keyName, e.getKey()).set(valueName, e.getValue());
        }
        return result;
    }
}
