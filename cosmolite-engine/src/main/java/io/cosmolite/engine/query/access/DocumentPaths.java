package io.cosmolite.engine.query.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.index.IndexedPaths;
import io.cosmolite.engine.query.ast.Expr;
import io.cosmolite.engine.query.ast.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document paths of a query's expressions: {@code c.a.b} is {@code [a, b]} when {@code c} is
 * the FROM alias, and {@code t.x} is {@code [tags, [], x]} when {@code t} is bound by
 * {@code JOIN t IN c.tags}. Only property chains (and string indexes, {@code c["a"]}) are paths.
 */
final class DocumentPaths {
    private final String root;
    private final Set<String> computed;
    private final Map<String, List<String>> aliases = new HashMap<>();

    private DocumentPaths(String root, Set<String> computed) {
        this.root = root;
        this.computed = computed;
    }

    /**
     * The paths of a query over the container root; null when its FROM is not the container root.
     * Computed properties ({@code computed}, top-level names) are not stored in items, so they
     * are not paths of the index.
     */
    static DocumentPaths of(Query q, Set<String> computed) {
        if (!(q.from() instanceof Query.PathSource from) || from.iterate()
                || !(from.path() instanceof Expr.Identifier rootName)) {
            return null;
        }
        String alias = from.alias() != null ? from.alias() : rootName.name();
        DocumentPaths paths = new DocumentPaths(alias, computed);
        paths.aliases.put(alias, List.of());
        for (Query.Source join : q.joins()) {
            if (join instanceof Query.PathSource p && p.iterate() && p.alias() != null) {
                List<String> base = paths.pathOf(p.path());
                if (base != null) {
                    List<String> element = new ArrayList<>(base);
                    element.add(IndexedPaths.ARRAY_ELEMENT);
                    paths.aliases.put(p.alias(), List.copyOf(element));
                }
            }
        }
        return paths;
    }

    /** The FROM alias. */
    String root() {
        return root;
    }

    /** The document path of {@code e}, or null when it is not one. */
    List<String> pathOf(Expr e) {
        List<String> reversed = new ArrayList<>();
        Expr at = e;
        while (true) {
            if (at instanceof Expr.Property p) {
                reversed.add(p.name());
                at = p.target();
            } else if (at instanceof Expr.Index i && i.index() instanceof Expr.Literal l
                    && l.value() != null && l.value().isTextual()) {
                reversed.add(l.value().textValue());
                at = i.target();
            } else if (at instanceof Expr.Identifier id) {
                List<String> base = aliases.get(id.name());
                if (base == null) {
                    return null;
                }
                List<String> path = new ArrayList<>(base);
                for (int k = reversed.size() - 1; k >= 0; k--) {
                    path.add(reversed.get(k));
                }
                return !path.isEmpty() && computed.contains(path.get(0)) ? null : path;
            } else {
                return null;
            }
        }
    }

    /** True when {@code path} is reached from the FROM alias without crossing a JOIN. */
    static boolean isRootPath(List<String> path) {
        return path != null && !path.isEmpty() && !path.contains(IndexedPaths.ARRAY_ELEMENT);
    }

    /** The constant value of {@code e}: a literal or a parameter; {@link #NOT_CONSTANT} otherwise. */
    static JsonNode constant(Expr e, Map<String, JsonNode> parameters) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Parameter p && parameters.containsKey(p.name())) {
            return parameters.get(p.name());
        }
        return NOT_CONSTANT;
    }

    /** Marks an expression that is not a constant. */
    static final JsonNode NOT_CONSTANT = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    /** The policy spelling of a path, e.g. {@code /tags/[]/?}. */
    static String spec(List<String> path) {
        StringBuilder b = new StringBuilder();
        for (String s : path) {
            b.append('/');
            boolean plain = s.equals(IndexedPaths.ARRAY_ELEMENT) || s.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
            b.append(plain ? s : "\"" + s + "\"");
        }
        return b.append("/?").toString();
    }
}
