package io.cosmolite.engine.query.functions;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The catalog: every built-in function by its case-insensitive name. */
public final class Functions {
    private static final Map<String, BuiltinFunction> BY_NAME = build();

    private Functions() {}

    /** The function of this name (any case), or null when there is none. */
    public static BuiltinFunction lookup(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** Every function, by upper-case name. */
    public static Collection<BuiltinFunction> all() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    private static Map<String, BuiltinFunction> build() {
        Map<String, BuiltinFunction> map = new TreeMap<>();
        Stream.of(AggregateFunctions.all(), MathFunctions.all(), TypeCheckingFunctions.all(), StringFunctions.all(),
                        ConditionalFunctions.all(), ItemFunctions.all(), IntegerFunctions.all(), ArrayFunctions.all(),
                        DateTimeFunctions.all(), SpatialFunctions.all(), VectorFunctions.all(), FullTextFunctions.all())
                .flatMap(List::stream)
                .forEach(f -> {
                    if (map.put(f.name().toUpperCase(Locale.ROOT), f) != null) {
                        throw new IllegalStateException("two functions named " + f.name());
                    }
                });
        return map;
    }
}
