package io.cosmolite.engine.partition;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;

/** One component of a partition key value: a string, number, boolean, null, or undefined. */
public sealed interface PartitionKeyComponent {

    /** The JSON null component. */
    PartitionKeyComponent NULL = new NullValue();

    /** The undefined component: {@code {}} in the header, or a property missing from the document. */
    PartitionKeyComponent UNDEFINED = new UndefinedValue();

    /** A string component. */
    static PartitionKeyComponent of(String value) {
        return new StringValue(value);
    }

    /** A number component; Cosmos DB keys every number as a double. */
    static PartitionKeyComponent of(double value) {
        return new NumberValue(value);
    }

    /** A boolean component. */
    static PartitionKeyComponent of(boolean value) {
        return new BooleanValue(value);
    }

    /**
     * The component a JSON value stands for: {@code {}} is undefined; other objects and arrays, and
     * numbers that are not finite, are 400s.
     */
    static PartitionKeyComponent fromJson(JsonNode node) {
        if (node.isTextual()) {
            return of(node.textValue());
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw ErrorCode.BAD_REQUEST.exception("Partition key number %s is out of range.", node);
            }
            return of(d);
        }
        if (node.isBoolean()) {
            return of(node.booleanValue());
        }
        if (node.isNull()) {
            return NULL;
        }
        if (node.isObject() && node.isEmpty()) {
            return UNDEFINED;
        }
        throw ErrorCode.BAD_REQUEST.exception(
                "A partition key value must be a string, number, boolean or null, got %s.", node);
    }

    /** This component as JSON; undefined is written as {@code {}}, as in the header. */
    JsonNode toJson();

    /** A string component. @param value the string */
    record StringValue(String value) implements PartitionKeyComponent {
        /** Rejects a missing string. */
        public StringValue {
            if (value == null) {
                throw new IllegalArgumentException("a string component needs a value");
            }
        }

        @Override
        public JsonNode toJson() {
            return Json.NODES.textNode(value);
        }
    }

    /**
     * A number component. Equality follows {@link Double#compare}, so 0 and -0 differ, as their
     * hashes do. @param value the number
     */
    record NumberValue(double value) implements PartitionKeyComponent {
        private static final double MAX_EXACT_LONG = 9007199254740992d; // 2^53

        @Override
        public JsonNode toJson() {
            // Integral values print without ".0"; -0 keeps its sign so it parses back to the same key.
            boolean negativeZero = Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
            if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_LONG && !negativeZero) {
                return Json.NODES.numberNode((long) value);
            }
            return Json.NODES.numberNode(value);
        }
    }

    /** A boolean component. @param value the boolean */
    record BooleanValue(boolean value) implements PartitionKeyComponent {
        @Override
        public JsonNode toJson() {
            return Json.NODES.booleanNode(value);
        }
    }

    /** The JSON null component; use {@link PartitionKeyComponent#NULL}. */
    record NullValue() implements PartitionKeyComponent {
        @Override
        public JsonNode toJson() {
            return Json.NODES.nullNode();
        }
    }

    /** The undefined component; use {@link PartitionKeyComponent#UNDEFINED}. */
    record UndefinedValue() implements PartitionKeyComponent {
        @Override
        public JsonNode toJson() {
            return Json.NODES.objectNode();
        }
    }
}
