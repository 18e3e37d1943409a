package io.cosmolite.engine.query.exec;

import java.util.Arrays;

/**
 * The start of a resumed streaming page: drops the rows of the item the previous page stopped in
 * that were already returned (the first {@code emitted} projected rows of the item at {@code key}).
 */
final class ResumeRows implements RowStream {
    private final RowStream input;
    private final byte[] key;
    private final int emitted;

    ResumeRows(RowStream input, byte[] key, int emitted) {
        this.input = input;
        this.key = key;
        this.emitted = emitted;
    }

    @Override
    public Row next() {
        for (Row r = input.next(); r != null; r = input.next()) {
            if (r.ordinal() >= emitted || !Arrays.equals(r.key(), key)) {
                return r;
            }
        }
        return null;
    }
}
