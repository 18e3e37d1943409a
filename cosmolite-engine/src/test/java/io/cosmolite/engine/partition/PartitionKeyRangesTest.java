package io.cosmolite.engine.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmolite.engine.partition.SampleKeys.Sample;
import io.cosmolite.engine.partition.SampleKeys.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionKeyRangesTest {
    private static final PartitionKeyDefinition V1 =
            new PartitionKeyDefinition(List.of("/pk"), PartitionKeyDefinition.Kind.HASH, 1);
    private static final PartitionKeyDefinition V2 = PartitionKeyDefinition.hashV2("/pk");
    private static final PartitionKeyDefinition MULTI = PartitionKeyDefinition.multiHash("/a", "/b", "/c");

    @Test
    void splitTilesTheWholeSpace() {
        for (int n : new int[] {1, 2, 3, 4, 5, 10, 100, 1000}) {
            for (List<PartitionKeyRange> ranges : List.of(PartitionKeyRanges.split(n), PartitionKeyRanges.split(n, V1))) {
                assertThat(ranges).hasSize(n);
                assertThat(ranges.get(0).minInclusive()).isEqualTo(EffectivePartitionKey.MIN);
                assertThat(ranges.get(n - 1).maxExclusive()).isEqualTo(EffectivePartitionKey.MAX);
                for (int i = 0; i < n; i++) {
                    assertThat(ranges.get(i).id()).isEqualTo(Integer.toString(i));
                    if (i > 0) {
                        assertThat(ranges.get(i).minInclusive()).isEqualTo(ranges.get(i - 1).maxExclusive());
                    }
                }
            }
        }
    }

    @Test
    void v2BoundsAreEvenlySpacedHexOfAHashsLength() {
        assertThat(bounds(PartitionKeyRanges.split(2))).containsExactly("", "20");
        assertThat(bounds(PartitionKeyRanges.split(4))).containsExactly("", "10", "20", "30");
        assertThat(bounds(PartitionKeyRanges.split(3)))
                .containsExactly("", "15555555555555555555555555555555", "2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        for (String b : bounds(PartitionKeyRanges.split(1000))) {
            assertThat(b).matches("([0-3][0-9A-F]([0-9A-F]{2}){0,15})?");
        }
    }

    @Test
    void v1BoundsAreBinaryEncodedHashes() {
        // As on Cosmos DB's V1 containers: the number marker 05, then the encoded 32-bit hash bound.
        for (String b : bounds(PartitionKeyRanges.split(7, V1)).subList(1, 7)) {
            assertThat(b).startsWith("05C1");
        }
        assertThat(PartitionKeyRanges.split(3, V2)).isEqualTo(PartitionKeyRanges.split(3));
    }

    @Test
    void everyGeneratedEpkIsInExactlyOneRangeAndFindReturnsIt() {
        SampleKeys keys = new SampleKeys(42);
        List<String> v2 = new ArrayList<>();
        List<String> v1 = new ArrayList<>();
        for (Type type : Type.values()) {
            for (Sample s : keys.single(type, 200)) {
                v2.add(EffectivePartitionKey.of(s.value(), V2));
                v1.add(EffectivePartitionKey.of(s.value(), V1));
            }
        }
        for (Sample s : keys.mixed(3, 300)) {
            for (int length = 1; length <= 3; length++) {
                v2.add(EffectivePartitionKey.of(SampleKeys.prefix(s, length).value(), MULTI));
            }
        }
        v2.add(EffectivePartitionKey.MIN);
        for (int n : new int[] {1, 2, 3, 8, 33}) {
            assertEachInExactlyOne(PartitionKeyRanges.split(n), v2);
            assertEachInExactlyOne(PartitionKeyRanges.split(n, V1), v1);
        }
    }

    @Test
    void hashedKeysSpreadOverEveryRange() {
        SampleKeys keys = new SampleKeys(7);
        List<Sample> samples = keys.single(Type.STRING, 400);
        for (PartitionKeyDefinition def : List.of(V1, V2)) {
            List<PartitionKeyRange> ranges = PartitionKeyRanges.split(4, def);
            int[] counts = new int[4];
            for (Sample s : samples) {
                counts[Integer.parseInt(PartitionKeyRanges.find(ranges, EffectivePartitionKey.of(s.value(), def)).id())]++;
            }
            assertThat(java.util.Arrays.stream(counts).min().getAsInt()).as("fewest keys in a range for %s", def).isGreaterThan(50);
        }
    }

    @Test
    void findRejectsAnEpkOutsideTheRanges() {
        List<PartitionKeyRange> partial = List.of(new PartitionKeyRange("0", "", "20"));
        assertThat(PartitionKeyRanges.find(partial, "1F").id()).isEqualTo("0");
        assertThatThrownBy(() -> PartitionKeyRanges.find(partial, "20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionKeyRanges.find(List.of(), "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionKeyRanges.split(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertEachInExactlyOne(List<PartitionKeyRange> ranges, List<String> epks) {
        for (String epk : epks) {
            List<PartitionKeyRange> containing = ranges.stream().filter(r -> r.contains(epk)).toList();
            assertThat(containing).as("ranges containing %s", epk).hasSize(1);
            assertThat(PartitionKeyRanges.find(ranges, epk)).isEqualTo(containing.get(0));
        }
    }

    private static List<String> bounds(List<PartitionKeyRange> ranges) {
        return ranges.stream().map(PartitionKeyRange::minInclusive).toList();
    }
}
