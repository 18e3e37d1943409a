package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.CosmosDatabaseResponse;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.azure.cosmos.models.ThroughputProperties;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Databases through the official SDK (sync client, plain HTTP): create, read, list, query, delete, throughput. */
class DatabaseMetadataSdkTest {
    private static SdkFixture fx;
    private static CosmosClient client;

    @BeforeAll
    static void start() {
        fx = SdkFixture.start(1, false);
        client = fx.syncClient();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void createReadListQueryDelete() {
        CosmosDatabaseResponse created = client.createDatabase("crud-a");
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getProperties().getId()).isEqualTo("crud-a");
        assertThat(created.getProperties().getResourceId()).isNotBlank();
        assertThat(created.getRequestCharge()).isPositive();
        client.createDatabase("crud-b");

        CosmosDatabase db = client.getDatabase("crud-a");
        CosmosDatabaseResponse read = db.read();
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getProperties().getETag()).isEqualTo(created.getProperties().getETag());

        List<String> all = client.readAllDatabases().stream().map(CosmosDatabaseProperties::getId).toList();
        assertThat(all).contains("crud-a", "crud-b");

        SqlQuerySpec byId = new SqlQuerySpec("SELECT * FROM root r WHERE r.id = @id",
                List.of(new SqlParameter("@id", "crud-b")));
        assertThat(client.queryDatabases(byId, null).stream().map(CosmosDatabaseProperties::getId).toList())
                .containsExactly("crud-b");
        assertThat(client.queryDatabases("SELECT * FROM d WHERE STARTSWITH(d.id, 'crud-')", null).stream().count())
                .isGreaterThanOrEqualTo(2);

        assertThat(db.delete().getStatusCode()).isEqualTo(204);
        assertThatThrownBy(db::read).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void duplicateIs409AndIfNotExistsIsIdempotent() {
        client.createDatabase("dup");
        assertThatThrownBy(() -> client.createDatabase("dup")).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(409));
        assertThat(client.createDatabaseIfNotExists("dup").getStatusCode()).isEqualTo(200);
        assertThat(client.createDatabaseIfNotExists("fresh").getStatusCode()).isEqualTo(201);
    }

    @Test
    void sharedThroughputIsReadAndReplaced() {
        client.createDatabase("shared", ThroughputProperties.createManualThroughput(600));
        CosmosDatabase db = client.getDatabase("shared");
        assertThat(db.readThroughput().getProperties().getManualThroughput()).isEqualTo(600);
        db.replaceThroughput(ThroughputProperties.createManualThroughput(800));
        assertThat(db.readThroughput().getProperties().getManualThroughput()).isEqualTo(800);
    }

    @Test
    void missingDatabaseIs404() {
        assertThatThrownBy(() -> client.getDatabase("nope").read()).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> client.getDatabase("nope").delete()).isInstanceOfSatisfying(CosmosException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}
