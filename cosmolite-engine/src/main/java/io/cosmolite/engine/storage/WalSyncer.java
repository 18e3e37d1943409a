package io.cosmolite.engine.storage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group-commit thread of a {@link RocksDbStore}: fsyncs the WAL as soon as a write marked it
 * dirty, then rests one window so that the writes of that window share the next fsync. It parks
 * while there are no writes.
 */
final class WalSyncer {

    /** The fsync to run; returns false once the store is closed. */
    @FunctionalInterface
    interface WalSync {
        boolean sync() throws RocksDBException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WalSyncer.class);

    /** Name of the syncer threads, for diagnostics and tests. */
    static final String THREAD_NAME = "cosmolite-wal-sync";

    private final WalSync walSync;
    private final long windowNanos;
    private final Thread thread;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile RocksDBException failure;

    WalSyncer(WalSync walSync, Duration window, String dbName) {
        this.walSync = walSync;
        this.windowNanos = window.toNanos();
        this.thread = new Thread(this::run, THREAD_NAME + " " + dbName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Notes that a write awaits its fsync; wakes the thread only on the clean-to-dirty edge. */
    void markDirty() {
        if (!dirty.get() && dirty.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    /** Throws if a background fsync has failed: durability of later writes cannot be promised. */
    void checkHealthy() {
        RocksDBException e = failure;
        if (e != null) {
            throw RocksDbStore.failure("an earlier background WAL sync failed", e);
        }
    }

    /** Stops the thread and waits for an fsync in progress to end. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            if (!dirty.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            try {
                if (!walSync.sync()) {
                    return;
                }
            } catch (RocksDBException e) {
                failure = e;
                LOG.error("background WAL sync failed; the store refuses further writes", e);
                return;
            }
            rest();
        }
    }

    private void rest() {
        long deadline = System.nanoTime() + windowNanos;
        long left;
        while (running && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }
}
