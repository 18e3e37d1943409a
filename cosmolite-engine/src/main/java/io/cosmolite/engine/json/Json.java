package io.cosmolite.engine.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import java.io.IOException;

/** The engine's one JSON mapper, and the parse and write helpers every layer shares. */
public final class Json {
    /** Shared, thread-safe mapper. Duplicate keys, trailing tokens and NaN/Infinity are refused, as Cosmos does. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Node factory for building values. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** Parses JSON text; malformed input is a 400. */
    public static JsonNode parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses the JSON text in {@code length} bytes from {@code offset}; malformed input is a 400. */
    public static JsonNode parse(byte[] bytes, int offset, int length) {
        try {
            JsonNode node = MAPPER.readTree(bytes, offset, length);
            if (node == null || node.isMissingNode()) {
                throw ErrorCode.BAD_REQUEST.exception("The request body is empty or is not valid JSON.");
            }
            return node;
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.exception("The request body is not valid JSON: %s", firstLine(e));
        }
    }

    /** Parses JSON text; malformed input is a 400. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ErrorCode.BAD_REQUEST.exception("The request body is empty or is not valid JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ErrorCode.BAD_REQUEST.exception("The request body is not valid JSON: %s", firstLine(e));
        }
    }

    /** Parses a JSON object; anything else is a 400. */
    public static ObjectNode parseObject(byte[] bytes) {
        JsonNode node = parse(bytes);
        if (!node.isObject()) {
            throw ErrorCode.BAD_REQUEST.exception("The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** Serializes a node to UTF-8 JSON. */
    public static byte[] toBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Serializes a node to a JSON string. */
    public static String toString(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
