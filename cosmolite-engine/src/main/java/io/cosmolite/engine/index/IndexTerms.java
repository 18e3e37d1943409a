package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a document's index entries under a definition: one per distinct scalar at each
 * range-indexed path (array elements under {@code []}), a type marker for each array or object at
 * such a path (so that the index knows the path is defined), an "undefined" entry for each explicitly
 * included path the document lacks, one tuple per composite index (the cross product when a
 * composite path crosses arrays, capped).
 */
final class IndexTerms {
    /** Most tuples one document adds to one composite index (paths through large arrays multiply). */
    static final int MAX_COMPOSITE_TUPLES = 256;

    private IndexTerms() {}

    static Set<IndexTerm> of(IndexDefinition definition, JsonNode document) {
        if (definition.isNone() || document == null || !document.isObject()) {
            return Set.of();
        }
        Set<IndexTerm> terms = new LinkedHashSet<>();
        walk(definition, document, new ArrayList<>(), terms);
        for (List<String> path : definition.explicitPaths()) {
            if (valuesAt(document, path).isEmpty() && definition.hasRangeIndex(path)) {
                terms.add(term(IndexIds.single(path), null));
            }
        }
        for (CompositeIndex index : definition.composites()) {
            compositeTerms(index.id(), index.columns(), document, terms);
        }
        return terms;
    }

    /**
     * The values reached by following {@code segments} from {@code node} ({@code []} steps into
     * every element of an array); empty when the path does not exist.
     */
    static List<JsonNode> valuesAt(JsonNode node, List<String> segments) {
        List<JsonNode> out = new ArrayList<>(1);
        collect(node, segments, 0, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> segments, int i, List<JsonNode> out) {
        if (i == segments.size()) {
            out.add(node);
            return;
        }
        String s = segments.get(i);
        if (s.equals(IndexedPaths.ARRAY_ELEMENT)) {
            if (node.isArray()) {
                for (JsonNode e : node) {
                    collect(e, segments, i + 1, out);
                }
            }
            return;
        }
        JsonNode next = null;
        if (node.isObject()) {
            next = node.get(s);
        } else if (node.isArray() && s.startsWith("[") && s.endsWith("]")) {
            // /a/[1]/b addresses one element
            try {
                next = node.get(Integer.parseInt(s.substring(1, s.length() - 1)));
            } catch (NumberFormatException e) {
                next = null;
            }
        }
        if (next != null) {
            collect(next, segments, i + 1, out);
        }
    }

    private static void walk(IndexDefinition definition, JsonNode node, List<String> path, Set<IndexTerm> terms) {
        if (node.isObject() || node.isArray()) {
            byte[] id = definition.rangeIndexId(path);
            if (id != null) {
                terms.add(term(id, node)); // the path is defined: a bare type marker
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                walk(definition, field.getValue(), path, terms);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            path.add(IndexedPaths.ARRAY_ELEMENT);
            for (JsonNode element : node) {
                walk(definition, element, path, terms);
            }
            path.remove(path.size() - 1);
        } else {
            byte[] id = definition.rangeIndexId(path);
            if (id != null) {
                terms.add(term(id, node));
            }
        }
    }

    /** Adds the tuples of a composite index with columns {@code spec} to {@code terms}. */
    static void compositeTerms(byte[] id, List<CompositeIndex.Column> spec, JsonNode document, Set<IndexTerm> terms) {
        List<List<JsonNode>> columns = new ArrayList<>();
        for (CompositeIndex.Column c : spec) {
            List<JsonNode> values = new ArrayList<>();
            for (JsonNode v : valuesAt(document, c.segments())) {
                values.add(IndexKeyCodec.isScalar(v) ? v : null);
            }
            if (values.isEmpty()) {
                values.add(null);
            }
            columns.add(values);
        }
        int[] position = new int[columns.size()];
        for (int made = 0; made < MAX_COMPOSITE_TUPLES; made++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32);
            out.write(id, 0, id.length);
            for (int c = 0; c < columns.size(); c++) {
                IndexKeyCodec.write(out, columns.get(c).get(position[c]), spec.get(c).descending());
            }
            terms.add(new IndexTerm(out.toByteArray()));
            int c = columns.size() - 1;
            while (c >= 0 && ++position[c] == columns.get(c).size()) {
                position[c] = 0;
                c--;
            }
            if (c < 0) {
                return;
            }
        }
    }

    static IndexTerm term(byte[] indexId, JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(indexId.length + 16);
        out.write(indexId, 0, indexId.length);
        IndexKeyCodec.write(out, value, false);
        return new IndexTerm(out.toByteArray());
    }
}
