package io.cosmolite.engine.query.functions;

import static io.cosmolite.engine.query.functions.ArgumentChecks.isNumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.List;

/**
 * The functions that pick one of their arguments: IIF and CHOOSE. (The Cosmos DB documentation
 * files CHOOSE with the array functions; its family says so.)
 */
final class ConditionalFunctions {
    private ConditionalFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                ArgumentChecks.function("IIF", Family.CONDITIONAL, 3, 3, ConditionalFunctions::iif),
                ArgumentChecks.function("CHOOSE", Family.ARRAY, 2, Integer.MAX_VALUE, ConditionalFunctions::choose));
    }

    /** IIF(c, a, b): a when c is exactly true; b for false and for anything that is not a boolean. */
    private static JsonNode iif(JsonNode[] args, FunctionContext ctx) {
        return Values.defined(Values.isTrue(args[0]) ? args[1] : args[2]);
    }

    /** CHOOSE(i, e1, ...): the i-th expression, counting from 1; undefined outside the list. */
    private static JsonNode choose(JsonNode[] args, FunctionContext ctx) {
        if (!isNumber(args[0])) {
            return null;
        }
        int i = ArgumentChecks.count(args[0]);
        return i >= 1 && i < args.length ? Values.defined(args[i]) : null;
    }
}
