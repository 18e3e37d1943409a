package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A container's indexing policy compiled for the index: which paths have range indexes, which
 * paths are explicitly included (their documents get an "undefined" entry when the path is
 * missing, as Cosmos DB does, which is what lets ORDER BY return those documents), the composite
 * indexes, and whether indexing is off ({@code indexingMode: none}).
 *
 * <p>In consistent mode {@code id} and {@code _ts} are always indexed, whatever the paths say.
 * Lazy mode is treated as consistent (Cosmos DB no longer offers it to new containers). Spatial
 * indexes and tuple paths ({@code /a/[]/{b, c}/?}) are accepted by the policy but have no entries
 * here: queries on them scan.
 */
public final class IndexDefinition {
    /** Indexed whatever the policy says (in consistent mode). */
    private static final List<List<String>> ALWAYS_INDEXED = List.of(List.of("id"), List.of("_ts"));
    /** Properties the engine adds for its own use or generates on reads; never indexed. */
    private static final Set<String> INTERNAL = Set.of("_lsn", "_self", "_attachments");

    private final JsonNode policy;
    private final boolean none;
    private final IndexedPaths paths;
    private final List<List<String>> explicitPaths;
    private final List<CompositeIndex> composites;
    /**
     * The range index id of each path met so far ({@link #NOT_INDEXED} for none): working it out
     * for every value of every write (the path's text, its encoding, the policy's path matching)
     * was about a quarter of an indexed write's Java time. Bounded, as documents whose property
     * names are data (maps keyed by ids) have paths without end.
     */
    private final Map<List<String>, byte[]> rangeIndexIds = new ConcurrentHashMap<>();
    private static final byte[] NOT_INDEXED = new byte[0];
    private static final int MAX_REMEMBERED_PATHS = 4096;

    private IndexDefinition(JsonNode policy, boolean none, IndexedPaths paths, List<List<String>> explicitPaths,
                            List<CompositeIndex> composites) {
        this.policy = policy;
        this.none = none;
        this.paths = paths;
        this.explicitPaths = explicitPaths;
        this.composites = composites;
    }

    /** Compiles a normalized indexing policy (as container properties hold it). */
    public static IndexDefinition of(JsonNode indexingPolicy) {
        JsonNode policy = indexingPolicy == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : indexingPolicy;
        boolean none = "none".equalsIgnoreCase(policy.path("indexingMode").asText("consistent"));
        List<String> included = texts(policy.path("includedPaths"));
        List<String> excluded = texts(policy.path("excludedPaths"));
        if (!none && included.isEmpty() && excluded.isEmpty()) {
            included = List.of("/*");
        }
        // Tuple paths ({a, b}) are accepted by the policy but not served by this index.
        included = included.stream().filter(p -> !p.contains("{")).toList();
        IndexedPaths paths = IndexedPaths.of(included, excluded);
        List<List<String>> explicit = new ArrayList<>();
        for (String p : included) {
            if (!p.equals("/*")) {
                List<String> segments = IndexedPaths.segments(p.substring(0, p.length() - 2));
                if (!segments.contains(IndexedPaths.ARRAY_ELEMENT)) {
                    explicit.add(segments);
                }
            }
        }
        List<CompositeIndex> composites = new ArrayList<>();
        for (JsonNode index : policy.path("compositeIndexes")) {
            List<CompositeIndex.Column> columns = new ArrayList<>();
            for (JsonNode column : index) {
                String path = column.path("path").asText();
                columns.add(new CompositeIndex.Column(path, IndexedPaths.segments(path),
                        "descending".equalsIgnoreCase(column.path("order").asText("ascending"))));
            }
            composites.add(new CompositeIndex(columns));
        }
        return new IndexDefinition(policy.deepCopy(), none, paths, List.copyOf(explicit),
                none ? List.of() : List.copyOf(composites));
    }

    /** The policy this definition was compiled from. */
    public JsonNode policy() {
        return policy;
    }

    /** True when nothing is indexed ({@code indexingMode: none}). */
    public boolean isNone() {
        return none;
    }

    /** True when the scalar at {@code path} has a range index. */
    public boolean hasRangeIndex(List<String> path) {
        if (none || path.isEmpty() || (path.size() == 1 && INTERNAL.contains(path.get(0)))) {
            return false;
        }
        return ALWAYS_INDEXED.contains(path) || paths.isIndexed(path);
    }

    /**
     * The id of the range index of the scalar at {@code path} (as {@link IndexIds#single}), or null
     * when it has none ({@link #hasRangeIndex}). The array is shared: do not modify it.
     */
    byte[] rangeIndexId(List<String> path) {
        byte[] id = rangeIndexIds.get(path);
        if (id == null) {
            id = hasRangeIndex(path) ? IndexIds.single(path) : NOT_INDEXED;
            if (rangeIndexIds.size() < MAX_REMEMBERED_PATHS) {
                rangeIndexIds.putIfAbsent(List.copyOf(path), id);
            }
        }
        return id == NOT_INDEXED ? null : id;
    }

    /** True when {@code path} is explicitly included, so documents without it have an "undefined" entry. */
    public boolean indexesUndefined(List<String> path) {
        return !none && explicitPaths.contains(path);
    }

    /** The composite indexes, in policy order. */
    public List<CompositeIndex> composites() {
        return composites;
    }

    /** Every index entry (index id and encoded value) the document has under this definition. */
    public Set<IndexTerm> terms(JsonNode document) {
        return IndexTerms.of(this, document);
    }

    /** The paths explicitly included (without array segments). */
    List<List<String>> explicitPaths() {
        return explicitPaths;
    }

    /** Same policy, same index. */
    @Override
    public boolean equals(Object o) {
        return o instanceof IndexDefinition d && d.policy.equals(policy);
    }

    @Override
    public int hashCode() {
        return policy.hashCode();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array) {
            out.add(e.isTextual() ? e.textValue() : e.path("path").asText());
        }
        return out;
    }
}
