package io.cosmolite.engine.query.functions;

import java.util.List;

/** TODO: this family's functions. */
final class IntegerFunctions {
    private IntegerFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of();
    }
}
