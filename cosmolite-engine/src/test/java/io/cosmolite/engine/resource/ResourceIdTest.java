package io.cosmolite.engine.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.resource.ResourceId.Kind;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceIdTest {
    private static final String URL_SAFE = "^[A-Za-z0-9+\\-]*=*$";

    private final Random random = new Random(20240601);

    @Test
    void databaseIsFourBytesAndContainerSetsTheFlagBit() {
        ResourceId db = ResourceId.database(1);
        assertThat(db.bytes()).containsExactly(0, 0, 0, 1);
        assertThat(db.toString()).isEqualTo("AAAAAQ==");

        ResourceId coll = ResourceId.container(db, 1);
        assertThat(coll.bytes()).containsExactly(0, 0, 0, 1, 0x80, 0, 0, 1);
        assertThat(coll.database()).isEqualTo(db);
    }

    @Test
    void containerChildrenCarryTheirTypeInTheLastNibble() {
        ResourceId coll = ResourceId.container(ResourceId.database(7), 3);
        assertThat(ResourceId.document(coll, 1).bytes()).endsWith(1, 0, 0, 0, 0, 0, 0, 0x00);
        assertThat(ResourceId.storedProcedure(coll, 1).bytes()).endsWith(1, 0, 0, 0, 0, 0, 0, 0x80);
        assertThat(ResourceId.trigger(coll, 1).bytes()).endsWith(1, 0, 0, 0, 0, 0, 0, 0x70);
        assertThat(ResourceId.userDefinedFunction(coll, 1).bytes()).endsWith(1, 0, 0, 0, 0, 0, 0, 0x60);
        assertThat(ResourceId.partitionKeyRange(coll, 1).bytes()).endsWith(1, 0, 0, 0, 0, 0, 0, 0x50);
        assertThat(ResourceId.conflict(coll, 1).bytes()).endsWith(1, 0, 0, 0, 0, 0, 0, 0x40);
        // The same tail as stored procedure ids Cosmos DB itself returns, e.g. "Sl8fALN4sw4BAAAAAAAAgA==".
        assertThat(ResourceId.storedProcedure(coll, 1).toString()).endsWith("BAAAAAAAAgA==");
    }

    @Test
    void offersAreThreeBytesLittleEndian() {
        ResourceId offer = ResourceId.offer(0x7622F3);
        assertThat(offer.toString()).isEqualTo("8yJ2");
        assertThat(ResourceId.parse("8yJ2")).isEqualTo(offer);
        assertThat(offer.kind()).isEqualTo(Kind.OFFER);
        assertThat(offer.number()).isEqualTo(0x7622F3);
        assertThatThrownBy(offer::database).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesRealCosmosIds() {
        ResourceId doc = ResourceId.parse("Sl8fALN4sw4CAAAAAAAAAA==");
        assertThat(doc.kind()).isEqualTo(Kind.DOCUMENT);
        assertThat(doc.number()).isEqualTo(2);
        assertThat(doc.container().toString()).isEqualTo("Sl8fALN4sw4=");
        assertThat(doc.database().toString()).isEqualTo("Sl8fAA==");
        assertThat(ResourceId.parse("Sl8fALN4sw4BAAAAAAAAgA==").kind()).isEqualTo(Kind.STORED_PROCEDURE);
        assertThat(ResourceId.parse("Sl8fAG8cXgA=").kind()).isEqualTo(Kind.USER);
    }

    @Test
    void everyKindRoundTripsThroughItsTextForm() {
        for (ResourceId id : sampleOfEveryKind(200)) {
            ResourceId parsed = ResourceId.parse(id.toString());
            assertThat(parsed).isEqualTo(id).hasSameHashCodeAs(id);
            assertThat(parsed.kind()).isEqualTo(id.kind());
            assertThat(parsed.number()).isEqualTo(id.number());
            assertThat(parsed.toString()).isEqualTo(id.toString()).matches(URL_SAFE);
        }
    }

    @Test
    void partsNameTheParents() {
        ResourceId db = ResourceId.database(42);
        ResourceId coll = ResourceId.container(db, 9);
        ResourceId doc = ResourceId.document(coll, 123_456_789L);
        ResourceId user = ResourceId.user(db, 5);
        ResourceId perm = ResourceId.permission(user, 77);
        ResourceId att = ResourceId.attachment(doc, 3);

        assertThat(doc.container()).isEqualTo(coll);
        assertThat(doc.database()).isEqualTo(db);
        assertThat(att.document()).isEqualTo(doc);
        assertThat(att.container()).isEqualTo(coll);
        assertThat(perm.user()).isEqualTo(user);
        assertThat(perm.database()).isEqualTo(db);
        assertThat(coll.container()).isSameAs(coll);
        assertThat(doc.number()).isEqualTo(123_456_789L);
        assertThat(coll.number()).isEqualTo(9);
        assertThatThrownBy(user::container).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(db::container).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(coll::user).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bytesIsACopy() {
        ResourceId db = ResourceId.database(1);
        db.bytes()[3] = 9;
        assertThat(db.bytes()).containsExactly(0, 0, 0, 1);
    }

    @Test
    void refusesWrongParentsAndNumbers() {
        ResourceId db = ResourceId.database(1);
        ResourceId coll = ResourceId.container(db, 1);
        assertThatThrownBy(() -> ResourceId.database(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.document(coll, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.document(coll, 1L << 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.offer(1 << 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.document(db, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.container(coll, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceId.permission(coll, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "!!!!", "AA==", "AAAAAAAAAAAAAAAA", "AAAAAYAAAAEBAAAAAAAAEA==",
        "AAAAAYAAAAEBAAAAAAAAkA==", "AAAAAYAAAAEBAAAAAAAAgAAAAAE=", "AAAAAQ/A", "AAAAAIAAAAEAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void garbageIsABadRequest(String text) {
        assertThatThrownBy(() -> ResourceId.parse(text))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    /** The SDK's parser is the oracle: it must read our ids as the same resource with the same parents. */
    @Test
    void theSdkReadsOurIdsAsTheSameResources() {
        List<ResourceId> ids = sampleOfEveryKind(400);
        assertThat(ids).hasSizeGreaterThan(4000);
        for (ResourceId id : ids) {
            com.azure.cosmos.implementation.ResourceId sdk =
                    com.azure.cosmos.implementation.ResourceId.parse(id.toString());
            if (id.kind() == Kind.OFFER) {
                assertSdkOffer(id, sdk);
                continue;
            }
            assertThat(sdk.toString()).as("re-encoded %s", id).isEqualTo(id.toString());
            assertThat(sdk.getDatabaseId().toString()).isEqualTo(id.database().toString());
            assertThat(sdk.getDatabase()).isEqualTo((int) id.database().number());
            assertThat(sdkKind(sdk)).as("kind of %s", id).isEqualTo(id.kind());
            switch (id.kind()) {
                case DATABASE, USER, PERMISSION -> assertThat(sdk.getDocumentCollection()).isZero();
                default -> {
                    assertThat(sdk.getDocumentCollectionId().toString()).isEqualTo(id.container().toString());
                    assertThat(sdk.getDocumentCollection() & 0x7FFF_FFFF).isEqualTo((int) id.container().number());
                }
            }
            if (id.kind() == Kind.USER || id.kind() == Kind.PERMISSION) {
                assertThat(sdk.getUserId().toString()).isEqualTo(id.user().toString());
            }
            if (id.kind() == Kind.DOCUMENT || id.kind() == Kind.ATTACHMENT) {
                assertThat(sdk.getDocumentId().toString()).isEqualTo(id.document().toString());
            }
        }
    }

    /** Random binary ids: whatever we accept, the SDK accepts too, as the same kind. */
    @Test
    void weNeverAcceptWhatTheSdkRefuses() {
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[1 + random.nextInt(24)];
            random.nextBytes(b);
            String text = Base64.getEncoder().encodeToString(b).replace('/', '-');
            ResourceId ours;
            try {
                ours = ResourceId.parse(text);
            } catch (CosmosException e) {
                continue;
            }
            var sdk = com.azure.cosmos.implementation.ResourceId.tryParse(text);
            assertThat(sdk.getLeft()).as("SDK accepts %s", text).isTrue();
            if (ours.kind() != Kind.OFFER) {
                assertThat(sdkKind(sdk.getRight())).as("kind of %s", text).isEqualTo(ours.kind());
            }
        }
    }

    /** The SDK folds offer bytes with sign extension, so its number is only meaningful below 0x80 per byte. */
    private static void assertSdkOffer(ResourceId id, com.azure.cosmos.implementation.ResourceId sdk) {
        byte[] b = id.bytes();
        if (b[0] >= 0 && b[1] >= 0 && b[2] >= 0) {
            assertThat(sdk.getOffer()).isEqualTo(id.number());
        }
        assertThat(sdk.getDatabase()).isZero();
    }

    private static Kind sdkKind(com.azure.cosmos.implementation.ResourceId sdk) {
        if (sdk.getAttachment() != 0) {
            return Kind.ATTACHMENT;
        }
        if (sdk.getDocument() != 0) {
            return Kind.DOCUMENT;
        }
        if (sdk.getStoredProcedure() != 0) {
            return Kind.STORED_PROCEDURE;
        }
        if (sdk.getTrigger() != 0) {
            return Kind.TRIGGER;
        }
        if (sdk.getUserDefinedFunction() != 0) {
            return Kind.USER_DEFINED_FUNCTION;
        }
        if (sdk.getConflict() != 0) {
            return Kind.CONFLICT;
        }
        if (sdk.getPartitionKeyRange() != 0) {
            return Kind.PARTITION_KEY_RANGE;
        }
        if (sdk.getPermission() != 0) {
            return Kind.PERMISSION;
        }
        if (sdk.getUser() != 0) {
            return Kind.USER;
        }
        if (sdk.getDocumentCollection() != 0) {
            return Kind.CONTAINER;
        }
        if (sdk.getOffer() != 0) {
            return Kind.OFFER;
        }
        return Kind.DATABASE;
    }

    /** {@code perKind} ids of every kind, with small, large and random counters. */
    private List<ResourceId> sampleOfEveryKind(int perKind) {
        List<ResourceId> ids = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            ResourceId db = ResourceId.database(intNumber(i));
            ResourceId coll = ResourceId.container(db, intNumber(i + 1));
            ResourceId user = ResourceId.user(db, intNumber(i + 2));
            ResourceId doc = ResourceId.document(coll, childNumber(i));
            ids.add(db);
            ids.add(coll);
            ids.add(user);
            ids.add(doc);
            ids.add(ResourceId.permission(user, i % 2 == 0 ? i + 1 : 1 + (random.nextLong() & Long.MAX_VALUE - 1)));
            ids.add(ResourceId.attachment(doc, intNumber(i + 3)));
            ids.add(ResourceId.offer(1 + (i % 3 == 0 ? i : random.nextInt((1 << 24) - 1))));
            List<LongFunction<ResourceId>> children = List.of(
                    n -> ResourceId.storedProcedure(coll, n),
                    n -> ResourceId.trigger(coll, n),
                    n -> ResourceId.userDefinedFunction(coll, n),
                    n -> ResourceId.conflict(coll, n),
                    n -> ResourceId.partitionKeyRange(coll, n));
            for (LongFunction<ResourceId> child : children) {
                ids.add(child.apply(childNumber(i + 4)));
            }
        }
        return ids;
    }

    private int intNumber(int i) {
        return switch (i % 3) {
            case 0 -> i + 1;
            case 1 -> Integer.MAX_VALUE - i;
            default -> 1 + random.nextInt(Integer.MAX_VALUE - 1);
        };
    }

    private long childNumber(int i) {
        return switch (i % 3) {
            case 0 -> i + 1;
            case 1 -> (1L << 60) - 1 - i;
            default -> 1 + (random.nextLong() >>> 4) % ((1L << 60) - 2);
        };
    }
}
