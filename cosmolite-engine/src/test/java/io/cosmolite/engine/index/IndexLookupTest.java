package io.cosmolite.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.query.value.Values;
import io.cosmolite.engine.resource.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index lookups over a container with three physical partitions, checked against a brute-force filter. */
class IndexLookupTest extends IndexFixture {
    private static final List<String> N = List.of("n");
    private final Map<String, ObjectNode> docs = new TreeMap<>();
    private Container c;
    private IndexRuntime index;
    private List<Integer> ranges;

    @Override
    boolean durable() {
        return false;
    }

    @BeforeEach
    void load() {
        c = container("c", "{'compositeIndexes':[[{'path':'/a','order':'ascending'},{'path':'/b','order':'descending'}]]}", 3);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            ObjectNode d = json("{'id':'d" + i + "','pk':'p" + (i % 37) + "'}");
            switch (random.nextInt(6)) {
                case 0 -> d.put("n", "s" + random.nextInt(20));
                case 1 -> d.put("n", random.nextBoolean());
                case 2 -> { }
                case 3 -> d.putNull("n");
                default -> d.put("n", random.nextInt(40) - 10 + (random.nextBoolean() ? 0.5 : 0));
            }
            var tags = d.putArray("tags");
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add("t" + random.nextInt(6));
            }
            d.put("a", "a" + random.nextInt(3));
            if (random.nextInt(5) > 0) {
                d.put("b", random.nextInt(10));
            }
            c.create(null, d);
            docs.put("d" + i, d);
        }
        byte[] rid = ResourceId.parse(c.properties().get("_rid").textValue()).bytes();
        List<PartitionKeyRange> pkRanges = c.partitionKeyRanges();
        index = IndexRuntime.open(store, rid, pkRanges.stream().map(PartitionKeyRange::minInclusive).toList(),
                pkRanges.stream().map(PartitionKeyRange::maxExclusive).toList());
        ranges = List.of(0, 1, 2);
    }

    @Test
    void equalityAndInFindExactlyTheMatchingDocuments() {
        JsonNode five = Json.parse("5");
        assertThat(ids(IndexLookup.single(N, List.of(Intervals.equal(five, false)), false), false))
                .containsExactlyInAnyOrderElementsOf(expected(d -> Values.deepEquals(d.get("n"), five)));
        List<JsonNode> in = List.of(Json.parse("3"), Json.parse("\"s4\""), Json.parse("true"), Json.parse("null"), Json.parse("3"));
        assertThat(ids(IndexLookup.single(N, in.stream().map(v -> Intervals.equal(v, false)).toList(), false), false))
                .containsExactlyInAnyOrderElementsOf(expected(d -> in.stream().anyMatch(v -> Values.deepEquals(d.get("n"), v))));
    }

    @Test
    void rangesStayWithinTheirType() {
        JsonNode low = Json.parse("2");
        JsonNode high = Json.parse("12.5");
        for (boolean li : new boolean[] {true, false}) {
            for (boolean hi : new boolean[] {true, false}) {
                IndexLookup l = IndexLookup.single(N, List.of(Intervals.range(low, li, high, hi, false)), false);
                assertThat(ids(l, false)).containsExactlyInAnyOrderElementsOf(expected(d -> {
                    Integer lc = Values.compare(d.get("n"), low);
                    Integer hc = Values.compare(d.get("n"), high);
                    return lc != null && hc != null && (li ? lc >= 0 : lc > 0) && (hi ? hc <= 0 : hc < 0);
                }));
            }
        }
        IndexLookup above = IndexLookup.single(N, List.of(Intervals.range(Json.parse("\"s15\""), false, null, false, false)), false);
        assertThat(ids(above, false)).containsExactlyInAnyOrderElementsOf(expected(d -> {
            Integer cmp = Values.compare(d.get("n"), Json.parse("\"s15\""));
            return cmp != null && cmp > 0;
        }));
        IndexLookup bools = IndexLookup.single(N, List.of(Intervals.range(Json.parse("false"), false, null, false, false)), false);
        assertThat(ids(bools, false)).containsExactlyInAnyOrderElementsOf(expected(d -> Values.isTrue(d.get("n"))));
    }

    @Test
    void aPrefixFindsTheStringsStartingWithIt() {
        IndexLookup l = IndexLookup.single(N, List.of(Intervals.prefix("s1", false)), false);
        assertThat(ids(l, false)).containsExactlyInAnyOrderElementsOf(
                expected(d -> d.path("n").isTextual() && d.get("n").textValue().startsWith("s1")));
    }

    @Test
    void mergedPartitionsComeInSortOrderBothWays() {
        for (boolean desc : new boolean[] {false, true}) {
            IndexLookup l = IndexLookup.single(N, List.of(Intervals.defined(false)), desc);
            List<JsonNode> values = new ArrayList<>();
            try (IndexCursor cursor = index.lookup(l, ranges, null, null, true)) {
                while (cursor.next()) {
                    values.add(cursor.value());
                }
            }
            Comparator<JsonNode> order = Values::sortCompare;
            assertThat(values).hasSize(expected(d -> d.has("n")).size())
                    .isSortedAccordingTo(desc ? order.reversed() : order);
        }
    }

    @Test
    void arrayPathsYieldEachDocumentOnceAtItsFirstMatch() {
        List<String> tags = List.of("tags", "[]");
        IndexLookup l = IndexLookup.single(tags, List.of(Intervals.range(Json.parse("\"t1\""), true, Json.parse("\"t4\""), true, false)), false);
        List<String> found = ids(l, false);
        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected(d -> {
            for (JsonNode t : d.get("tags")) {
                if (t.textValue().compareTo("t1") >= 0 && t.textValue().compareTo("t4") <= 0) {
                    return true;
                }
            }
            return false;
        }));
    }

    @Test
    void compositeLookupsTakeAnEqualityPrefixAndARangeOnTheNextColumn() {
        CompositeIndex composite = IndexDefinition.of(c.properties().get("indexingPolicy")).composites().get(0);
        byte[] prefix = Intervals.point(Json.parse("\"a1\""), false);
        IndexLookup l = IndexLookup.composite(composite,
                List.of(Intervals.within(prefix, Intervals.range(Json.parse("3"), false, null, false, true))), false);
        List<JsonNode> bs = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (IndexCursor cursor = index.lookup(l, ranges, null, null, true)) {
            while (cursor.next()) {
                found.add(index.idOfItemKey(cursor.itemKey()));
                bs.add(docs.get(index.idOfItemKey(cursor.itemKey())).get("b"));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected(d -> d.get("a").textValue().equals("a1")
                && d.path("b").isNumber() && d.get("b").intValue() > 3));
        assertThat(bs).isSortedAccordingTo(Comparator.<JsonNode, Integer>comparing(JsonNode::intValue).reversed());
    }

    @Test
    void aResumedCursorContinuesAtTheGivenEntry() {
        for (boolean merge : new boolean[] {false, true}) {
            for (boolean desc : new boolean[] {false, true}) {
                IndexLookup l = IndexLookup.single(N, List.of(Intervals.all()), desc);
                List<byte[]> keys = new ArrayList<>();
                try (IndexCursor cursor = index.lookup(l, ranges, null, null, merge)) {
                    while (cursor.next()) {
                        keys.add(cursor.key());
                    }
                }
                assertThat(keys).hasSize(docs.size() - expected(d -> !d.has("n")).size());
                for (int at : new int[] {0, 1, 57, 150, keys.size() - 1}) {
                    List<byte[]> rest = new ArrayList<>();
                    try (IndexCursor cursor = index.lookup(l, ranges, keys.get(at), null, merge)) {
                        while (cursor.next()) {
                            rest.add(cursor.key());
                        }
                    }
                    assertThat(rest).as("merge %s desc %s at %d", merge, desc, at)
                            .containsExactlyElementsOf(keys.subList(at, keys.size()));
                }
            }
        }
    }

    @Test
    void anEpkPrefixKeepsOneLogicalPartition() {
        ObjectNode one = docs.get("d5");
        String epk = io.cosmolite.engine.partition.EffectivePartitionKey.of(pk(one.get("pk").textValue()),
                io.cosmolite.engine.partition.PartitionKeyDefinition.fromJson(c.properties().get("partitionKey")));
        IndexLookup l = IndexLookup.single(List.of("id"), List.of(Intervals.all()), false);
        List<String> found = new ArrayList<>();
        try (IndexCursor cursor = index.lookup(l, ranges, null, epk, false)) {
            while (cursor.next()) {
                found.add(index.idOfItemKey(cursor.itemKey()));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected(d -> d.get("pk").equals(one.get("pk"))));
    }

    private List<String> ids(IndexLookup lookup, boolean merge) {
        List<String> out = new ArrayList<>();
        try (IndexCursor cursor = index.lookup(lookup, ranges, null, null, merge)) {
            while (cursor.next()) {
                ObjectNode doc = docs.get(index.idOfItemKey(cursor.itemKey()));
                if (lookup.isFirstMatch(doc, cursor.valueBytes())) {
                    out.add(doc.get("id").textValue());
                }
            }
        }
        return out;
    }

    private List<String> expected(Predicate<ObjectNode> p) {
        Set<String> out = new LinkedHashSet<>();
        docs.forEach((id, d) -> {
            if (p.test(d)) {
                out.add(id);
            }
        });
        return new ArrayList<>(out);
    }
}
