package io.cosmolite.engine.query.exec;

import io.cosmolite.engine.query.value.Values;
import java.util.HashSet;
import java.util.Set;

/** DISTINCT: keeps the first of the rows whose projected values are structurally equal. */
final class DistinctRows implements RowStream {
    private final RowStream input;
    private final Set<String> seen = new HashSet<>();

    DistinctRows(RowStream input) {
        this.input = input;
    }

    @Override
    public Row next() {
        for (Row r = input.next(); r != null; r = input.next()) {
            if (seen.add(Values.canonicalKey(r.value()))) {
                return r;
            }
        }
        return null;
    }
}
