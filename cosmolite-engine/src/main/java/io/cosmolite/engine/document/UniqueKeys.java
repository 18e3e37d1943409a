package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import java.util.ArrayList;
import java.util.List;

/** The values an item has for each of its container's unique keys, in canonical JSON. */
final class UniqueKeys {
    private UniqueKeys() {}

    /**
     * For each unique key (a list of paths), the JSON array of the item's values at those paths.
     * A missing value counts as null, so at most one item of a logical partition may lack it.
     */
    static List<String> valuesOf(ObjectNode item, List<List<String>> keys) {
        List<String> out = new ArrayList<>(keys.size());
        for (List<String> paths : keys) {
            ArrayNode values = Json.NODES.arrayNode();
            for (String path : paths) {
                JsonNode v = item.at(path);
                values.add(v.isMissingNode() ? Json.NODES.nullNode() : v);
            }
            out.add(Json.toString(values));
        }
        return out;
    }
}
