package io.cosmolite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.resource.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Databases, containers, users, permissions, scripts and offers: CRUD, links, rules, cascades. */
abstract class MetadataContract extends EngineTestSupport {

    @Test
    void databaseCrud() {
        ObjectNode db = engine.create(ResourceType.DATABASE, List.of(), json("{'id':'db1'}")).resource();
        assertThat(db.get("_rid").asText()).isNotEmpty();
        assertThat(db.get("_self").asText()).isEqualTo("dbs/" + db.get("_rid").asText() + "/");
        assertThat(db.get("_colls").asText()).isEqualTo("colls/");
        assertThat(db.get("_users").asText()).isEqualTo("users/");
        assertThat(db.get("_etag").asText()).isNotEmpty();
        assertThat(db.get("_ts").asLong()).isEqualTo(clock.millis() / 1000);
        assertCosmosError(409, 0, () -> engine.create(ResourceType.DATABASE, List.of(), json("{'id':'db1'}")));
        assertCosmosError(400, 0, () -> engine.create(ResourceType.DATABASE, List.of(), json("{'id':'a/b'}")));
        assertCosmosError(400, 0, () -> engine.create(ResourceType.DATABASE, List.of(), json("{'x':1}")));
        engine.create(ResourceType.DATABASE, List.of(), json("{'id':'db2'}"));
        assertThat(engine.list(ResourceType.DATABASE, List.of())).extracting(n -> n.get("id").asText())
                .containsExactly("db1", "db2");
        assertThat(engine.read(ResourceType.DATABASE, List.of(), "db1").resource().toString()).isEqualTo(db.toString());
        engine.delete(ResourceType.DATABASE, List.of(), "db1", null);
        assertCosmosError(404, 0, () -> engine.read(ResourceType.DATABASE, List.of(), "db1"));
        assertCosmosError(404, 0, () -> engine.delete(ResourceType.DATABASE, List.of(), "db1", null));
        reopen();
        assertThat(engine.list(ResourceType.DATABASE, List.of())).extracting(n -> n.get("id").asText())
                .containsExactly("db2");
    }

    @Test
    void containerCreateFillsDefaultsAndReplaceKeepsThePartitionKey() {
        database("db");
        ObjectNode created = engine.createContainer("db", json(
                "{'id':'c','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},'defaultTtl':-1}"), 0, null).resource();
        assertThat(created.get("indexingPolicy").get("indexingMode").asText()).isEqualTo("consistent");
        assertThat(created.get("_docs").asText()).isEqualTo("docs/");
        assertThat(created.get("_self").asText()).startsWith("dbs/").contains("/colls/");
        assertThat(created.get("defaultTtl").asInt()).isEqualTo(-1);

        ObjectNode replacement = created.deepCopy();
        replacement.put("defaultTtl", 60);
        ObjectNode replaced = engine.replace(ResourceType.CONTAINER, List.of("db"), "c", replacement,
                created.get("_etag").asText()).resource();
        assertThat(replaced.get("defaultTtl").asInt()).isEqualTo(60);
        assertThat(replaced.get("_rid")).isEqualTo(created.get("_rid"));
        assertCosmosError(412, 0, () -> engine.replace(ResourceType.CONTAINER, List.of("db"), "c", replacement,
                created.get("_etag").asText()));

        ObjectNode newKey = replaced.deepCopy();
        newKey.set("partitionKey", json("{'paths':['/other'],'kind':'Hash','version':2}"));
        assertCosmosError(400, 0, () -> engine.replace(ResourceType.CONTAINER, List.of("db"), "c", newKey, null));
        assertCosmosError(404, 1003, () -> engine.createContainer("nodb", json(
                "{'id':'c','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}"), 0, null));
        assertCosmosError(400, 0, () -> engine.createContainer("db", json(
                "{'id':'bad','partitionKey':{'paths':['/a','/b','/c','/d'],'kind':'MultiHash','version':2}}"), 0, null));
        assertCosmosError(400, 0, () -> engine.createContainer("db", json(
                "{'id':'bad','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2},'defaultTtl':0}"), 0, null));
    }

    @Test
    void containerPoliciesAreStoredAndReturned() {
        database("db");
        engine.createContainer("db", json("{'id':'p','partitionKey':{'paths':['/tenant','/user'],'kind':'MultiHash','version':2},"
                + "'indexingPolicy':{'indexingMode':'consistent','automatic':true,'includedPaths':[{'path':'/*'}],"
                + "'excludedPaths':[{'path':'/blob/?'}],'compositeIndexes':[[{'path':'/a','order':'ascending'},"
                + "{'path':'/b','order':'descending'}]]},"
                + "'conflictResolutionPolicy':{'mode':'Custom','conflictResolutionProcedure':'dbs/db/colls/p/sprocs/r'},"
                + "'computedProperties':[{'name':'cp_lower','query':'SELECT VALUE LOWER(c.name) FROM c'}],"
                + "'uniqueKeyPolicy':{'uniqueKeys':[{'paths':['/email']}]}}"), 0, null);
        reopen();
        ObjectNode read = engine.read(ResourceType.CONTAINER, List.of("db"), "p").resource();
        assertThat(read.at("/partitionKey/kind").asText()).isEqualTo("MultiHash");
        assertThat(read.at("/partitionKey/paths").size()).isEqualTo(2);
        assertThat(read.at("/indexingPolicy/compositeIndexes/0/1/order").asText()).isEqualTo("descending");
        assertThat(read.at("/indexingPolicy/excludedPaths").toString()).contains("/blob/?");
        assertThat(read.at("/conflictResolutionPolicy/mode").asText()).isEqualTo("Custom");
        assertThat(read.at("/computedProperties/0/name").asText()).isEqualTo("cp_lower");
        assertThat(read.at("/uniqueKeyPolicy/uniqueKeys/0/paths/0").asText()).isEqualTo("/email");
        assertCosmosError(400, 0, () -> engine.createContainer("db", json("{'id':'bad','partitionKey':{'paths':['/pk'],"
                + "'kind':'Hash','version':2},'indexingPolicy':{'indexingMode':'sometimes'}}"), 0, null));
        assertCosmosError(400, 0, () -> engine.createContainer("db", json("{'id':'bad','partitionKey':{'paths':['/pk'],"
                + "'kind':'Hash','version':3}}"), 0, null));
    }

    @Test
    void deletingAContainerRemovesItsItemsAndARecreatedOneIsEmpty() {
        database("db");
        Container c = container("db", "c", "/pk", 2);
        c.create(null, json("{'id':'1','pk':'a'}"));
        engine.delete(ResourceType.CONTAINER, List.of("db"), "c", null);
        assertCosmosError(404, 1003, () -> engine.container("db", "c"));
        assertCosmosError(404, 1003, () -> c.create(null, json("{'id':'2','pk':'a'}")));
        Container again = container("db", "c", "/pk", 2);
        assertCosmosError(404, 0, () -> again.read(pk("a"), "1", null));
        assertThat(again.properties().get("_rid")).isNotEqualTo(c.properties().get("_rid"));
    }

    @Test
    void deletingADatabaseCascades() {
        database("db");
        container("db", "c", "/pk", 1).create(null, json("{'id':'1','pk':'a'}"));
        engine.create(ResourceType.USER, List.of("db"), json("{'id':'u'}"));
        engine.delete(ResourceType.DATABASE, List.of(), "db", null);
        database("db");
        assertThat(engine.list(ResourceType.CONTAINER, List.of("db"))).isEmpty();
        assertThat(engine.list(ResourceType.USER, List.of("db"))).isEmpty();
    }

    @Test
    void usersAndPermissions() {
        database("db");
        ObjectNode user = engine.create(ResourceType.USER, List.of("db"), json("{'id':'alice'}")).resource();
        assertThat(user.get("_permissions").asText()).isEqualTo("permissions/");
        ObjectNode perm = engine.create(ResourceType.PERMISSION, List.of("db", "alice"),
                json("{'id':'p','permissionMode':'Read','resource':'dbs/db/colls/c'}")).resource();
        assertThat(perm.get("_self").asText()).startsWith(user.get("_self").asText() + "permissions/");
        assertCosmosError(400, 0, () -> engine.create(ResourceType.PERMISSION, List.of("db", "alice"),
                json("{'id':'q','permissionMode':'Write','resource':'x'}")));
        assertCosmosError(404, 1003, () -> engine.create(ResourceType.PERMISSION, List.of("db", "bob"),
                json("{'id':'q','permissionMode':'All','resource':'x'}")));
        ObjectNode replaced = engine.replace(ResourceType.PERMISSION, List.of("db", "alice"), "p",
                json("{'id':'p','permissionMode':'All','resource':'dbs/db/colls/c'}"), null).resource();
        assertThat(replaced.get("permissionMode").asText()).isEqualTo("All");
        engine.delete(ResourceType.USER, List.of("db"), "alice", null);
        engine.create(ResourceType.USER, List.of("db"), json("{'id':'alice'}"));
        assertThat(engine.list(ResourceType.PERMISSION, List.of("db", "alice"))).isEmpty();
    }

    @Test
    void storedProceduresTriggersAndFunctions() {
        database("db");
        container("db", "c", "/pk", 1);
        List<String> owner = List.of("db", "c");
        engine.create(ResourceType.STORED_PROCEDURE, owner, json("{'id':'sp','body':'function(){}'}"));
        engine.create(ResourceType.USER_DEFINED_FUNCTION, owner, json("{'id':'f','body':'function(x){return x;}'}"));
        engine.create(ResourceType.TRIGGER, owner,
                json("{'id':'t','body':'function(){}','triggerType':'Pre','triggerOperation':'Create'}"));
        assertCosmosError(400, 0, () -> engine.create(ResourceType.STORED_PROCEDURE, owner, json("{'id':'x'}")));
        assertCosmosError(400, 0, () -> engine.create(ResourceType.TRIGGER, owner,
                json("{'id':'x','body':'b','triggerType':'Sometimes','triggerOperation':'All'}")));
        assertThat(engine.list(ResourceType.STORED_PROCEDURE, owner)).hasSize(1);
        ObjectNode replaced = engine.replace(ResourceType.STORED_PROCEDURE, owner, "sp",
                json("{'id':'sp','body':'function(){return 1;}'}"), null).resource();
        assertThat(replaced.get("body").asText()).contains("return 1");
        engine.delete(ResourceType.TRIGGER, owner, "t", null);
        assertCosmosError(404, 0, () -> engine.read(ResourceType.TRIGGER, owner, "t"));
        engine.delete(ResourceType.CONTAINER, List.of("db"), "c", null);
        container("db", "c", "/pk", 1);
        assertThat(engine.list(ResourceType.STORED_PROCEDURE, owner)).isEmpty();
    }

    @Test
    void offersFollowTheirContainer() {
        database("db");
        ObjectNode coll = engine.createContainer("db", json(
                "{'id':'c','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}"), 0, 400).resource();
        List<ObjectNode> offers = engine.list(ResourceType.OFFER, List.of());
        assertThat(offers).hasSize(1);
        ObjectNode offer = offers.get(0);
        assertThat(offer.get("offerResourceId").asText()).isEqualTo(coll.get("_rid").asText());
        assertThat(offer.get("content").get("offerThroughput").asInt()).isEqualTo(400);
        String id = offer.get("id").asText();
        ObjectNode change = offer.deepCopy();
        ((ObjectNode) change.get("content")).put("offerThroughput", 1000);
        assertThat(engine.replace(ResourceType.OFFER, List.of(), id, change, null).resource()
                .get("content").get("offerThroughput").asInt()).isEqualTo(1000);
        ((ObjectNode) change.get("content")).put("offerThroughput", 10);
        assertCosmosError(400, 0, () -> engine.replace(ResourceType.OFFER, List.of(), id, change, null));
        engine.delete(ResourceType.CONTAINER, List.of("db"), "c", null);
        assertThat(engine.list(ResourceType.OFFER, List.of())).isEmpty();
        assertCosmosError(400, 0, () -> engine.createContainer("db", json(
                "{'id':'low','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}"), 0, 100));
        assertCosmosError(404, 0, () -> engine.read(ResourceType.CONTAINER, List.of("db"), "low"));
        assertCosmosError(400, 0, () -> engine.createContainer("db", json(
                "{'id':'many','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}}"), 65, null));
    }
}
