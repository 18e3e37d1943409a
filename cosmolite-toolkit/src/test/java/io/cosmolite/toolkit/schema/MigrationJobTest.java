package io.cosmolite.toolkit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosBulkExecutionOptions;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.testing.CosmoliteExtension;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/**
 * The migration job against a real server with 4 partitions: 10,000 v1 documents and one that cannot
 * be upgraded; a job run in a child JVM and killed with SIGKILL halfway, resumed in-process; races
 * with concurrent writers; reruns.
 */
class MigrationJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DOCUMENTS = 10_000;
    private static final int TENANTS = 40;

    @RegisterExtension
    static final CosmoliteExtension COSMOS = CosmoliteExtension.inMemory().withPartitions(4);

    @Test
    void killedHalfwayAndResumedUpgradesEveryDocumentAndLosesNone(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        CosmosDatabase database = database("killed");
        CosmosContainer customers = customers(database, "customers");
        CosmosContainer checkpoints = MigrationJob.createCheckpointContainerIfNotExists(database, "migrations");
        insertV1(database.getId(), "customers");
        ObjectNode poison = v1("poison", "t-0", "Plato", 1, 1);
        customers.createItem(poison);
        String poisonEtag = customers.readItem("poison", new PartitionKey("t-0"), ObjectNode.class).getItem()
                .get("_etag").asText();
        SchemaVersions versions = CustomerVersions.versions();

        // Reads come back current, while every stored document is still v1.
        List<ObjectNode> stored = all(customers);
        assertThat(stored).hasSize(DOCUMENTS + 1);
        for (ObjectNode doc : stored) {
            if (!doc.get("id").asText().equals("poison")) {
                assertUpgraded(versions.upgrade(doc).document());
                assertThat(doc.has("_schemaVersion")).isFalse();
            }
        }

        // A child JVM runs the job; it is killed (SIGKILL) once it reported about half the documents.
        long started = System.nanoTime();
        Path stderr = temp.resolve("child.err");
        Process child = new ProcessBuilder(javaCommand(database.getId(), "customers", "migrations", "customers-v3"))
                .redirectError(stderr.toFile()).start();
        long scannedAtKill = readProgressUntil(child, DOCUMENTS / 2, stderr);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long childMillis = (System.nanoTime() - started) / 1_000_000;
        long v3AtKill = countAtVersion(customers, 3);
        assertThat(v3AtKill).as("the child was killed halfway").isBetween(DOCUMENTS / 4L, DOCUMENTS - 1L);

        // Resumed in this JVM: finishes the run, reports the poison document, leaves it untouched.
        started = System.nanoTime();
        List<MigrationFailure> heard = new ArrayList<>();
        MigrationResult result = MigrationJob.builder(customers, versions).checkpoints(checkpoints).jobId("customers-v3")
                .listener(new MigrationListener() {
                    @Override
                    public void onProgress(MigrationProgress progress) {
                    }

                    @Override
                    public void onFailure(MigrationFailure failure) {
                        heard.add(failure);
                    }
                })
                .build().run();
        long resumeMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("child killed at %d scanned after %d ms (%d documents at v3); resumed run: %s in %d ms%n",
                scannedAtKill, childMillis, v3AtKill, result.counts(), resumeMillis);

        assertThat(result.resumed()).isTrue();
        assertThat(result.run()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("poison");
            assertThat(f.partitionKey()).contains("t-0");
            assertThat(f.reason()).contains("no space");
        });
        assertThat(heard).isEqualTo(result.failures());
        assertThat(result.counts().failed()).isEqualTo(1);
        // Counts cover the interrupted part too, minus at most the page in flight when the child died.
        assertThat(result.counts().upgraded()).isBetween(DOCUMENTS - 100L, (long) DOCUMENTS);

        List<ObjectNode> after = all(customers);
        assertThat(after).hasSize(DOCUMENTS + 1);
        Map<String, ObjectNode> byId = after.stream().collect(Collectors.toMap(d -> d.get("id").asText(), Function.identity()));
        for (int i = 0; i < DOCUMENTS; i++) {
            ObjectNode doc = byId.get("c-" + i);
            assertThat(doc).as("c-" + i).isNotNull();
            assertUpgraded(doc);
        }
        assertUntouched(byId.get("poison"), poison, poisonEtag);

        // Running again: a new run finds only the poison document, tries it again, writes nothing.
        MigrationResult again = MigrationJob.builder(customers, versions).checkpoints(checkpoints).jobId("customers-v3")
                .build().run();
        assertThat(again.resumed()).isFalse();
        assertThat(again.run()).isEqualTo(2);
        assertThat(again.counts()).isEqualTo(new MigrationProgress(1, 0, 0, 1));
        assertUntouched(customers.readItem("poison", new PartitionKey("t-0"), ObjectNode.class).getItem(), poison,
                poisonEtag);
        assertThat(countAtVersion(customers, 3)).isEqualTo(DOCUMENTS);
    }

    @Test
    void concurrentWritesAreNeverOverwritten() {
        CosmosDatabase database = database("race");
        CosmosContainer customers = customers(database, "customers");
        CosmosContainer checkpoints = MigrationJob.createCheckpointContainerIfNotExists(database, "migrations");
        for (int i = 0; i < 30; i++) {
            customers.createItem(v1("c-" + i, "t-" + i % 3, "First" + i + " Last" + i, 2, 3));
        }
        // While the job upgrades c-7 and c-8, another writer changes them: c-7 stays v1 with a new name,
        // c-8 is written at v3 by newer code. The job's If-Match replace loses, it re-reads, and upgrades
        // what the writer wrote (c-7) or finds it current (c-8).
        AtomicBoolean raced7 = new AtomicBoolean();
        AtomicBoolean raced8 = new AtomicBoolean();
        SchemaVersions base = CustomerVersions.versions();
        SchemaVersions racing = SchemaVersions.builder().current(3)
                .step(1, doc -> {
                    String id = doc.get("id").asText();
                    if (id.equals("c-7") && raced7.compareAndSet(false, true)) {
                        customers.replaceItem(v1("c-7", "t-1", "Grace Hopper", 2, 3), "c-7", new PartitionKey("t-1"), null);
                    }
                    if (id.equals("c-8") && raced8.compareAndSet(false, true)) {
                        ObjectNode newer = base.upgrade(v1("c-8", "t-2", "Newer Writer", 5, 5)).document().put("marker", true);
                        customers.replaceItem(newer, "c-8", new PartitionKey("t-2"), null);
                    }
                    return CustomerVersions.splitName(doc);
                })
                .step(2, CustomerVersions::addTotal)
                .build();

        MigrationResult result = MigrationJob.builder(customers, racing).checkpoints(checkpoints).jobId("race")
                .pageSize(7).build().run();

        assertThat(result.counts()).isEqualTo(new MigrationProgress(30, 29, 1, 0));
        ObjectNode c7 = customers.readItem("c-7", new PartitionKey("t-1"), ObjectNode.class).getItem();
        assertThat(c7.get("firstName").asText()).isEqualTo("Grace");
        assertThat(c7.get("_schemaVersion").asInt()).isEqualTo(3);
        ObjectNode c8 = customers.readItem("c-8", new PartitionKey("t-2"), ObjectNode.class).getItem();
        assertThat(c8.get("firstName").asText()).isEqualTo("Newer");
        assertThat(c8.get("marker").asBoolean()).isTrue();
        assertThat(countAtVersion(customers, 3)).isEqualTo(30);
    }

    @Test
    void checkpointContainerMustBePartitionedOnJobId() {
        CosmosDatabase database = database("wrongcheckpoints");
        CosmosContainer customers = customers(database, "customers");
        CosmosContainer wrong = customers(database, "checkpoints");

        assertThatThrownBy(() -> MigrationJob.builder(customers, CustomerVersions.versions()).checkpoints(wrong)
                .jobId("j").build().run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/jobId");
        assertThatThrownBy(() -> MigrationJob.builder(customers, CustomerVersions.versions()).jobId("j").build())
                .isInstanceOf(IllegalStateException.class);
    }

    private static CosmosDatabase database(String name) {
        COSMOS.client().createDatabaseIfNotExists(name);
        return COSMOS.client().getDatabase(name);
    }

    private static CosmosContainer customers(CosmosDatabase database, String name) {
        database.createContainerIfNotExists(new CosmosContainerProperties(name, "/tenant"));
        return database.getContainer(name);
    }

    private static ObjectNode v1(String id, String tenant, String name, int qty, int price) {
        return JSON.createObjectNode().put("id", id).put("tenant", tenant).put("name", name).put("qty", qty)
                .put("price", price);
    }

    private static void insertV1(String database, String container) {
        CosmosAsyncContainer async = COSMOS.asyncClient().getDatabase(database).getContainer(container);
        List<CosmosItemOperation> creates = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String tenant = "t-" + i % TENANTS;
            creates.add(CosmosBulkOperations.getCreateItemOperation(
                    v1("c-" + i, tenant, "First" + i + " Last" + i, i % 7 + 1, i % 13 + 1), new PartitionKey(tenant)));
        }
        List<CosmosBulkOperationResponse<Object>> responses = async.executeBulkOperations(Flux.fromIterable(creates),
                new CosmosBulkExecutionOptions()).collectList().block();
        assertThat(responses).hasSize(DOCUMENTS).allSatisfy(r -> assertThat(r.getResponse().getStatusCode()).isEqualTo(201));
    }

    /** Document c-i at v3: every v1 value carried over, name split, total added. */
    private static void assertUpgraded(ObjectNode doc) {
        int i = Integer.parseInt(doc.get("id").asText().substring(2));
        assertThat(doc.get("_schemaVersion").asInt()).isEqualTo(3);
        assertThat(doc.get("tenant").asText()).isEqualTo("t-" + i % TENANTS);
        assertThat(doc.get("firstName").asText()).isEqualTo("First" + i);
        assertThat(doc.get("lastName").asText()).isEqualTo("Last" + i);
        assertThat(doc.has("name")).isFalse();
        assertThat(doc.get("qty").asInt()).isEqualTo(i % 7 + 1);
        assertThat(doc.get("price").asInt()).isEqualTo(i % 13 + 1);
        assertThat(doc.get("total").asInt()).isEqualTo((i % 7 + 1) * (i % 13 + 1));
    }

    private static void assertUntouched(ObjectNode now, ObjectNode original, String etag) {
        assertThat(now.get("_etag").asText()).isEqualTo(etag);
        assertThat(now.get("name").asText()).isEqualTo(original.get("name").asText());
        assertThat(now.has("_schemaVersion")).isFalse();
    }

    private static List<ObjectNode> all(CosmosContainer container) {
        return container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class).stream().toList();
    }

    private static long countAtVersion(CosmosContainer container, int version) {
        return container.queryItems("SELECT VALUE COUNT(1) FROM c WHERE c._schemaVersion = " + version,
                new CosmosQueryRequestOptions(), Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private static List<String> javaCommand(String database, String container, String checkpoints, String jobId) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", MigrationChild.class.getName(),
                COSMOS.endpoint(), COSMOS.key(), database, container, checkpoints, jobId);
    }

    /** Reads the child's progress lines until it reports {@code scanned} documents; returns the count reported. */
    private static long readProgressUntil(Process child, long scanned, Path stderr) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("progress ")) {
                long reported = Long.parseLong(line.split(" ")[1]);
                if (reported >= scanned) {
                    return reported;
                }
            }
            assertThat(line).as("the child must not finish before it is killed").isNotEqualTo("done");
        }
        throw new AssertionError("the child ended before reporting " + scanned + " documents; its stderr:\n"
                + Files.readString(stderr));
    }
}
