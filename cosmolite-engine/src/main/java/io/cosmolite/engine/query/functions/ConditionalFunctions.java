package io.cosmolite.engine.query.functions;

import java.util.List;

/** TODO: this family's functions. */
final class ConditionalFunctions {
    private ConditionalFunctions() {}

    static List<BuiltinFunction> all() {
        return List.of();
    }
}
