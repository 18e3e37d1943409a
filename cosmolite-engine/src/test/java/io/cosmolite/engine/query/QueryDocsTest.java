package io.cosmolite.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.engine.query.functions.BuiltinFunction;
import io.cosmolite.engine.query.functions.Functions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps docs/query.md honest: every function of the catalog is listed there with its arity. */
class QueryDocsTest {
    @Test
    void everyCatalogFunctionIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("../docs/query.md"));
        List<String> missing = Functions.all().stream()
                .map(BuiltinFunction::name)
                .filter(name -> !docs.contains("| `" + name + "` |"))
                .toList();
        assertThat(missing).as("functions missing from docs/query.md").isEmpty();
    }
}
