package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One composite index of a policy: two or more scalar paths, each ascending or descending. Its
 * entries hold the tuple of the document's values at those paths (undefined where a path is
 * missing or not scalar), so every document has at least one entry.
 *
 * @param columns the paths in index order
 */
public record CompositeIndex(List<Column> columns) {

    /** One path of a composite index; {@code segments} as {@link IndexedPaths#segments} splits it. */
    public record Column(String path, List<String> segments, boolean descending) {
        /** Cosmos's spelling in index metrics, e.g. {@code /name ASC}. */
        public String spec() {
            return path + (descending ? " DESC" : " ASC");
        }
    }

    /** Copies the columns. */
    public CompositeIndex {
        columns = List.copyOf(columns);
    }

    /** The index's identity in storage keys: a tag and its column specs, self-delimiting. */
    public byte[] id() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(IndexIds.COMPOSITE);
        IndexKeyCodec.write(out, TextNode.valueOf(String.join(",", specs())), false);
        return out.toByteArray();
    }

    /** The index specs as Cosmos lists them in index metrics. */
    public List<String> specs() {
        return columns.stream().map(Column::spec).toList();
    }
}
