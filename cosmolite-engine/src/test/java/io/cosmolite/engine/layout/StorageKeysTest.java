package io.cosmolite.engine.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyDefinition;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.json.Json;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StorageKeysTest {
    private static final byte[] RID = {0, 0, 0, 1, (byte) 0x80, 0, 0, 1};
    /** An index id and value as the index writes them (a string value: tag, UTF-8, 00 01). */
    private static final byte[] TERM = {0x01, 0x06, '/', 'c', 0x00, 0x01, 0x06, 'L', 'i', 's', 0x00, 0x01};

    @ParameterizedTest
    @ValueSource(strings = {"", "0A", "3FA2B9C0D1E2F30415263748596A7B8C", "05C1DF0C8A2B0C6E7D00",
            "2B6D3F1A00000000000000000000000019E0C1F3A2B4C5D6E7F8091A2B3C4D5E"})
    void anIndexEntryLeadsBackToItsItemKey(String epk) {
        byte[] entry = StorageKeys.indexEntry(RID, 3, TERM, StorageKeys.indexEntryTail(42, epk, "id/é\u0000x"));

        assertThat(StorageKeys.itemOfIndexEntry(RID, entry, 1 + RID.length + 4 + TERM.length))
                .isEqualTo(StorageKeys.item(RID, epk, "id/é\u0000x"));
    }

    @Test
    void theEpkIsStoredInBinarySoAHashV2EntryTailIsSixteenBytesShorter() {
        String epk = EffectivePartitionKey.of(PartitionKeyValue.fromHeaderJson("[\"tenant-7\"]"),
                PartitionKeyDefinition.fromJson(Json.parse("{\"paths\":[\"/pk\"],\"kind\":\"Hash\",\"version\":2}")));

        assertThat(epk).hasSize(32);
        assertThat(StorageKeys.indexEntryTail(1, epk, "a")).hasSize(8 + 1 + 16 + 1);
    }

    @Test
    void entriesOfOneValueSortByDocumentOrderSignedThenEpk() {
        byte[] negative = StorageKeys.indexEntry(RID, 0, TERM, StorageKeys.indexEntryTail(-5, "3F", "z"));
        byte[] small = StorageKeys.indexEntry(RID, 0, TERM, StorageKeys.indexEntryTail(7, "3F", "z"));
        byte[] large = StorageKeys.indexEntry(RID, 0, TERM, StorageKeys.indexEntryTail(1L << 40, "00", "a"));

        assertThat(Arrays.compareUnsigned(negative, small)).isNegative();
        assertThat(Arrays.compareUnsigned(small, large)).isNegative();
    }

    @Test
    void anEpkPrefixMatchesWholeAndHalfBytes() {
        byte[] entry = StorageKeys.indexEntry(RID, 0, TERM, StorageKeys.indexEntryTail(1, "3FA2B9C0", "x"));
        int valueEnd = 1 + RID.length + 4 + TERM.length;

        assertThat(StorageKeys.indexEntryEpkStartsWith(entry, valueEnd, "")).isTrue();
        assertThat(StorageKeys.indexEntryEpkStartsWith(entry, valueEnd, "3FA2")).isTrue();
        assertThat(StorageKeys.indexEntryEpkStartsWith(entry, valueEnd, "3FA")).isTrue();
        assertThat(StorageKeys.indexEntryEpkStartsWith(entry, valueEnd, "3FA2B9C0")).isTrue();
        assertThat(StorageKeys.indexEntryEpkStartsWith(entry, valueEnd, "3FA3")).isFalse();
        assertThat(StorageKeys.indexEntryEpkStartsWith(entry, valueEnd, "3FA2B9C000")).isFalse();
    }

    @Test
    void theRowCacheKeepsItemsAndMetadataButNotIndexEntriesOrChangeLogRecords() {
        assertThat(StorageKeys.worthCaching(StorageKeys.item(RID, "3F", "a"))).isTrue();
        assertThat(StorageKeys.worthCaching(StorageKeys.metadata(new byte[0], (byte) 1, "db"))).isTrue();
        assertThat(StorageKeys.worthCaching(StorageKeys.ranges(RID))).isTrue();
        assertThat(StorageKeys.worthCaching(StorageKeys.indexEntry(RID, 0, TERM, StorageKeys.indexEntryTail(1, "3F", "a"))))
                .isFalse();
        assertThat(StorageKeys.worthCaching(StorageKeys.changeLog(RID, 0, 42))).isFalse();
    }

    @Test
    void anEpkLongerThanALengthByteIsRefused() {
        assertThatThrownBy(() -> StorageKeys.indexEntryTail(1, "00".repeat(256), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
