package io.cosmolite.engine.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.index.IndexLookup.Interval;
import io.cosmolite.engine.index.Intervals;
import io.cosmolite.engine.query.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE conjunct an index can answer: the set of values of one document path it admits
 * ({@code kind} says which form). The index gives candidates; WHERE is still evaluated on each.
 *
 * @param conjunct the conjunct as written
 * @param path     the document path it constrains
 * @param kind     its form, in order of preference (most selective first)
 * @param values   the values of an equality or IN
 * @param low      a range's lower bound (null: none)
 * @param high     a range's upper bound (null: none)
 * @param prefix   a STARTSWITH prefix
 */
record Sargable(Expr conjunct, List<String> path, Kind kind, List<JsonNode> values, JsonNode low, boolean lowInclusive,
                JsonNode high, boolean highInclusive, String prefix) {

    /** The forms, most selective first. */
    enum Kind { EQUAL, IN, PREFIX, RANGE, DEFINED }

    static Sargable equal(Expr conjunct, List<String> path, List<JsonNode> values) {
        return new Sargable(conjunct, path, values.size() == 1 ? Kind.EQUAL : Kind.IN, values, null, false, null, false, null);
    }

    static Sargable range(Expr conjunct, List<String> path, JsonNode low, boolean lowInclusive, JsonNode high,
                          boolean highInclusive) {
        return new Sargable(conjunct, path, Kind.RANGE, List.of(), low, lowInclusive, high, highInclusive, null);
    }

    static Sargable prefix(Expr conjunct, List<String> path, String prefix) {
        return new Sargable(conjunct, path, Kind.PREFIX, List.of(), null, false, null, false, prefix);
    }

    static Sargable defined(Expr conjunct, List<String> path) {
        return new Sargable(conjunct, path, Kind.DEFINED, List.of(), null, false, null, false, null);
    }

    /** True for a single equality (the form composite prefixes are made of). */
    boolean isEquality() {
        return kind == Kind.EQUAL;
    }

    /** The runs of encoded values it admits, for a component stored inverted or not. */
    List<Interval> intervals(boolean inverted) {
        return switch (kind) {
            case EQUAL, IN -> {
                List<Interval> out = new ArrayList<>();
                for (JsonNode v : values) {
                    out.add(Intervals.equal(v, inverted));
                }
                yield out;
            }
            case RANGE -> {
                Interval i = Intervals.range(low, lowInclusive, high, highInclusive, inverted);
                yield i == null ? List.of() : List.of(i);
            }
            case PREFIX -> List.of(Intervals.prefix(prefix, inverted));
            case DEFINED -> List.of(Intervals.defined(inverted));
        };
    }
}
