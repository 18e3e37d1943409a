package io.cosmolite.engine.resource;

import java.util.List;

/** The kinds of Cosmos DB resources the engine stores, with their path segment and parentage. */
public enum ResourceType {
    DATABASE("dbs", 'd', null),
    CONTAINER("colls", 'c', DATABASE),
    USER("users", 'u', DATABASE),
    PERMISSION("permissions", 'p', USER),
    STORED_PROCEDURE("sprocs", 's', CONTAINER),
    TRIGGER("triggers", 't', CONTAINER),
    USER_DEFINED_FUNCTION("udfs", 'f', CONTAINER),
    OFFER("offers", 'o', null),
    DOCUMENT("docs", 'D', CONTAINER);

    private final String segment;
    private final byte keyByte;
    private final ResourceType parent;

    ResourceType(String segment, char keyByte, ResourceType parent) {
        this.segment = segment;
        this.keyByte = (byte) keyByte;
        this.parent = parent;
    }

    /** The path segment naming a feed of this type, e.g. {@code colls}. */
    public String segment() {
        return segment;
    }

    /** The byte that tags this type in storage keys. */
    public byte keyByte() {
        return keyByte;
    }

    /** The type of the owning resource, or null for account-level types. */
    public ResourceType parent() {
        return parent;
    }

    /** Metadata types whose parent is {@code type} (documents excluded: they are not metadata). */
    public static List<ResourceType> childrenOf(ResourceType type) {
        return java.util.Arrays.stream(values())
                .filter(t -> t.parent == type && t != DOCUMENT)
                .toList();
    }

    /** The type whose path segment is {@code segment}, or null. */
    public static ResourceType ofSegment(String segment) {
        for (ResourceType t : values()) {
            if (t.segment.equals(segment)) {
                return t;
            }
        }
        return null;
    }
}
