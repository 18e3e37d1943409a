package io.cosmolite.engine.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.Container;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.query.QueryPage;
import io.cosmolite.engine.query.QueryRequest;
import io.cosmolite.engine.query.QueryScope;
import io.cosmolite.engine.resource.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the query tests: an in-memory engine with a container partitioned on {@code /pk}
 * over four physical partitions, and helpers that run a query to the end through the public API.
 */
abstract class QueryTestSupport {
    CosmosEngine engine;
    Container c;

    @BeforeEach
    void openEngine() {
        engine = CosmosEngine.open(EngineOptions.inMemory());
        engine.create(ResourceType.DATABASE, List.of(), Json.object().put("id", "db"));
        c = createContainer("items", "");
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    /** Creates a container on {@code /pk} with extra properties ({@code ,"computedProperties":[...]}). */
    Container createContainer(String id, String extra) {
        engine.createContainer("db", (ObjectNode) json("{'id':'" + id
                + "','partitionKey':{'paths':['/pk'],'kind':'Hash','version':2}" + extra + "}"), 4, null);
        return engine.container("db", id);
    }

    /** JSON with single quotes for double quotes. */
    static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    /** Creates items; each is JSON with single quotes, {@code pk} defaulting to "p". */
    void load(String... items) {
        for (String item : items) {
            ObjectNode body = (ObjectNode) json(item);
            if (!body.has("pk")) {
                body.put("pk", "p");
            }
            c.create(null, body);
        }
    }

    /** Every result of a query over the container (single quotes allowed in the text as string quotes). */
    List<JsonNode> query(String text) {
        return queryAll(new QueryRequest(text, Map.of(), -1, null, false), QueryScope.container());
    }

    /** Every result of a query with parameters given as name, JSON text, name, JSON text, ... */
    List<JsonNode> query(String text, String... parameters) {
        Map<String, JsonNode> values = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], json(parameters[i + 1]));
        }
        return queryAll(new QueryRequest(text, values, -1, null, false), QueryScope.container());
    }

    /** Every result of a request, following continuations. */
    List<JsonNode> queryAll(QueryRequest request, QueryScope scope) {
        List<JsonNode> out = new ArrayList<>();
        QueryRequest r = request;
        do {
            QueryPage page = c.query(r, scope);
            out.addAll(page.items());
            r = r.withContinuation(page.continuation());
        } while (r.continuation() != null);
        return out;
    }

    /** The results as compact JSON texts, system properties removed. */
    List<String> texts(List<JsonNode> results) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : results) {
            if (r.isObject() && r.has("_rid")) {
                ObjectNode copy = r.deepCopy();
                copy.remove(List.of("_rid", "_self", "_etag", "_attachments", "_ts", "_lsn"));
                out.add(copy.toString());
            } else {
                out.add(r.toString());
            }
        }
        return out;
    }

    /** The results of {@code text} as compact JSON with double quotes replaced by single ones. */
    List<String> results(String text, String... parameters) {
        return texts(query(text, parameters)).stream().map(s -> s.replace('"', '\'')).toList();
    }

    /** The single result of a query without FROM, as compact JSON with single quotes; "undefined" when none. */
    String value(String expression) {
        List<String> r = results("SELECT VALUE " + expression);
        assertThat(r.size()).as("results of %s", expression).isLessThanOrEqualTo(1);
        return r.isEmpty() ? "undefined" : r.get(0);
    }

    /** Asserts that the query fails with a 400 carrying {@code code} and a message containing {@code message}. */
    CosmosException assertQueryError(String text, String code, String message, String... parameters) {
        CosmosException e = catchThrowableOfType(CosmosException.class, () -> query(text, parameters));
        assertThat(e).as("expected a 400 for %s", text).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        if (code != null) {
            assertThat(e.getMessage()).contains("\"code\":\"" + code + "\"");
        }
        assertThat(e.getMessage()).contains(message);
        assertThat(e.requestCharge()).isPositive();
        return e;
    }
}
