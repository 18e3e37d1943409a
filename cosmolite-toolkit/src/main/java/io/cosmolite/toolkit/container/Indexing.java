package io.cosmolite.toolkit.container;

import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.IncludedPath;
import com.azure.cosmos.models.IndexingMode;
import com.azure.cosmos.models.IndexingPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An indexing policy (consistent, automatic): the index paths included and excluded, in Cosmos's
 * syntax ({@code /*}, {@code /status/?}, {@code /payload/*}), and the composite indexes.
 *
 * <pre>{@code
 * Indexing.all().excluding("/payload/*").withComposite(CompositeIndex.of("/status", "/createdAt DESC"))
 * }</pre>
 */
public record Indexing(List<String> includedPaths, List<String> excludedPaths, List<CompositeIndex> compositeIndexes) {
    /** The system path Cosmos adds to every policy by itself: not part of what a definition compares. */
    private static final Set<String> SYSTEM_PATHS = Set.of("/\"_etag\"/?", "/_etag/?");

    public Indexing {
        includedPaths = List.copyOf(includedPaths);
        excludedPaths = List.copyOf(excludedPaths);
        compositeIndexes = List.copyOf(compositeIndexes);
    }

    /** Cosmos's default: every path indexed, no composite index. */
    public static Indexing all() {
        return new Indexing(List.of("/*"), List.of(), List.of());
    }

    /** Only {@code paths} indexed (everything else excluded), e.g. {@code only("/status/?", "/customerId/?")}. */
    public static Indexing only(String... paths) {
        return new Indexing(List.of(paths), List.of("/*"), List.of());
    }

    /** This policy with {@code paths} excluded as well. */
    public Indexing excluding(String... paths) {
        return new Indexing(includedPaths, concat(excludedPaths, List.of(paths)), compositeIndexes);
    }

    /** This policy with one more composite index. */
    public Indexing withComposite(CompositeIndex index) {
        return new Indexing(includedPaths, excludedPaths, concat(compositeIndexes, List.of(index)));
    }

    IndexingPolicy toSdk() {
        IndexingPolicy policy = new IndexingPolicy().setIndexingMode(IndexingMode.CONSISTENT).setAutomatic(true);
        policy.setIncludedPaths(includedPaths.stream().map(IncludedPath::new).toList());
        policy.setExcludedPaths(excludedPaths.stream().map(ExcludedPath::new).toList());
        policy.setCompositeIndexes(compositeIndexes.stream().map(CompositeIndex::toSdk).toList());
        return policy;
    }

    static Indexing fromSdk(IndexingPolicy policy) {
        List<String> excluded = policy.getExcludedPaths().stream().map(ExcludedPath::getPath)
                .filter(p -> !SYSTEM_PATHS.contains(p)).toList();
        return new Indexing(policy.getIncludedPaths().stream().map(IncludedPath::getPath).toList(), excluded,
                policy.getCompositeIndexes().stream().map(CompositeIndex::fromSdk).toList());
    }

    /** Same policy in effect: order of paths and of composite indexes does not matter, order within one does. */
    boolean sameAs(Indexing other) {
        return new HashSet<>(includedPaths).equals(new HashSet<>(other.includedPaths))
                && new HashSet<>(excludedPaths).equals(new HashSet<>(other.excludedPaths))
                && new HashSet<>(compositeIndexes).equals(new HashSet<>(other.compositeIndexes));
    }

    private static <E> List<E> concat(List<E> a, List<E> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
