package io.cosmolite.toolkit.repository;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the SQL of a {@link Query}, with the soft-delete filter, and checks that caller-supplied
 * fragments stay fragments.
 */
final class QueryText {
    private static final String TERM = "c(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\"[^\"\\\\]*\"\\])+(?:\\s+(?:ASC|DESC|asc|desc))?";
    private static final Pattern ORDER_BY = Pattern.compile("\\s*" + TERM + "(?:\\s*,\\s*" + TERM + ")*\\s*");

    private QueryText() {
    }

    static SqlQuerySpec toSql(Query query) {
        List<String> conditions = new ArrayList<>();
        String visibility = visibility(query.deleted());
        if (visibility != null) {
            conditions.add(visibility);
        }
        if (query.filter() != null) {
            conditions.add("(" + query.filter() + ")");
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM c");
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (query.orderBy() != null) {
            sql.append(" ORDER BY ").append(query.orderBy().trim());
        }
        List<SqlParameter> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> p : query.parameters().entrySet()) {
            parameters.add(new SqlParameter(p.getKey(), p.getValue()));
        }
        return new SqlQuerySpec(sql.toString(), parameters);
    }

    /** The condition that selects documents by deletion state; null when every document qualifies. */
    static String visibility(DeletedItems deleted) {
        return switch (deleted) {
            case HIDDEN -> "(NOT IS_DEFINED(c." + StoredFields.DELETED + ") OR c." + StoredFields.DELETED + " = false)";
            case ONLY -> "(c." + StoredFields.DELETED + " = true)";
            case INCLUDED -> null;
        };
    }

    /**
     * Refuses a filter that is not one self-contained expression: unbalanced parentheses, an
     * unterminated string literal or a comment, outside string literals.
     */
    static void checkFilter(String filter) {
        if (filter.isBlank()) {
            throw new IllegalArgumentException("an empty filter: use Query.all()");
        }
        int depth = 0;
        for (int i = 0; i < filter.length(); i++) {
            char ch = filter.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = endOfString(filter, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth < 0) {
                throw new IllegalArgumentException("a ')' without its '(' in filter: " + filter);
            } else if ((ch == '-' || ch == '/') && i + 1 < filter.length()
                    && filter.charAt(i + 1) == (ch == '-' ? '-' : '*')) {
                throw new IllegalArgumentException("comments are not allowed in a filter: " + filter);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("a '(' without its ')' in filter: " + filter);
        }
    }

    static void checkOrderBy(String orderBy) {
        if (!ORDER_BY.matcher(orderBy).matches()) {
            throw new IllegalArgumentException("expected ORDER BY terms like \"c.createdAt DESC, c.id\": " + orderBy);
        }
    }

    /** The index of the quote closing the literal opened at {@code start}. */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("an unterminated string literal in filter: " + text);
    }
}
