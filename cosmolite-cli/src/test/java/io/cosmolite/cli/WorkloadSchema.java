package io.cosmolite.cli;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.IncludedPath;
import com.azure.cosmos.models.IndexingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The database and container the kill-and-restart workload writes to, and the check that their
 * definitions survived: a partition key, an indexing policy that is not the default, and the
 * physical partitions the server was started with.
 */
final class WorkloadSchema {
    static final String DATABASE = "restart";
    static final String CONTAINER = "items";
    static final int PARTITIONS = 4;
    private static final String PARTITION_KEY = "/pk";
    private static final String EXCLUDED = "/value/?";

    private WorkloadSchema() {
    }

    /** Creates the database and the container. */
    static CosmosContainer create(CosmosClient client) {
        IndexingPolicy indexing = new IndexingPolicy().setIncludedPaths(List.of(new IncludedPath("/*")))
                .setExcludedPaths(List.of(new ExcludedPath(EXCLUDED)));
        client.createDatabase(DATABASE);
        client.getDatabase(DATABASE).createContainer(new CosmosContainerProperties(CONTAINER, PARTITION_KEY)
                .setIndexingPolicy(indexing));
        return container(client);
    }

    /** The workload's container. */
    static CosmosContainer container(CosmosClient client) {
        return client.getDatabase(DATABASE).getContainer(CONTAINER);
    }

    /** What differs from the definitions {@link #create} made, as sentences. */
    static List<String> problems(CosmosClient client) {
        List<String> problems = new ArrayList<>();
        long databases = client.readAllDatabases().stream().filter(db -> db.getId().equals(DATABASE)).count();
        if (databases != 1) {
            problems.add("the database is listed " + databases + " times");
        }
        CosmosContainerProperties properties = container(client).read().getProperties();
        if (!properties.getPartitionKeyDefinition().getPaths().equals(List.of(PARTITION_KEY))) {
            problems.add("the partition key is " + properties.getPartitionKeyDefinition().getPaths());
        }
        List<String> excluded = properties.getIndexingPolicy().getExcludedPaths().stream().map(ExcludedPath::getPath).toList();
        if (!excluded.contains(EXCLUDED)) {
            problems.add("the indexing policy's excluded paths are " + excluded);
        }
        int ranges = container(client).getFeedRanges().size();
        if (ranges != PARTITIONS) {
            problems.add("the container has " + ranges + " feed ranges, not " + PARTITIONS);
        }
        return problems;
    }
}
