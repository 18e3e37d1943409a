package io.cosmolite.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.PartitionKeyValue;
import java.util.SplittableRandom;

/**
 * Generator of the benchmark's items: about 1 KB of JSON each, with strings, numbers, booleans, an
 * array and a nested object, partitioned on {@code /pk} over a fixed number of key values.
 */
final class SampleItems {
    private static final String[] CITIES = {"Lisbon", "Oslo", "Nairobi", "Osaka", "Lima", "Perth", "Quebec", "Tunis"};
    private static final String[] TAGS = {"new", "sale", "gift", "bulk", "eco", "vip", "late", "fragile", "repeat"};
    private static final String WORDS = "the quick brown fox jumps over the lazy dog while seven wizards quietly "
            + "judge boxing matches and a jovial sphinx of black quartz reviews every vow ";

    private final int partitionKeys;
    private final PartitionKeyValue[] keys;

    /** Items spread over {@code partitionKeys} partition key values. */
    SampleItems(int partitionKeys) {
        this.partitionKeys = partitionKeys;
        this.keys = new PartitionKeyValue[partitionKeys];
        for (int p = 0; p < partitionKeys; p++) {
            keys[p] = PartitionKeyValue.fromHeaderJson("[\"" + partitionKeyText(p) + "\"]");
        }
    }

    /** The id of the preloaded item number {@code n}. */
    static String id(long n) {
        return "item-" + n;
    }

    /** The partition key of item number {@code n}, as a request would carry it. */
    PartitionKeyValue key(long n) {
        return keys[(int) (n % partitionKeys)];
    }

    /** A fresh item number {@code n} with id {@code id}; the random source varies its content. */
    ObjectNode item(String id, long n, SplittableRandom random) {
        ObjectNode item = Json.object();
        item.put("id", id);
        item.put("pk", partitionKeyText(n));
        item.put("customer", "customer-" + random.nextInt(1_000_000));
        item.put("email", "user" + random.nextInt(100_000) + "@example.com");
        item.put("age", 18 + random.nextInt(70));
        item.put("active", random.nextBoolean());
        item.put("score", Math.round(random.nextDouble() * 10_000) / 100.0);
        item.put("createdAt", "2025-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28))
                + "T" + two(random.nextInt(24)) + ":" + two(random.nextInt(60)) + ":00Z");
        var tags = item.putArray("tags");
        for (int t = 0, count = 1 + random.nextInt(4); t < count; t++) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        item.putObject("address")
                .put("street", (1 + random.nextInt(999)) + " Main Street")
                .put("city", CITIES[random.nextInt(CITIES.length)])
                .put("zip", String.valueOf(10_000 + random.nextInt(90_000)));
        var lines = item.putArray("lines");
        for (int l = 0; l < 3; l++) {
            lines.addObject().put("sku", "SKU-" + random.nextInt(100_000)).put("qty", 1 + random.nextInt(9))
                    .put("price", Math.round(random.nextDouble() * 50_000) / 100.0);
        }
        // Free text pads the item to about 1 KB once the engine adds its system properties.
        int start = random.nextInt(WORDS.length() / 2);
        StringBuilder text = new StringBuilder(420);
        while (text.length() < 420) {
            text.append(WORDS, start, WORDS.length());
            start = 0;
        }
        item.put("notes", text.substring(0, 380 + random.nextInt(40)));
        return item;
    }

    /** The partition key value of item number {@code n}, as its body carries it. */
    String partitionKeyText(long n) {
        return "tenant-" + n % partitionKeys;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
