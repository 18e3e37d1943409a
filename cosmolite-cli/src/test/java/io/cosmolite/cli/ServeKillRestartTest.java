package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.cli.ItemLedger.ItemKey;
import io.cosmolite.cli.ItemLedger.ItemState;
import io.cosmolite.cli.ItemLedger.Reconciliation;
import io.cosmolite.server.ServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cosmolite serve --data-dir}, killed with SIGKILL while the official SDK writes to it from
 * several threads, and restarted on the same directory and port, again and again: every
 * acknowledged write is there with its acknowledged content, every acknowledged delete stays
 * deleted, a write in flight at the kill is either whole or absent (batches included), the
 * database and container definitions survive, and a query lists exactly what point reads find.
 *
 * <p>The server runs with its default sync policy (group commit): a kill leaves the operating
 * system's file cache alone, so not even the last window of writes may be lost.
 */
class ServeKillRestartTest {
    static {
        // Before any SDK class loads: allow http://, and trust the self-signed certificate of the TLS runs.
        System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
        System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
    }

    private static final int KILLS = 5;
    private static final int WRITERS = 4;
    /** Each run is killed after between this many and twice as many acknowledged writes. */
    private static final int MIN_WRITES_BEFORE_KILL = 60;
    private static final long SEED = 20260214L;
    private static final int START_TIMEOUT_SECONDS = 60;

    @TempDir
    Path tmp;

    /** The port every run of the server listens on. */
    private int port;
    private final List<ServeProcess> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ServeProcess server : servers) {
            server.destroy();
        }
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveSigkillAndRestart() throws Exception {
        Random random = new Random(SEED);
        ItemLedger ledger = new ItemLedger();
        port = ServeProcess.freePort();
        ServeProcess server = startServer(0);
        for (int run = 0; ; run++) {
            try (CosmosClient client = connect(server)) {
                CosmosContainer container = run == 0 ? WorkloadSchema.create(client) : WorkloadSchema.container(client);
                if (run > 0) {
                    assertSurvived(client, container, ledger, run);
                }
                if (run == KILLS) {
                    return;
                }
                server = killWhileWriting(server, container, ledger, run, random);
            }
        }
    }

    /**
     * Writes from several threads until a random number of writes were acknowledged, then kills the
     * server with the writes under way cut off, starts the next run of it, and returns that.
     */
    private ServeProcess killWhileWriting(ServeProcess server, CosmosContainer container, ItemLedger ledger, int run,
                                          Random random) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<ItemWriter.Report>> writers = startWriters(container, ledger, run, stop, random);
        // Counting acknowledgments rather than time gives every run the same work on a slow machine.
        int writes = MIN_WRITES_BEFORE_KILL + random.nextInt(MIN_WRITES_BEFORE_KILL);
        awaitAcknowledgments(ledger, writes);
        // No writer starts a write after this; those inside an SDK call now are cut off by the kill.
        stop.set(true);
        long killedAt = System.nanoTime();
        server.kill();
        // The next run starts while the writers give up on the dead one (the SDK retries a refused
        // connection for a while): a write it retries into the new one is acknowledged there.
        ServeProcess next = startServer(run + 1);
        List<ItemWriter.Report> reports = finish(writers, killedAt, server);
        System.out.printf("kill-restart run %d: killed after %d acknowledgments; %d writes acknowledged (%d single,"
                        + " %d batches), %d in flight at the kill%n", run, writes,
                reports.stream().mapToInt(ItemWriter.Report::acks).sum(),
                reports.stream().mapToInt(ItemWriter.Report::singleAcks).sum(),
                reports.stream().mapToInt(ItemWriter.Report::batchAcks).sum(),
                reports.stream().filter(r -> r.inDoubt() != null).count());
        return next;
    }

    /** Starts run {@code run} of the server on the data directory and the port; every other run serves HTTPS. */
    private ServeProcess startServer(int run) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", tmp.resolve("data").toString(), "--port",
                Integer.toString(port), "--partitions", Integer.toString(WorkloadSchema.PARTITIONS)));
        if (run % 2 == 0) {
            args.add("--no-tls");
        }
        ServeProcess server = ServeProcess.start(tmp, "serve-" + run, args);
        servers.add(server);
        return server;
    }

    private static CosmosClient connect(ServeProcess server) throws Exception {
        String endpoint = server.awaitEndpoint(START_TIMEOUT_SECONDS);
        // Logging set-up is silent: SLF4J once announced on stderr, at every start, the provider it was told to use.
        assertThat(server.errors()).as("what cosmolite serve wrote on stderr while starting").doesNotContain("SLF4J");
        return new CosmosClientBuilder().endpoint(endpoint).key(ServerOptions.EMULATOR_KEY).gatewayMode().buildClient();
    }

    private List<Future<ItemWriter.Report>> startWriters(CosmosContainer container, ItemLedger ledger, int run,
                                                         AtomicBoolean stop, Random random) {
        List<Future<ItemWriter.Report>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(threads.submit(new ItemWriter(w, run, container, ledger, stop, random.nextLong())));
        }
        return writers;
    }

    /** Waits until the writers had {@code writes} writes acknowledged, so that the kill lands in the middle of the workload. */
    private static void awaitAcknowledgments(ItemLedger ledger, int writes) throws InterruptedException {
        int target = ledger.writesAcknowledged() + writes;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ledger.writesAcknowledged() < target) {
            assertThat(System.nanoTime()).as("%d writes were not acknowledged within 60 s", writes).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** The writers' reports once they stopped; a write may fail only because the server was killed. */
    private static List<ItemWriter.Report> finish(List<Future<ItemWriter.Report>> writers, long killedAt,
                                                  ServeProcess killed) throws Exception {
        List<ItemWriter.Report> reports = new ArrayList<>();
        for (Future<ItemWriter.Report> writer : writers) {
            ItemWriter.Report report = writer.get(60, TimeUnit.SECONDS);
            if (report.failure() != null && report.failedAtNanos() < killedAt) {
                throw new AssertionError("writer " + report.writer() + " failed while the server was up; its stderr: "
                        + killed.errors(), report.failure());
            }
            reports.add(report);
        }
        return reports;
    }

    /** Checks the restarted server against the ledger, and settles the writes that were in flight. */
    private void assertSurvived(CosmosClient client, CosmosContainer container, ItemLedger ledger, int run)
            throws InterruptedException {
        assertThat(WorkloadSchema.problems(client)).as("database and container after restart %d", run).isEmpty();
        Set<ItemKey> keys = ledger.keys();
        Map<ItemKey, ObjectNode> stored = StoreAudit.pointReads(container, keys, threads);
        Map<ItemKey, ItemState> observed = new HashMap<>();
        keys.forEach(key -> observed.put(key, stored.containsKey(key) ? ItemState.read(stored.get(key)) : ItemState.ABSENT));
        Reconciliation reconciliation = ledger.reconcile(observed);
        List<String> problems = new ArrayList<>(reconciliation.problems());
        problems.addAll(StoreAudit.queryProblems(container, stored));
        assertThat(problems).as("after restart %d", run).isEmpty();
        System.out.printf("kill-restart restart %d: %d writes acknowledged so far; %d items checked (%d present, %d absent),"
                        + " in-flight writes: %d applied, %d not applied%n", run, ledger.writesAcknowledged(), keys.size(),
                stored.size(), keys.size() - stored.size(), reconciliation.inDoubtApplied(),
                reconciliation.inDoubtNotApplied());
    }
}
