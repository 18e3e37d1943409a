package io.cosmolite.engine.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/** The rules Cosmos DB applies to the {@code id} of a resource. */
public final class IdRules {
    /** Longest item id, in UTF-8 bytes. */
    public static final int MAX_ITEM_ID_BYTES = 1023;
    /** Longest id of a database, container or other metadata resource, in characters. */
    public static final int MAX_METADATA_ID_CHARS = 255;

    private IdRules() {}

    /** The id of {@code body}, checked by the item rules; 400 when missing or invalid. */
    public static String itemId(ObjectNode body) {
        String id = requireId(body);
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ITEM_ID_BYTES) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The 'id' of an item must be at most %d bytes long.", MAX_ITEM_ID_BYTES);
        }
        checkCharacters(id);
        return id;
    }

    /** The id of a metadata resource body, checked; 400 when missing or invalid. */
    public static String metadataId(ObjectNode body) {
        String id = requireId(body);
        if (id.length() > MAX_METADATA_ID_CHARS) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "The 'id' must be at most %d characters long.", MAX_METADATA_ID_CHARS);
        }
        if (id.endsWith(" ")) {
            throw ErrorCode.BAD_REQUEST.exception("The 'id' must not end with a space.");
        }
        checkCharacters(id);
        return id;
    }

    private static String requireId(ObjectNode body) {
        JsonNode id = body.get("id");
        if (id == null || id.isNull() || id.isMissingNode()) {
            throw ErrorCode.BAD_REQUEST.exception("The input content is invalid because the required property, 'id', is missing.");
        }
        if (!id.isTextual()) {
            throw ErrorCode.BAD_REQUEST.exception("The 'id' property must be a string.");
        }
        String text = id.textValue();
        if (text.isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception("The 'id' property must not be empty.");
        }
        return text;
    }

    private static void checkCharacters(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || c == '?' || c == '#') {
                throw ErrorCode.BAD_REQUEST.exception(
                        "The 'id' '%s' contains the character '%c', which is not allowed in ids ('/', '\\', '?', '#').",
                        id, c);
            }
        }
    }
}
