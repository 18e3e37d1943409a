package io.cosmolite.engine.query.exec;

/**
 * OFFSET, LIMIT and TOP: numbers the rows reaching it from {@code startIndex} (so that a resumed
 * page counts on where the previous one stopped), drops the first {@code offset} and ends after
 * {@code take} more ({@code -1}: no end).
 */
final class SkipTakeRows implements RowStream {
    private final RowStream input;
    private final long offset;
    private final long take;
    private long index;

    SkipTakeRows(RowStream input, long offset, long take, long startIndex) {
        this.input = input;
        this.offset = offset;
        this.take = take;
        this.index = startIndex;
    }

    @Override
    public Row next() {
        while (take < 0 || index < offset + take) {
            Row r = input.next();
            if (r == null) {
                return null;
            }
            long i = index++;
            if (i >= offset) {
                return r.withIndex(i);
            }
        }
        return null;
    }
}
