package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What to read from one index: the index, the runs of encoded values to visit (ascending,
 * disjoint) and the direction. Built with {@link Intervals}; opened per physical partition with
 * {@link IndexRuntime#lookup}.
 *
 * <p>A document whose path crosses an array has several entries in one index; a lookup reports
 * it only at its first matching entry in scan order ({@link #isFirstMatch}), so that each
 * document is yielded once even across continuation pages.
 */
public final class IndexLookup {
    /** A run of encoded values {@code [from, to)}; {@code to} null runs to the end of the index. */
    public record Interval(byte[] from, byte[] to) {
        /** True when the value bytes lie in this run. */
        boolean contains(byte[] value) {
            return Arrays.compareUnsigned(value, from) >= 0 && (to == null || Arrays.compareUnsigned(value, to) < 0);
        }
    }

    private final byte[] indexId;
    private final String name;
    private final List<List<String>> paths;
    private final boolean[] descendingColumns;
    private final List<Interval> intervals;
    private final boolean descending;
    private final boolean multiValued;

    private IndexLookup(byte[] indexId, String name, List<List<String>> paths, boolean[] descendingColumns,
                        List<Interval> intervals, boolean descending) {
        this.indexId = indexId;
        this.name = name;
        this.paths = paths;
        this.descendingColumns = descendingColumns;
        this.intervals = normalize(intervals);
        this.descending = descending;
        this.multiValued = paths.stream().anyMatch(p -> p.contains(IndexedPaths.ARRAY_ELEMENT));
    }

    /** A lookup in the range index of {@code path}, in ascending or descending value order. */
    public static IndexLookup single(List<String> path, List<Interval> intervals, boolean descending) {
        return new IndexLookup(IndexIds.single(path), IndexIds.pathText(path), List.of(List.copyOf(path)), new boolean[1],
                intervals, descending);
    }

    /**
     * A lookup in a composite index; {@code reverse} reads it backwards (an ORDER BY with every
     * direction opposite to the index's).
     */
    public static IndexLookup composite(CompositeIndex index, List<Interval> intervals, boolean reverse) {
        boolean[] desc = new boolean[index.columns().size()];
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < desc.length; i++) {
            desc[i] = index.columns().get(i).descending();
            paths.add(index.columns().get(i).segments());
        }
        return new IndexLookup(index.id(), "(" + String.join(",", index.specs()) + ")", paths, desc, intervals, reverse);
    }

    /** The index read, e.g. {@code /tags/[]} or {@code (/a ASC,/b DESC)}. */
    public String index() {
        return name;
    }

    /** The index's id in storage keys. */
    byte[] indexId() {
        return indexId;
    }

    /** The runs to visit, ascending. */
    public List<Interval> intervals() {
        return intervals;
    }

    /** True when the index is read from its largest key down. */
    public boolean descending() {
        return descending;
    }

    /** True when a document may have several entries (a path crosses an array). */
    public boolean multiValued() {
        return multiValued;
    }

    /** The number of values (columns) in each entry. */
    int columns() {
        return descendingColumns.length;
    }

    /** Whether column {@code i} is stored inverted. */
    boolean descendingColumn(int i) {
        return descendingColumns[i];
    }

    /**
     * True when {@code valueBytes} (an entry's encoded value) is the first entry of
     * {@code document} this lookup visits: always for single-valued indexes; for paths through
     * arrays, when no other matching value of the document comes earlier in scan order.
     */
    public boolean isFirstMatch(JsonNode document, byte[] valueBytes) {
        if (!multiValued) {
            return true;
        }
        byte[] first = null;
        for (byte[] candidate : encodedValues(document)) {
            if (intervals.stream().anyMatch(i -> i.contains(candidate))
                    && (first == null || (descending ? Arrays.compareUnsigned(candidate, first) > 0
                    : Arrays.compareUnsigned(candidate, first) < 0))) {
                first = candidate;
            }
        }
        return first == null || Arrays.equals(first, valueBytes);
    }

    private List<byte[]> encodedValues(JsonNode document) {
        List<byte[]> out = new ArrayList<>();
        int idLength = indexId.length;
        for (IndexTerm t : termsOf(document)) {
            byte[] b = t.bytes();
            if (b.length > idLength && Arrays.equals(b, 0, idLength, indexId, 0, idLength)) {
                out.add(Arrays.copyOfRange(b, idLength, b.length));
            }
        }
        return out;
    }

    private List<IndexTerm> termsOf(JsonNode document) {
        List<IndexTerm> terms = new ArrayList<>();
        if (paths.size() == 1) {
            for (JsonNode v : IndexTerms.valuesAt(document, paths.get(0))) {
                terms.add(IndexTerms.term(indexId, v));
            }
            return terms;
        }
        List<CompositeIndex.Column> columns = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            columns.add(new CompositeIndex.Column("", paths.get(i), descendingColumns[i]));
        }
        java.util.Set<IndexTerm> set = new java.util.LinkedHashSet<>();
        IndexTerms.compositeTerms(indexId, columns, document, set);
        terms.addAll(set);
        return terms;
    }

    private static List<Interval> normalize(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from, Arrays::compareUnsigned));
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            if (i.to() != null && Arrays.compareUnsigned(i.from(), i.to()) >= 0) {
                continue;
            }
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && (last.to() == null || Arrays.compareUnsigned(i.from(), last.to()) <= 0)) {
                byte[] to = last.to() == null || i.to() == null ? null
                        : Arrays.compareUnsigned(i.to(), last.to()) > 0 ? i.to() : last.to();
                out.set(out.size() - 1, new Interval(last.from(), to));
            } else {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }
}
