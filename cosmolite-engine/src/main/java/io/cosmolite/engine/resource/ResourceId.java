package io.cosmolite.engine.resource;

import io.cosmolite.engine.error.ErrorCode;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Cosmos DB binary resource id ({@code _rid}), laid out byte for byte as the official SDKs parse it.
 *
 * <p>Layout (what the SDK's parser expects; counters are ours, chosen so every id round-trips
 * through it):
 * <ul>
 *   <li>offer: 3 bytes, a little-endian counter (the short 4-character ids such as {@code "8yJ2"});
 *   <li>database: 4 bytes, a big-endian counter;
 *   <li>container: database + 4 bytes, a big-endian counter with the top bit set, which is how the
 *       SDK tells a container from a user;
 *   <li>user: database + 4 bytes, a big-endian counter with the top bit clear;
 *   <li>permission: user + 8 bytes, a little-endian counter;
 *   <li>document, stored procedure, trigger, user-defined function, conflict, partition key range:
 *       container + 8 bytes, a little-endian counter whose last byte's high nibble names the type
 *       (0, 8, 7, 6, 4, 5) — the same shape real Cosmos ids show ({@code Sl8fALN4sw4BAAAAAAAAgA==} is a
 *       stored procedure);
 *   <li>attachment: document + 4 bytes, a big-endian counter.
 * </ul>
 * The text form is standard padded base64 with {@code '/'} replaced by {@code '-'}, so an id is
 * safe as a URL path segment.
 */
public final class ResourceId {
    /** What a resource id names. */
    public enum Kind {
        /** An offer (throughput settings): 3 bytes. */
        OFFER(-1),
        /** A database: 4 bytes. */
        DATABASE(-1),
        /** A container (collection): 8 bytes. */
        CONTAINER(-1),
        /** A user: 8 bytes. */
        USER(-1),
        /** A permission of a user: 16 bytes. */
        PERMISSION(-1),
        /** A document: 16 bytes. */
        DOCUMENT(0x0),
        /** A conflict record: 16 bytes. */
        CONFLICT(0x4),
        /** A partition key range: 16 bytes. */
        PARTITION_KEY_RANGE(0x5),
        /** A user-defined function: 16 bytes. */
        USER_DEFINED_FUNCTION(0x6),
        /** A trigger: 16 bytes. */
        TRIGGER(0x7),
        /** A stored procedure: 16 bytes. */
        STORED_PROCEDURE(0x8),
        /** An attachment of a document: 20 bytes. */
        ATTACHMENT(-1);

        /** The type nibble of a container child, -1 for every other kind. */
        private final int childTag;

        Kind(int childTag) {
            this.childTag = childTag;
        }

        private static Kind ofChildTag(int tag) {
            for (Kind k : values()) {
                if (k.childTag == tag) {
                    return k;
                }
            }
            return null;
        }
    }

    private static final int OFFER_LENGTH = 3;
    private static final int DATABASE_LENGTH = 4;
    private static final int CONTAINER_LENGTH = 8;
    private static final int CHILD_LENGTH = 16;
    private static final int ATTACHMENT_LENGTH = 20;
    private static final int CONTAINER_FLAG = 0x80;
    /** Container children keep the last byte's high nibble for the type tag. */
    private static final long MAX_CHILD_NUMBER = (1L << 60) - 1;
    private static final int MAX_OFFER_NUMBER = (1 << 24) - 1;

    private final byte[] bytes;
    private final Kind kind;
    private final String text;

    private ResourceId(byte[] bytes, Kind kind) {
        this.bytes = bytes;
        this.kind = kind;
        this.text = Base64.getEncoder().encodeToString(bytes).replace('/', '-');
    }

    /** The id of the {@code n}th database, {@code n >= 1}. */
    public static ResourceId database(int n) {
        requireRange(n, 1, Integer.MAX_VALUE, "database");
        byte[] b = new byte[DATABASE_LENGTH];
        putIntBigEndian(b, 0, n);
        return new ResourceId(b, Kind.DATABASE);
    }

    /** The id of the {@code n}th container of a database, {@code n >= 1}. */
    public static ResourceId container(ResourceId database, int n) {
        requireKind(database, Kind.DATABASE);
        requireRange(n, 1, Integer.MAX_VALUE, "container");
        byte[] b = extend(database.bytes, CONTAINER_LENGTH);
        putIntBigEndian(b, DATABASE_LENGTH, n);
        b[DATABASE_LENGTH] |= (byte) CONTAINER_FLAG;
        return new ResourceId(b, Kind.CONTAINER);
    }

    /** The id of the {@code n}th user of a database, {@code n >= 1}. */
    public static ResourceId user(ResourceId database, int n) {
        requireKind(database, Kind.DATABASE);
        requireRange(n, 1, Integer.MAX_VALUE, "user");
        byte[] b = extend(database.bytes, CONTAINER_LENGTH);
        putIntBigEndian(b, DATABASE_LENGTH, n);
        return new ResourceId(b, Kind.USER);
    }

    /** The id of the {@code n}th permission of a user, {@code n >= 1}. */
    public static ResourceId permission(ResourceId user, long n) {
        requireKind(user, Kind.USER);
        requireRange(n, 1, Long.MAX_VALUE, "permission");
        byte[] b = extend(user.bytes, CHILD_LENGTH);
        putLongLittleEndian(b, CONTAINER_LENGTH, n);
        return new ResourceId(b, Kind.PERMISSION);
    }

    /** The id of the {@code n}th document of a container, {@code 1 <= n < 2^60}. */
    public static ResourceId document(ResourceId container, long n) {
        return containerChild(container, n, Kind.DOCUMENT);
    }

    /** The id of the {@code n}th stored procedure of a container, {@code 1 <= n < 2^60}. */
    public static ResourceId storedProcedure(ResourceId container, long n) {
        return containerChild(container, n, Kind.STORED_PROCEDURE);
    }

    /** The id of the {@code n}th trigger of a container, {@code 1 <= n < 2^60}. */
    public static ResourceId trigger(ResourceId container, long n) {
        return containerChild(container, n, Kind.TRIGGER);
    }

    /** The id of the {@code n}th user-defined function of a container, {@code 1 <= n < 2^60}. */
    public static ResourceId userDefinedFunction(ResourceId container, long n) {
        return containerChild(container, n, Kind.USER_DEFINED_FUNCTION);
    }

    /** The id of the {@code n}th conflict record of a container, {@code 1 <= n < 2^60}. */
    public static ResourceId conflict(ResourceId container, long n) {
        return containerChild(container, n, Kind.CONFLICT);
    }

    /** The id of the {@code n}th partition key range of a container, {@code 1 <= n < 2^60}. */
    public static ResourceId partitionKeyRange(ResourceId container, long n) {
        return containerChild(container, n, Kind.PARTITION_KEY_RANGE);
    }

    /** The id of the {@code n}th attachment of a document, {@code n >= 1}. */
    public static ResourceId attachment(ResourceId document, int n) {
        requireKind(document, Kind.DOCUMENT);
        requireRange(n, 1, Integer.MAX_VALUE, "attachment");
        byte[] b = extend(document.bytes, ATTACHMENT_LENGTH);
        putIntBigEndian(b, CHILD_LENGTH, n);
        return new ResourceId(b, Kind.ATTACHMENT);
    }

    /** The id of the {@code n}th offer, {@code 1 <= n < 2^24}; offers stand alone, outside any database. */
    public static ResourceId offer(int n) {
        requireRange(n, 1, MAX_OFFER_NUMBER, "offer");
        byte[] b = new byte[OFFER_LENGTH];
        for (int i = 0; i < OFFER_LENGTH; i++) {
            b[i] = (byte) (n >>> (8 * i));
        }
        return new ResourceId(b, Kind.OFFER);
    }

    /**
     * Parses the text form; anything the SDK's parser would refuse (and a few shapes it tolerates
     * but that no Cosmos resource has) is a 400.
     */
    public static ResourceId parse(String text) {
        if (text == null || text.isEmpty() || text.length() % 4 != 0 || text.indexOf('/') >= 0) {
            throw invalid(text);
        }
        byte[] b;
        try {
            b = Base64.getDecoder().decode(text.replace('-', '/'));
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
        Kind kind = kindOf(b);
        if (kind == null) {
            throw invalid(text);
        }
        return new ResourceId(b, kind);
    }

    /** The kind of resource this id names, from its length and flag bits; null when none fits. */
    private static Kind kindOf(byte[] b) {
        switch (b.length) {
            case OFFER_LENGTH:
                return Kind.OFFER;
            case DATABASE_LENGTH:
                return Kind.DATABASE;
            case CONTAINER_LENGTH:
                return isContainerBranch(b) ? Kind.CONTAINER : Kind.USER;
            case CHILD_LENGTH:
                return isContainerBranch(b) ? Kind.ofChildTag((b[CHILD_LENGTH - 1] >> 4) & 0xF) : Kind.PERMISSION;
            case ATTACHMENT_LENGTH:
                boolean underDocument = isContainerBranch(b)
                        && ((b[CHILD_LENGTH - 1] >> 4) & 0xF) == Kind.DOCUMENT.childTag;
                return underDocument ? Kind.ATTACHMENT : null;
            default:
                return null;
        }
    }

    private static boolean isContainerBranch(byte[] b) {
        return (b[DATABASE_LENGTH] & CONTAINER_FLAG) != 0;
    }

    /** What this id names. */
    public Kind kind() {
        return kind;
    }

    /** The id of the database this resource is (or lives in); offers have none. */
    public ResourceId database() {
        if (kind == Kind.OFFER) {
            throw new IllegalStateException("an offer id has no database part: " + text);
        }
        return prefix(DATABASE_LENGTH, Kind.DATABASE);
    }

    /** The id of the container this resource is (or lives in); only containers and their children have one. */
    public ResourceId container() {
        if (bytes.length < CONTAINER_LENGTH || !isContainerBranch(bytes)) {
            throw new IllegalStateException("a " + kind + " id has no container part: " + text);
        }
        return prefix(CONTAINER_LENGTH, Kind.CONTAINER);
    }

    /** The id of the user this resource is (or belongs to); only users and permissions have one. */
    public ResourceId user() {
        if (kind != Kind.USER && kind != Kind.PERMISSION) {
            throw new IllegalStateException("a " + kind + " id has no user part: " + text);
        }
        return prefix(CONTAINER_LENGTH, Kind.USER);
    }

    /** The id of the document an attachment belongs to, or this id for a document. */
    public ResourceId document() {
        if (kind != Kind.DOCUMENT && kind != Kind.ATTACHMENT) {
            throw new IllegalStateException("a " + kind + " id has no document part: " + text);
        }
        return prefix(CHILD_LENGTH, Kind.DOCUMENT);
    }

    /** The counter of this resource within its parent: the {@code n} it was made with. */
    public long number() {
        switch (kind) {
            case OFFER:
                return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16;
            case DATABASE:
                return getIntBigEndian(0);
            case CONTAINER:
                return getIntBigEndian(DATABASE_LENGTH) & 0x7FFF_FFFF;
            case USER:
                return getIntBigEndian(DATABASE_LENGTH);
            case PERMISSION:
                return getLongLittleEndian(CONTAINER_LENGTH);
            case ATTACHMENT:
                return getIntBigEndian(CHILD_LENGTH);
            default:
                return getLongLittleEndian(CONTAINER_LENGTH) & MAX_CHILD_NUMBER;
        }
    }

    /**
     * The order the official SDK gives items of equal ORDER BY values when it resumes a query:
     * the document part of the id (bytes 8 to 15) read as a big-endian signed long. Cosmos DB
     * returns ties in this order, so every physical partition must too.
     */
    public long documentOrder() {
        if (bytes.length < CONTAINER_LENGTH + 8) {
            return 0;
        }
        long n = 0;
        for (int i = CONTAINER_LENGTH; i < CONTAINER_LENGTH + 8; i++) {
            n = (n << 8) | (bytes[i] & 0xFF);
        }
        return n;
    }

    /** A copy of the binary form. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The text form: base64 with {@code '-'} for {@code '/'}, as it appears in {@code _rid} and URLs. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    private ResourceId prefix(int length, Kind prefixKind) {
        return length == bytes.length ? this : new ResourceId(Arrays.copyOf(bytes, length), prefixKind);
    }

    private static ResourceId containerChild(ResourceId container, long n, Kind kind) {
        requireKind(container, Kind.CONTAINER);
        requireRange(n, 1, MAX_CHILD_NUMBER, kind.name().toLowerCase());
        byte[] b = extend(container.bytes, CHILD_LENGTH);
        putLongLittleEndian(b, CONTAINER_LENGTH, n);
        b[CHILD_LENGTH - 1] |= (byte) (kind.childTag << 4);
        return new ResourceId(b, kind);
    }

    private static byte[] extend(byte[] parent, int length) {
        return Arrays.copyOf(parent, length);
    }

    private static void putIntBigEndian(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    private static void putLongLittleEndian(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private int getIntBigEndian(int at) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (bytes[at + i] & 0xFF);
        }
        return v;
    }

    private long getLongLittleEndian(int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (bytes[at + i] & 0xFF);
        }
        return v;
    }

    private static void requireKind(ResourceId parent, Kind expected) {
        if (parent.kind != expected) {
            throw new IllegalArgumentException("expected a " + expected + " id, got a " + parent.kind + " id: " + parent);
        }
    }

    private static void requireRange(long n, long min, long max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " number out of range [" + min + ", " + max + "]: " + n);
        }
    }

    private static RuntimeException invalid(String text) {
        return ErrorCode.BAD_REQUEST.exception("Invalid resource id '%s'.", text);
    }
}
