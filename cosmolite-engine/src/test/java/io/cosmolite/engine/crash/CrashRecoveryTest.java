package io.cosmolite.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.document.ItemStore;
import io.cosmolite.engine.partition.PartitionKeyRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing engine process with SIGKILL again and again on one data directory, and checks
 * after each kill that every acknowledged write survived intact and that no transactional batch
 * is half applied.
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 20;
    private static final int CHILD_MAX_SECONDS = 30;
    private static final int SIGKILL_EXIT_STATUS = 128 + 9;
    private static final Pattern ACK_ITEM = Pattern.compile("ACK item (\\S+)");
    private static final Pattern ACK_BATCH = Pattern.compile("ACK batch (\\S+) (\\d+)");
    private static final Pattern WRITE_ID = Pattern.compile("r(\\d+)-w(\\d+)");

    @TempDir
    Path tmp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftoverChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void acknowledgedWritesAndWholeBatchesSurviveSigkill() throws Exception {
        Random random = new Random(20260101L);
        Acks acked = new Acks(new HashSet<>(), new HashMap<>());
        Set<String> everSeen = new HashSet<>();
        int recoveredUnacked = 0;
        Writer writer = startWriter(0);
        writer.go();
        for (int round = 0; round < ROUNDS; round++) {
            Acks roundAcks = writer.killAfter(150 + random.nextInt(751));
            assertThat(roundAcks.writes()).as("round %d (%s) acknowledged nothing before the kill", round,
                    writer.policy()).isPositive();
            acked.items().addAll(roundAcks.items());
            acked.batches().putAll(roundAcks.batches());
            // The next writer starts its JVM while this round is checked, and opens the store after.
            Writer next = round + 1 < ROUNDS ? startWriter(round + 1) : null;

            Map<String, ObjectNode> stored;
            try (CosmosEngine engine = CosmosEngine.open(EngineOptions.durable(tmp.resolve("data")))) {
                Container container = engine.container(CrashWriter.DATABASE, CrashWriter.CONTAINER);
                stored = readAll(container);
                List<String> problems = new ArrayList<>(audit(stored, acked, everSeen, round));
                problems.addAll(pointReads(container, stored, roundAcks));
                assertThat(problems).as("after round %d (%s, %d acks this round)", round, writer.policy(),
                        roundAcks.writes()).isEmpty();
            }
            recoveredUnacked += unackedWrites(stored.keySet(), roundAcks, round);
            everSeen.addAll(stored.keySet());
            writer = next;
            if (writer != null) {
                writer.go();
            }
        }
        System.out.printf("crash recovery: %d SIGKILL rounds, %d acknowledged writes checked (%d items, %d batches),"
                        + " %d documents in store, %d unacknowledged writes recovered whole%n",
                ROUNDS, acked.writes(), acked.items().size(), acked.batches().size(), everSeen.size(),
                recoveredUnacked);
    }

    /** Starts the writer of {@code round}, which waits for {@link Writer#go} before it opens the store. */
    private Writer startWriter(int round) throws IOException {
        String policy = round % 2 == 0 ? "always" : "group";
        Path out = tmp.resolve("round-" + round + ".out");
        Path err = tmp.resolve("round-" + round + ".err");
        // RocksDB extracts its native library to the temp directory and deletes it at a normal
        // exit only; a killed child's copy must land where JUnit cleans up.
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: the child lives about a second, so start-up time matters more than peak speed.
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + childTmp,
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                tmp.resolve("data").toString(), policy, Integer.toString(round), Integer.toString(CHILD_MAX_SECONDS))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        children.add(process);
        return new Writer(process, policy, out, err);
    }

    /** A writer process of one round, with the files its stdout and stderr go to. */
    private record Writer(Process process, String policy, Path out, Path err) {

        /** Lets the writer open the store: the previous owner of its lock must have closed it. */
        void go() throws IOException {
            process.getOutputStream().write("GO\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
        }

        /** Lets the writer write for {@code writeMillis} after its first ack, kills it with SIGKILL and returns its acks. */
        Acks killAfter(int writeMillis) throws IOException, InterruptedException {
            awaitFirstAck();
            Thread.sleep(writeMillis);
            assertThat(process.isAlive()).as("the writer died on its own: %s", Files.readString(err)).isTrue();
            process.destroyForcibly();
            // The RocksDB lock is only free once the process is gone.
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the writer did not die").isTrue();
            assertThat(process.exitValue()).as("the writer must die of SIGKILL").isEqualTo(SIGKILL_EXIT_STATUS);
            return Acks.parse(completeLines(out));
        }

        /** Waits until the writer has written something, so that the kill always lands mid-workload. */
        private void awaitFirstAck() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.readString(out).contains("\nACK ")) {
                assertThat(process.isAlive()).as("the writer exited before writing: %s", Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("the writer did not start in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    /** The child's output lines that end in a newline: a line cut by the kill is not an ack. */
    private static List<String> completeLines(Path out) throws IOException {
        String text = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    /** Every document of the container, by id, read through the feed of each physical partition. */
    private static Map<String, ObjectNode> readAll(Container container) {
        List<PartitionKeyRange> ranges = container.partitionKeyRanges();
        assertThat(ranges).hasSize(CrashWriter.PARTITIONS);
        Map<String, ObjectNode> byId = new HashMap<>();
        for (PartitionKeyRange range : ranges) {
            byte[] continuation = null;
            do {
                ItemStore.ScanPage page = container.readFeed(range.id(), continuation, 1000);
                for (ObjectNode item : page.items()) {
                    ObjectNode previous = byId.put(item.path("id").asText(), item);
                    assertThat(previous).as("id %s is listed twice", item.path("id").asText()).isNull();
                }
                continuation = page.continuation();
            } while (continuation != null);
        }
        return byId;
    }

    /** Everything wrong with the stored documents, as readable sentences. */
    private static List<String> audit(Map<String, ObjectNode> stored, Acks acked, Set<String> everSeen, int round) {
        List<String> problems = new ArrayList<>();
        Map<String, List<ObjectNode>> batches = new HashMap<>();
        for (ObjectNode item : stored.values()) {
            if (item.path("crc").asLong() != CrashWriter.checksum(item)) {
                problems.add("corrupt document " + item);
            }
            if (item.has("batch")) {
                batches.computeIfAbsent(item.path("batch").asText(), b -> new ArrayList<>()).add(item);
            }
        }
        for (String id : acked.items()) {
            if (!stored.containsKey(id)) {
                problems.add("acknowledged item " + id + " is lost");
            }
        }
        acked.batches().forEach((batch, size) -> {
            if (!batches.containsKey(batch)) {
                problems.add("acknowledged batch " + batch + " of " + size + " items is lost");
            }
        });
        batches.forEach((batch, items) -> problems.addAll(auditBatch(batch, items)));
        for (String id : everSeen) {
            if (!stored.containsKey(id)) {
                problems.add("document " + id + ", present after an earlier kill, is lost");
            }
        }
        problems.addAll(auditNoHoles(stored.keySet(), round));
        return problems;
    }

    /** A batch in the store must be whole: indexes 0..size-1, all declaring the same size. */
    private static List<String> auditBatch(String batch, List<ObjectNode> items) {
        int size = items.get(0).path("size").asInt();
        Set<Integer> indexes = new HashSet<>();
        for (ObjectNode item : items) {
            if (item.path("size").asInt() != size || !item.path("id").asText().equals(batch + "-" + item.path("index").asInt())) {
                return List.of("batch " + batch + " has an inconsistent item " + item);
            }
            indexes.add(item.path("index").asInt());
        }
        if (items.size() != size || indexes.size() != size) {
            return List.of("batch " + batch + " is half applied: " + items.size() + " of " + size + " items, indexes "
                    + indexes);
        }
        return List.of();
    }

    /**
     * The writes of one process are sequential, each logged before the next starts, so recovery
     * must keep a prefix of them: write n present means writes 0..n-1 are present too.
     */
    private static List<String> auditNoHoles(Set<String> ids, int round) {
        Set<Integer> present = new HashSet<>();
        int highest = -1;
        for (String id : ids) {
            Matcher m = WRITE_ID.matcher(id);
            if (m.lookingAt() && Integer.parseInt(m.group(1)) == round) {
                int seq = Integer.parseInt(m.group(2));
                present.add(seq);
                highest = Math.max(highest, seq);
            }
        }
        List<String> problems = new ArrayList<>();
        for (int seq = 0; seq < highest; seq++) {
            if (!present.contains(seq)) {
                problems.add("write r" + round + "-w" + seq + " is missing though later write r" + round + "-w"
                        + highest + " survived");
            }
        }
        return problems;
    }

    /** Reads each item acknowledged this round by id, which must find exactly what the feed listed. */
    private static List<String> pointReads(Container container, Map<String, ObjectNode> stored, Acks acks) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>(acks.items());
        acks.batches().forEach((batch, size) -> {
            for (int i = 0; i < size; i++) {
                ids.add(batch + "-" + i);
            }
        });
        for (String id : ids) {
            ObjectNode listed = stored.get(id);
            if (listed == null) {
                continue; // already reported as lost
            }
            ObjectNode read = container.read(CrashWriter.partitionKey(listed.path("pk").asText()), id, null).item();
            if (!read.equals(listed)) {
                problems.add("point read of " + id + " returned " + read + " but the feed listed " + listed);
            }
        }
        return problems;
    }

    private static int unackedWrites(Set<String> ids, Acks acks, int round) {
        Set<String> writes = new HashSet<>();
        for (String id : ids) {
            Matcher m = WRITE_ID.matcher(id);
            if (m.lookingAt() && Integer.parseInt(m.group(1)) == round) {
                writes.add(m.group());
            }
        }
        writes.removeAll(acks.items());
        writes.removeAll(acks.batches().keySet());
        return writes.size();
    }

    /** The writes a child acknowledged: single item ids, and batch ids with their sizes. */
    private record Acks(Set<String> items, Map<String, Integer> batches) {

        int writes() {
            return items.size() + batches.size();
        }

        static Acks parse(List<String> lines) {
            Acks acks = new Acks(new HashSet<>(), new HashMap<>());
            for (String line : lines) {
                Matcher item = ACK_ITEM.matcher(line);
                Matcher batch = ACK_BATCH.matcher(line);
                if (item.matches()) {
                    acks.items().add(item.group(1));
                } else if (batch.matches()) {
                    acks.batches().put(batch.group(1), Integer.parseInt(batch.group(2)));
                } else if (!line.equals("READY")) {
                    throw new AssertionError("unexpected writer output: " + line);
                }
            }
            return acks;
        }
    }
}
