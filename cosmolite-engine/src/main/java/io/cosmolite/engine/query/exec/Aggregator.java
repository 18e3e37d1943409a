package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.query.value.Values;
import java.util.Locale;

/**
 * The running state of one aggregate over a group, with Cosmos DB's rules: undefined values are
 * ignored; COUNT counts the defined ones; SUM and AVG become undefined as soon as one value is not
 * a number (SUM of nothing is 0, AVG of nothing undefined); MIN and MAX order null, booleans,
 * numbers and strings by type first and become undefined on an array or object.
 */
final class Aggregator {
    private enum Kind { COUNT, SUM, AVG, MIN, MAX }

    private final Kind kind;
    private long count;
    private double sum;
    private boolean invalid;
    private JsonNode extreme;

    Aggregator(String functionName) {
        this.kind = Kind.valueOf(functionName.toUpperCase(Locale.ROOT));
    }

    /** Adds one value of the group. */
    void add(JsonNode v) {
        if (Values.isUndefined(v) || invalid) {
            return;
        }
        switch (kind) {
            case COUNT -> count++;
            case SUM, AVG -> {
                if (!v.isNumber()) {
                    invalid = true;
                } else {
                    sum += v.doubleValue();
                    count++;
                }
            }
            default -> {
                if (v.isContainerNode()) {
                    invalid = true;
                } else if (extreme == null) {
                    extreme = v;
                } else {
                    int c = Values.sortCompare(v, extreme);
                    if (kind == Kind.MIN ? c < 0 : c > 0) {
                        extreme = v;
                    }
                }
            }
        }
    }

    /** The aggregate's value; null for undefined. */
    JsonNode result() {
        if (invalid) {
            return null;
        }
        return switch (kind) {
            case COUNT -> Values.number(count);
            case SUM -> Values.number(sum);
            case AVG -> count == 0 ? null : Values.number(sum / count);
            default -> extreme;
        };
    }
}
