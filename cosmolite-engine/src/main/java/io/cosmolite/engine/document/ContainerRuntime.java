package io.cosmolite.engine.document;

import io.cosmolite.engine.changefeed.LsnSequence;
import io.cosmolite.engine.index.IndexRuntime;

/**
 * What outlives any one {@link ContainerState} of a container (a state is rebuilt when the
 * container is replaced): the LSN sequences of its physical partitions, so LSNs never repeat,
 * whether the container was deleted, so that a stale handle cannot write into a dropped container,
 * and its index, so that every handle maintains the current indexing policy's entries.
 */
public final class ContainerRuntime {
    private final LsnSequence[] lsns;
    private final IndexRuntime index;
    private volatile boolean deleted;

    /** A runtime whose ranges resume after the given last-used LSNs. */
    public ContainerRuntime(long[] lastLsns, IndexRuntime index) {
        this.index = index;
        this.lsns = new LsnSequence[lastLsns.length];
        for (int i = 0; i < lastLsns.length; i++) {
            lsns[i] = new LsnSequence(lastLsns[i]);
        }
    }

    /** The container's index. */
    public IndexRuntime index() {
        return index;
    }

    /** The LSN sequence of the range at {@code rangeIndex}. */
    LsnSequence lsn(int rangeIndex) {
        return lsns[rangeIndex];
    }

    /** The number of ranges. */
    int rangeCount() {
        return lsns.length;
    }

    boolean isDeleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }
}
