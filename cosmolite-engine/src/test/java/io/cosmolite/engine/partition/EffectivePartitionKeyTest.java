package io.cosmolite.engine.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.implementation.PartitionKeyRange;
import com.azure.cosmos.implementation.apachecommons.lang.tuple.ImmutablePair;
import com.azure.cosmos.implementation.routing.IServerIdentity;
import com.azure.cosmos.implementation.routing.InMemoryCollectionRoutingMap;
import com.azure.cosmos.implementation.routing.PartitionKeyInternal;
import com.azure.cosmos.implementation.routing.PartitionKeyInternalHelper;
import com.azure.cosmos.implementation.routing.Range;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.partition.SampleKeys.Sample;
import io.cosmolite.engine.partition.SampleKeys.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Our EPKs against the official SDK's, for every kind of key, and our routing against the SDK's. */
class EffectivePartitionKeyTest {
    private static final long SEED = 0xC05_305L;
    private static final int PER_TYPE = 240;
    private static final int[] RANGE_COUNTS = {1, 2, 3, 4, 5, 7, 16, 64, 255};

    private static final PartitionKeyDefinition V1 = new PartitionKeyDefinition(List.of("/pk"), PartitionKeyDefinition.Kind.HASH, 1);
    private static final PartitionKeyDefinition V2 = PartitionKeyDefinition.hashV2("/pk");
    private static final PartitionKeyDefinition MULTI_2 = PartitionKeyDefinition.multiHash("/a", "/b");
    private static final PartitionKeyDefinition MULTI_3 = PartitionKeyDefinition.multiHash("/a", "/b/c", "/d");

    private static int compared;
    private static int routed;

    @AfterAll
    static void report() {
        System.out.println("EffectivePartitionKeyTest: compared " + compared + " keys' EPKs and " + routed
                + " EPK routings with the azure-cosmos SDK");
    }

    @Test
    void singleComponentKeysOfEveryTypeMatchTheSdkForV1AndV2() {
        SampleKeys keys = new SampleKeys(SEED);
        for (Type type : Type.values()) {
            List<Sample> samples = keys.single(type, PER_TYPE);
            for (PartitionKeyDefinition def : List.of(V1, V2)) {
                int before = compared;
                samples.forEach(s -> assertMatchesSdk(s, def));
                assertThat(compared - before).as("%s keys for %s", type, def).isGreaterThanOrEqualTo(200);
            }
        }
    }

    @Test
    void hierarchicalKeysAndTheirPrefixesMatchTheSdk() {
        SampleKeys keys = new SampleKeys(SEED + 1);
        for (PartitionKeyDefinition def : List.of(MULTI_2, MULTI_3)) {
            int paths = def.paths().size();
            List<Sample> samples = keys.mixed(paths, PER_TYPE * 2);
            for (Sample full : samples) {
                for (int length = 1; length <= paths; length++) {
                    assertMatchesSdk(SampleKeys.prefix(full, length), def);
                }
            }
            // Every type shows up at every level.
            for (int level = 0; level < paths; level++) {
                int at = level;
                Set<Class<?>> seen = samples.stream()
                        .map(s -> s.value().components().get(at).getClass()).collect(Collectors.toSet());
                assertThat(seen).hasSize(Type.values().length);
            }
        }
    }

    @Test
    void aPrefixEpkIsAStringPrefixOfTheFullKeysEpk() {
        SampleKeys keys = new SampleKeys(SEED + 2);
        for (Sample full : keys.mixed(3, 200)) {
            String fullEpk = EffectivePartitionKey.of(full.value(), MULTI_3);
            assertThat(fullEpk).hasSize(96);
            for (int length = 1; length < 3; length++) {
                String prefixEpk = EffectivePartitionKey.of(SampleKeys.prefix(full, length).value(), MULTI_3);
                assertThat(fullEpk).startsWith(prefixEpk);
                assertThat(fullEpk.compareTo(prefixEpk + EffectivePartitionKey.MAX)).isNegative();
            }
        }
    }

    @Test
    void noneIsTheMinimumEpkAsInTheSdk() {
        for (PartitionKeyDefinition def : List.of(V1, V2, MULTI_2, MULTI_3)) {
            String sdk = PartitionKeyInternalHelper.getEffectivePartitionKeyString(
                    PartitionKeyInternal.fromJsonString("[]"), sdkDefinition(def));
            assertThat(EffectivePartitionKey.of(PartitionKeyValue.none(), def)).isEqualTo(sdk).isEqualTo("");
        }
        assertThat(EffectivePartitionKey.MIN).isEqualTo(PartitionKeyInternalHelper.MinimumInclusiveEffectivePartitionKey);
        assertThat(EffectivePartitionKey.MAX).isEqualTo(PartitionKeyInternalHelper.MaximumExclusiveEffectivePartitionKey);
    }

    @Test
    void knownValues() {
        // Independent of the SDK: a V2 EPK is 32 hex chars below "40"; a V1 EPK starts with the number marker.
        String v2 = EffectivePartitionKey.of(PartitionKeyValue.of(PartitionKeyComponent.of("a")), V2);
        assertThat(v2).matches("[0-3][0-9A-F]{31}");
        String v1 = EffectivePartitionKey.of(PartitionKeyValue.of(PartitionKeyComponent.of("a")), V1);
        assertThat(v1).startsWith("05").endsWith("0862" + "00"); // "a" = 0x61, shifted to 0x62, terminated
    }

    @Test
    void wrongComponentCountsAre400s() {
        PartitionKeyValue two = PartitionKeyValue.of(PartitionKeyComponent.of("a"), PartitionKeyComponent.of(1));
        assertThatThrownBy(() -> EffectivePartitionKey.of(two, V2))
                .isInstanceOfSatisfying(CosmosException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PARTITION_KEY_MISMATCH));
        PartitionKeyValue four = new PartitionKeyValue(List.of(PartitionKeyComponent.NULL, PartitionKeyComponent.NULL,
                PartitionKeyComponent.NULL, PartitionKeyComponent.NULL));
        assertThatThrownBy(() -> EffectivePartitionKey.of(four, MULTI_3)).isInstanceOf(CosmosException.class);
        // A prefix is fine only for hierarchical keys.
        assertThat(EffectivePartitionKey.of(PartitionKeyValue.of(PartitionKeyComponent.of("a")), MULTI_3)).hasSize(32);
    }

    /** The EPKs that decide routing: keys, prefixes, prefix ends and the bounds themselves route as in the SDK. */
    @Test
    void routingOverSplitRangesMatchesTheSdksRoutingMap() {
        SampleKeys keys = new SampleKeys(SEED + 3);
        List<String> v2Epks = new ArrayList<>();
        List<String> v1Epks = new ArrayList<>();
        for (Type type : Type.values()) {
            for (Sample s : keys.single(type, 60)) {
                v2Epks.add(EffectivePartitionKey.of(s.value(), V2));
                v1Epks.add(EffectivePartitionKey.of(s.value(), V1));
            }
        }
        List<String> prefixEnds = new ArrayList<>();
        for (Sample s : keys.mixed(3, 300)) {
            for (int length = 1; length <= 3; length++) {
                String epk = EffectivePartitionKey.of(SampleKeys.prefix(s, length).value(), MULTI_3);
                v2Epks.add(epk);
                prefixEnds.add(epk + EffectivePartitionKey.MAX);
            }
        }
        v2Epks.add(EffectivePartitionKey.MIN);
        v1Epks.add(EffectivePartitionKey.MIN);

        for (int n : RANGE_COUNTS) {
            assertSameRouting(PartitionKeyRanges.split(n), v2Epks, prefixEnds);
            assertSameRouting(PartitionKeyRanges.split(n, V1), v1Epks, List.of());
        }
    }

    private static void assertSameRouting(List<io.cosmolite.engine.partition.PartitionKeyRange> ours,
                                          List<String> epks, List<String> prefixEnds) {
        InMemoryCollectionRoutingMap sdk = sdkRoutingMap(ours);
        assertThat(sdk).as("the SDK accepts our ranges as a complete set").isNotNull();
        Set<String> probes = new LinkedHashSet<>(epks);
        for (io.cosmolite.engine.partition.PartitionKeyRange r : ours) {
            if (!r.minInclusive().isEmpty()) {
                probes.add(r.minInclusive());
                probes.add(r.minInclusive() + "00");
            }
        }
        for (String epk : probes) {
            assertThat(PartitionKeyRanges.find(ours, epk).id())
                    .as("range of %s among %d ranges", epk, ours.size())
                    .isEqualTo(sdk.getRangeByEffectivePartitionKey(epk).getId());
            routed++;
        }
        // A prefix query's EPK range [epk, epk+"FF") overlaps the same ranges for both.
        for (String end : prefixEnds) {
            String start = end.substring(0, end.length() - 2);
            List<String> sdkIds = sdk.getOverlappingRanges(new Range<>(start, end, true, false))
                    .stream().map(PartitionKeyRange::getId).toList();
            List<String> ourIds = ours.stream()
                    .filter(r -> r.minInclusive().compareTo(end) < 0 && start.compareTo(r.maxExclusive()) < 0)
                    .map(io.cosmolite.engine.partition.PartitionKeyRange::id).toList();
            assertThat(ourIds).isEqualTo(sdkIds).contains(PartitionKeyRanges.find(ours, start).id());
        }
    }

    private static InMemoryCollectionRoutingMap sdkRoutingMap(List<io.cosmolite.engine.partition.PartitionKeyRange> ranges) {
        List<ImmutablePair<PartitionKeyRange, IServerIdentity>> pairs = new ArrayList<>();
        for (io.cosmolite.engine.partition.PartitionKeyRange r : ranges) {
            pairs.add(new ImmutablePair<>(new PartitionKeyRange(r.id(), r.minInclusive(), r.maxExclusive()), null));
        }
        return InMemoryCollectionRoutingMap.tryCreateCompleteRoutingMap(pairs, "coll", null);
    }

    private static void assertMatchesSdk(Sample sample, PartitionKeyDefinition def) {
        com.azure.cosmos.models.PartitionKeyDefinition sdkDef = sdkDefinition(def);
        String ours = EffectivePartitionKey.of(sample.value(), def);
        String fromObjects = PartitionKeyInternalHelper.getEffectivePartitionKeyString(
                PartitionKeyInternal.fromObjectArray(sample.sdkObjects(), true), sdkDef);
        assertThat(ours).as("EPK of %s under %s", sample.value(), def).isEqualTo(fromObjects);

        // Our header text reads back to the same value, and the SDK reads it to the same EPK.
        String header = sample.value().toHeaderJson();
        assertThat(PartitionKeyValue.fromHeaderJson(header)).isEqualTo(sample.value());
        String fromHeader = PartitionKeyInternalHelper.getEffectivePartitionKeyString(
                PartitionKeyInternal.fromJsonString(header), sdkDef);
        assertThat(fromHeader).as("SDK EPK of header %s", header).isEqualTo(ours);
        compared++;
    }

    private static com.azure.cosmos.models.PartitionKeyDefinition sdkDefinition(PartitionKeyDefinition def) {
        com.azure.cosmos.models.PartitionKeyDefinition sdk = new com.azure.cosmos.models.PartitionKeyDefinition();
        sdk.setPaths(new ArrayList<>(def.paths()));
        sdk.setKind(def.kind() == PartitionKeyDefinition.Kind.MULTI_HASH ? PartitionKind.MULTI_HASH : PartitionKind.HASH);
        sdk.setVersion(def.version() == 2 ? PartitionKeyDefinitionVersion.V2 : PartitionKeyDefinitionVersion.V1);
        return sdk;
    }
}
