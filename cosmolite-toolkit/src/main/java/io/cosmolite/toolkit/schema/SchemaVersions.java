package io.cosmolite.toolkit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The schema versions of one document type: the current version, the field each document carries
 * its version in, and the upgrade steps from each older version to the next. {@link #upgrade} runs
 * them on read, so an old stored document comes back current; {@link MigrationJob} rewrites the
 * stored ones.
 *
 * <pre>{@code
 * SchemaVersions orders = SchemaVersions.builder()
 *         .current(3)
 *         .step(1, doc -> {                     // v1 -> v2: "name" split in two
 *             String[] name = doc.remove("name").asText().split(" ", 2);
 *             return doc.put("firstName", name[0]).put("lastName", name[1]);
 *         })
 *         .step(2, doc -> doc.put("currency", "EUR"))   // v2 -> v3
 *         .build();
 *
 * UpgradeResult read = orders.upgrade(storedDocument);
 * ObjectNode current = read.document();       // at version 3
 * ObjectNode fresh = orders.stamp(newDocument);   // a new document, written at version 3
 * }</pre>
 *
 * <p>Rules: the version field ({@value #DEFAULT_VERSION_FIELD} unless set) holds a positive integer;
 * <b>a document without it is version 1</b> (documents written before versions were introduced); a
 * version above the current one is an {@link UnsupportedSchemaVersionException} (never silently read
 * as current); every step from 1 to {@code current - 1} must be registered, or {@link Builder#build}
 * fails. A step receives a private copy of the document, may change it in place and return it, or
 * return another object; it need not set the version field, which is set after each step.
 *
 * <p>Immutable and thread-safe, provided the steps are.
 */
public final class SchemaVersions {
    /** The version field unless {@link Builder#versionField} names another: {@value}. */
    public static final String DEFAULT_VERSION_FIELD = "_schemaVersion";

    private final String versionField;
    private final int current;
    /** {@code steps.get(v - 1)} upgrades version v to v + 1. */
    private final List<UnaryOperator<ObjectNode>> steps;

    private SchemaVersions(String versionField, int current, List<UnaryOperator<ObjectNode>> steps) {
        this.versionField = versionField;
        this.current = current;
        this.steps = List.copyOf(steps);
    }

    /** A builder: version field {@value #DEFAULT_VERSION_FIELD}, current version 1, no steps. */
    public static Builder builder() {
        return new Builder();
    }

    /** The current (newest) version: what new documents are written at and what reads return. */
    public int current() {
        return current;
    }

    /** The name of the top-level field that holds a document's version. */
    public String versionField() {
        return versionField;
    }

    /**
     * The version of {@code document}: its version field, or 1 without one.
     *
     * @throws UnsupportedSchemaVersionException if the field is not a positive integer or is above the current version
     */
    public int versionOf(JsonNode document) {
        JsonNode field = document.get(versionField);
        if (field == null || field.isMissingNode()) {
            return 1;
        }
        if (!field.canConvertToExactIntegral() || !field.canConvertToInt() || field.intValue() < 1
                || field.intValue() > current) {
            throw new UnsupportedSchemaVersionException(versionField, field.toString(), current, idOf(document));
        }
        return field.intValue();
    }

    /** Whether {@code document} is at the current version (see {@link #versionOf} for the exceptions). */
    public boolean isCurrent(JsonNode document) {
        return versionOf(document) == current;
    }

    /**
     * {@code document} at the current version: itself when it is current, otherwise a copy upgraded by
     * each step in turn; {@code document} is never modified.
     *
     * @throws UnsupportedSchemaVersionException if its version is not a positive integer or is above the current one
     * @throws SchemaUpgradeException            if a step throws or returns null
     */
    public UpgradeResult upgrade(ObjectNode document) {
        int from = versionOf(document);
        if (from == current) {
            return new UpgradeResult(document, from, from);
        }
        ObjectNode upgraded = document.deepCopy();
        for (int version = from; version < current; version++) {
            upgraded = apply(version, upgraded);
            upgraded.put(versionField, version + 1);
        }
        return new UpgradeResult(upgraded, from, current);
    }

    /** {@code document} with its version field set to the current version, for writing a new document. */
    public ObjectNode stamp(ObjectNode document) {
        return document.put(versionField, current);
    }

    private ObjectNode apply(int version, ObjectNode document) {
        String id = idOf(document);
        ObjectNode next;
        try {
            next = steps.get(version - 1).apply(document);
        } catch (RuntimeException e) {
            throw new SchemaUpgradeException(id, version, e);
        }
        if (next == null) {
            throw new SchemaUpgradeException(id, version, new NullPointerException("the step returned null"));
        }
        return next;
    }

    private static String idOf(JsonNode document) {
        JsonNode id = document.get("id");
        return id == null || !id.isTextual() ? null : id.textValue();
    }

    /** Builds a {@link SchemaVersions}; {@link #build} checks that every step is there. */
    public static final class Builder {
        private String versionField = DEFAULT_VERSION_FIELD;
        private int current = 1;
        private final Map<Integer, UnaryOperator<ObjectNode>> steps = new TreeMap<>();

        private Builder() {
        }

        /** The top-level field holding the version (default {@value #DEFAULT_VERSION_FIELD}). */
        public Builder versionField(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the version field needs a name");
            }
            this.versionField = name;
            return this;
        }

        /** The current version (1 or more). */
        public Builder current(int version) {
            if (version < 1) {
                throw new IllegalArgumentException("the current version must be 1 or more, not " + version);
            }
            this.current = version;
            return this;
        }

        /** The step that upgrades a document at version {@code from} to {@code from + 1}. */
        public Builder step(int from, UnaryOperator<ObjectNode> step) {
            Objects.requireNonNull(step, "step");
            if (from < 1) {
                throw new IllegalArgumentException("steps start at version 1, not " + from);
            }
            if (steps.putIfAbsent(from, step) != null) {
                throw new IllegalArgumentException("a step from version " + from + " is registered already");
            }
            return this;
        }

        /**
         * The versions.
         *
         * @throws IllegalStateException if a step from 1 to {@code current - 1} is missing, or a step
         *                               from {@code current} or later is registered (it would never run)
         */
        public SchemaVersions build() {
            List<Integer> missing = new ArrayList<>();
            List<UnaryOperator<ObjectNode>> chain = new ArrayList<>();
            for (int version = 1; version < current; version++) {
                UnaryOperator<ObjectNode> step = steps.get(version);
                if (step == null) {
                    missing.add(version);
                }
                chain.add(step);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("current version is " + current + " but no upgrade step is registered"
                        + " from version(s) " + missing + ": every step from 1 to " + (current - 1) + " is needed");
            }
            List<Integer> beyond = steps.keySet().stream().filter(v -> v >= current).toList();
            if (!beyond.isEmpty()) {
                throw new IllegalStateException("upgrade step(s) from version(s) " + beyond + " are registered, but the"
                        + " current version is " + current + ": raise current(...) or remove them");
            }
            return new SchemaVersions(versionField, current, chain);
        }
    }
}
