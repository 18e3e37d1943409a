package io.cosmolite.engine.query.functions;

import java.util.List;

/**
 * The aggregates. They have no body: the executor accumulates them over a group; the catalog
 * holds their names and arities so that every name lives in one place.
 */
final class AggregateFunctions {
    private AggregateFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                aggregate("COUNT"), aggregate("SUM"), aggregate("AVG"), aggregate("MIN"), aggregate("MAX"));
    }

    private static BuiltinFunction aggregate(String name) {
        return new BuiltinFunction(name, BuiltinFunction.Family.AGGREGATE, 1, 1, null);
    }
}
