package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.document.PatchCondition;
import io.cosmolite.engine.error.QueryErrors;
import io.cosmolite.engine.query.ast.Query;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Conditional patch predicates, in Cosmos DB's form {@code FROM c WHERE <predicate>}: the item
 * satisfies the condition when the query {@code SELECT * FROM c WHERE <predicate>} over that item
 * alone returns it; {@code false} or undefined fail the patch with 412.
 */
public final class PatchConditions implements PatchCondition {
    private final Clock clock;
    private final Function<String, Query> parser;

    /** Conditions evaluated at {@code clock}'s time, parsed with {@code parser}. */
    public PatchConditions(Clock clock, Function<String, Query> parser) {
        this.clock = clock;
        this.parser = parser;
    }

    @Override
    public boolean test(String condition, ObjectNode item) {
        String trimmed = condition.trim();
        String text = trimmed.toLowerCase(Locale.ROOT).startsWith("select") ? trimmed : "SELECT * " + trimmed;
        Query q = parser.apply(text);
        if (!(q.from() instanceof Query.PathSource)) {
            throw QueryErrors.general("A patch condition must have the form 'FROM c WHERE <predicate>'.");
        }
        return DocumentListQuery.rows(q, text, Map.of(), List.of(item), clock).next() != null;
    }
}
