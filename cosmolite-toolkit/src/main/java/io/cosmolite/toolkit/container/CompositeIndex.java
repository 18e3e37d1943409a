package io.cosmolite.toolkit.container;

import com.azure.cosmos.models.CompositePath;
import com.azure.cosmos.models.CompositePathSortOrder;
import java.util.List;

/**
 * A composite index: an ordered list of paths, each ascending or descending, serving ORDER BY on
 * several properties and filters combined with ORDER BY.
 *
 * <pre>{@code CompositeIndex.of("/status", "/createdAt DESC")}</pre>
 */
public record CompositeIndex(List<SortedPath> paths) {
    public CompositeIndex {
        paths = List.copyOf(paths);
        if (paths.size() < 2) {
            throw new IllegalArgumentException("a composite index has at least two paths");
        }
    }

    /** From paths written as {@code "/a"}, {@code "/a ASC"} or {@code "/a DESC"}. */
    public static CompositeIndex of(String... paths) {
        return new CompositeIndex(java.util.Arrays.stream(paths).map(SortedPath::parse).toList());
    }

    /** One path of a composite index and its order. */
    public record SortedPath(String path, boolean descending) {
        public SortedPath {
            DocumentPaths.requirePlain(path);
        }

        static SortedPath parse(String text) {
            String[] words = text.trim().split("\\s+");
            if (words.length == 1) {
                return new SortedPath(words[0], false);
            }
            if (words.length == 2 && (words[1].equalsIgnoreCase("ASC") || words[1].equalsIgnoreCase("DESC"))) {
                return new SortedPath(words[0], words[1].equalsIgnoreCase("DESC"));
            }
            throw new IllegalArgumentException("expected \"/path\", \"/path ASC\" or \"/path DESC\": " + text);
        }

        CompositePath toSdk() {
            return new CompositePath().setPath(path)
                    .setOrder(descending ? CompositePathSortOrder.DESCENDING : CompositePathSortOrder.ASCENDING);
        }

        static SortedPath fromSdk(CompositePath p) {
            return new SortedPath(p.getPath(), p.getOrder() == CompositePathSortOrder.DESCENDING);
        }
    }

    List<CompositePath> toSdk() {
        return paths.stream().map(SortedPath::toSdk).toList();
    }

    static CompositeIndex fromSdk(List<CompositePath> paths) {
        return new CompositeIndex(paths.stream().map(SortedPath::fromSdk).toList());
    }
}
