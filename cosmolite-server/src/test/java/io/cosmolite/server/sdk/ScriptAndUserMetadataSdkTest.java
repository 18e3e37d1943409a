package io.cosmolite.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.CosmosAsyncUser;
import com.azure.cosmos.CosmosScripts;
import com.azure.cosmos.CosmosUser;
import com.azure.cosmos.models.CosmosPermissionProperties;
import com.azure.cosmos.models.CosmosPermissionResponse;
import com.azure.cosmos.models.CosmosStoredProcedureProperties;
import com.azure.cosmos.models.CosmosTriggerProperties;
import com.azure.cosmos.models.CosmosUserDefinedFunctionProperties;
import com.azure.cosmos.models.CosmosUserProperties;
import com.azure.cosmos.models.PermissionMode;
import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stored procedures, triggers, UDFs, users and permissions through the official SDK over TLS (the sync
 * client; permissions through the async one, the only one that manages them).
 */
class ScriptAndUserMetadataSdkTest {
    private static SdkFixture fx;
    private static CosmosDatabase db;
    private static CosmosContainer container;

    @BeforeAll
    static void start() {
        fx = SdkFixture.start(1, true);
        fx.syncClient().createDatabase("s");
        db = fx.syncClient().getDatabase("s");
        db.createContainer("c", "/pk");
        container = db.getContainer("c");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void storedProcedures() {
        CosmosScripts scripts = container.getScripts();
        String body = "function hello() { getContext().getResponse().setBody('hi'); }";
        assertThat(scripts.createStoredProcedure(new CosmosStoredProcedureProperties("hello", body)).getStatusCode())
                .isEqualTo(201);
        assertThat(scripts.getStoredProcedure("hello").read().getProperties().getBody()).isEqualTo(body);
        // The SDK replaces a script at the _self link of the properties it read.
        CosmosStoredProcedureProperties changed = scripts.getStoredProcedure("hello").read().getProperties();
        changed.setBody("function hello() {}");
        assertThat(scripts.getStoredProcedure("hello").replace(changed).getProperties().getBody())
                .isEqualTo("function hello() {}");
        assertThat(scripts.readAllStoredProcedures().stream().map(CosmosStoredProcedureProperties::getId).toList())
                .containsExactly("hello");
        assertThat(scripts.queryStoredProcedures("SELECT * FROM s WHERE s.id = 'hello'", null).stream().count())
                .isEqualTo(1);
        assertThatThrownBy(() -> scripts.createStoredProcedure(new CosmosStoredProcedureProperties("hello", body)))
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
        assertThat(scripts.getStoredProcedure("hello").delete().getStatusCode())
                .isEqualTo(204);
        assertThatThrownBy(() -> scripts.getStoredProcedure("hello").read())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void triggersAndFunctions() {
        CosmosScripts scripts = container.getScripts();
        CosmosTriggerProperties trigger = new CosmosTriggerProperties("stamp", "function stamp() {}");
        trigger.setTriggerType(TriggerType.PRE);
        trigger.setTriggerOperation(TriggerOperation.CREATE);
        assertThat(scripts.createTrigger(trigger).getProperties().getTriggerType()).isEqualTo(TriggerType.PRE);
        assertThat(scripts.readAllTriggers().stream().count()).isEqualTo(1);
        trigger = scripts.getTrigger("stamp").read().getProperties();
        trigger.setTriggerOperation(TriggerOperation.ALL);
        assertThat(scripts.getTrigger("stamp").replace(trigger).getProperties().getTriggerOperation())
                .isEqualTo(TriggerOperation.ALL);
        scripts.getTrigger("stamp").delete();
        assertThat(scripts.readAllTriggers().stream().count()).isZero();

        scripts.createUserDefinedFunction(new CosmosUserDefinedFunctionProperties("tax", "function tax(x) { return x; }"));
        assertThat(scripts.getUserDefinedFunction("tax").read().getProperties().getBody()).contains("return x");
        assertThat(scripts.readAllUserDefinedFunctions().stream().map(CosmosUserDefinedFunctionProperties::getId)
                .toList()).containsExactly("tax");
        scripts.getUserDefinedFunction("tax").delete();
        assertThatThrownBy(() -> scripts.getUserDefinedFunction("tax").read())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void usersAndPermissions() {
        assertThat(db.createUser(new CosmosUserProperties().setId("ann")).getStatusCode()).isEqualTo(201);
        CosmosUser ann = db.getUser("ann");
        assertThat(ann.read().getProperties().getId()).isEqualTo("ann");
        assertThat(db.readAllUsers().stream().map(CosmosUserProperties::getId).toList()).contains("ann");

        CosmosPermissionProperties read = new CosmosPermissionProperties().setId("read-c").setContainerName("c")
                .setPermissionMode(PermissionMode.READ);
        CosmosAsyncUser asyncAnn = fx.asyncClient().getDatabase("s").getUser("ann");
        CosmosPermissionResponse created = asyncAnn.createPermission(read, null).block();
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getProperties().getPermissionMode()).isEqualTo(PermissionMode.READ);
        assertThat(asyncAnn.getPermission("read-c").read(null).block().getProperties().getContainerName())
                .isEqualTo("c");

        CosmosPermissionProperties all = asyncAnn.getPermission("read-c").read(null).block().getProperties();
        all.setPermissionMode(PermissionMode.ALL);
        assertThat(asyncAnn.getPermission("read-c").replace(all, null).block().getProperties().getPermissionMode())
                .isEqualTo(PermissionMode.ALL);
        assertThat(asyncAnn.readAllPermissions().map(CosmosPermissionProperties::getId).collectList().block())
                .isEqualTo(List.of("read-c"));
        asyncAnn.getPermission("read-c").delete(null).block();
        assertThat(asyncAnn.readAllPermissions().collectList().block()).isEmpty();

        ann.delete();
        assertThatThrownBy(ann::read)
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }
}
