package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.json.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Test support for the array, date and time, spatial, vector and full-text function tests. */
final class FunctionCalls {
    /** The context the tests evaluate in: a fixed query start time. */
    static final FunctionContext CONTEXT = new FunctionContext(Instant.parse("2024-10-14T14:20:30.6668888Z"));

    private FunctionCalls() {}

    /** Calls a function by name with JSON-text arguments; "undefined" stands for an undefined argument. */
    static JsonNode call(String name, String... jsonArgs) {
        JsonNode[] args = new JsonNode[jsonArgs.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = "undefined".equals(jsonArgs[i]) ? null : Json.parse(jsonArgs[i]);
        }
        return callNodes(name, args);
    }

    /** Calls a function by name with already-built arguments. */
    static JsonNode callNodes(String name, JsonNode... args) {
        BuiltinFunction f = Functions.lookup(name);
        if (f == null) {
            throw new AssertionError("no function " + name);
        }
        if (args.length < f.minArgs() || args.length > f.maxArgs()) {
            throw new AssertionError(name + " takes " + f.minArgs() + ".." + f.maxArgs() + " arguments");
        }
        return f.body().apply(args, CONTEXT);
    }

    /**
     * The {@code SELECT VALUE} conformance cases calling a function of this family and otherwise
     * only functions that exist (run through the test-only {@link TestExpressions} evaluator).
     */
    static List<SampleCases.Case> samples(List<BuiltinFunction> family) {
        Set<String> allowed = new HashSet<>(SampleCases.names(List.copyOf(Functions.all())));
        return SampleCases.using(family, allowed);
    }

    /** Parses JSON text. */
    static JsonNode json(String text) {
        return Json.parse(text);
    }
}
