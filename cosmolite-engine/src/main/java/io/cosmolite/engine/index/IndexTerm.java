package io.cosmolite.engine.index;

import java.util.Arrays;

/**
 * One entry a document contributes to an index: the index's id followed by the encoded value (or
 * tuple). The storage key adds the physical partition before it and the document's EPK and id
 * after it.
 */
public final class IndexTerm {
    private final byte[] bytes;
    private final int hash;

    IndexTerm(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The index id and the encoded value. Do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexTerm t && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
