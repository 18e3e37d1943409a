package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.functions.BuiltinFunction.Family;
import io.cosmolite.engine.query.value.Values;
import java.util.List;
import java.util.function.Predicate;

/** The type checking functions: each answers true or false for any value, undefined included (never undefined). */
final class TypeCheckingFunctions {
    private TypeCheckingFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of(
                check("IS_ARRAY", v -> v.isArray()),
                check("IS_BOOL", v -> v.isBoolean()),
                // Undocumented twin of IS_BOOL that the Java SDK puts in the filter when it resumes an ORDER BY query.
                check("IS_BOOLEAN", v -> v.isBoolean()),
                check("IS_FINITE_NUMBER", v -> v.isNumber() && Double.isFinite(v.doubleValue())),
                check("IS_INTEGER", ArgumentChecks::isInt64),
                check("IS_NULL", v -> v.isNull()),
                check("IS_NUMBER", v -> v.isNumber()),
                check("IS_OBJECT", v -> v.isObject()),
                check("IS_PRIMITIVE", v -> v.isNull() || v.isBoolean() || v.isNumber() || v.isTextual()),
                check("IS_STRING", v -> v.isTextual()),
                check("IS_DEFINED", v -> true));
    }

    /** A check whose test sees only defined values: undefined answers false to every test but IS_DEFINED's. */
    private static BuiltinFunction check(String name, Predicate<JsonNode> test) {
        return ArgumentChecks.function(name, Family.TYPE_CHECKING, 1, 1, (args, ctx) -> {
            JsonNode v = Values.defined(args[0]);
            return Values.bool(v != null && test.test(v));
        });
    }
}
