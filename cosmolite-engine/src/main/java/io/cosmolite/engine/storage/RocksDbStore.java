package io.cosmolite.engine.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Predicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * A durable {@link KeyValueStore} in a RocksDB data directory.
 *
 * <p>Design note.
 * <ul>
 *   <li><b>Write-ahead log.</b> Every batch goes to RocksDB's WAL (never disabled) as one atomic
 *       record, and RocksDB writes it to the OS before {@link #write} returns, so after a restart a
 *       batch is either wholly replayed or absent.</li>
 *   <li><b>Sync policies.</b> {@link SyncPolicy.Mode#ALWAYS}: writes use {@code sync=true}; RocksDB
 *       groups concurrent synced writers behind one fsync. {@link SyncPolicy.Mode#GROUP_COMMIT}:
 *       writes use {@code sync=false} and mark the store dirty; a daemon thread ({@link WalSyncer})
 *       fsyncs the WAL ({@code syncWal}) as soon as it is dirty, then rests one window before the
 *       next fsync, so a write is on disk at most one window (plus the fsync's own time) after it
 *       was acknowledged, and the thread sleeps while there are no writes. If a background fsync
 *       fails, every later {@code write} and {@code sync} fails too: acknowledging writes whose
 *       durability is unknown would be a lie.</li>
 *   <li><b>What survives.</b> The process killed (kill -9, OOM killer, JVM crash): every
 *       acknowledged write under both policies, because it is in the OS page cache. Power loss or
 *       kernel crash: under ALWAYS every acknowledged write; under GROUP_COMMIT all but the writes
 *       of at most the last window. In every case no batch is ever half applied.</li>
 *   <li><b>Reads.</b> {@link #get} reuses one {@link ReadOptions}. A cursor owns a RocksDB
 *       iterator with lower/upper bounds; the iterator pins the implicit snapshot of its creation
 *       (RocksDB's documented behaviour when no explicit snapshot is set), which gives the
 *       consistent view the contract asks for without a second native handle.</li>
 *   <li><b>Caches.</b> RocksDB's 256 MB block cache (data blocks, native memory) serves scans
 *       and reads; a {@link RowCache} on the Java heap (128 MB, or an eighth of the heap if less)
 *       answers repeated point reads without a native call (of the keys its opener names: the
 *       engine leaves out index entries and change-log records). Both fill only as data is read, so an
 *       idle or small store stays small. A write drops its keys from the row cache, which keeps
 *       nothing read in their stripes until the write is applied.</li>
 *   <li><b>Closing safely.</b> A native call on a closed handle crashes the JVM, so every call
 *       holds the read side of {@code guard} and {@link #close} takes the write side: it waits for
 *       calls in flight, releases open cursors' iterators, syncs the WAL and closes the database and
 *       its options in dependency order. Afterwards every call throws
 *       {@link StoreClosedException}.</li>
 * </ul>
 */
public final class RocksDbStore implements KeyValueStore {

    static {
        RocksDbLibrary.load();
    }

    /** Loads RocksDB's native library now rather than at the first open (see {@code CosmosEngine.preload}). */
    public static void loadLibrary() {
        RocksDbLibrary.load();
    }

    private static final long BLOCK_CACHE_BYTES = 256L << 20;
    /** The row cache's bound: 128 MB, or an eighth of the heap when that is smaller. */
    private static final long ROW_CACHE_BYTES = Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 8);
    private static final double BLOOM_BITS_PER_KEY = 10;

    private final RocksDB db;
    private final Options options;
    private final LRUCache blockCache;
    private final RowCache rowCache;
    private final BloomFilter bloomFilter;
    private final WriteOptions writeOptions;
    private final ReadOptions pointReadOptions;
    private final WalSyncer syncer;

    private final StampedLock guard = new StampedLock();
    private final Object closeLock = new Object();
    private final Set<RocksCursor> openCursors = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RocksDbStore(RocksDB db, Options options, LRUCache blockCache, BloomFilter bloomFilter,
                         SyncPolicy policy, Predicate<byte[]> rowCached) {
        this.db = db;
        this.options = options;
        this.blockCache = blockCache;
        this.rowCache = new RowCache(ROW_CACHE_BYTES, rowCached);
        this.bloomFilter = bloomFilter;
        this.writeOptions = new WriteOptions()
                .setSync(policy.mode() == SyncPolicy.Mode.ALWAYS)
                .setDisableWAL(false);
        this.pointReadOptions = new ReadOptions();
        this.syncer = policy.mode() == SyncPolicy.Mode.GROUP_COMMIT
                ? new WalSyncer(this::syncWalGuarded, policy.window(), db.getName())
                : null;
    }

    /** Opens (creating if missing) the store in {@code dir}, forcing writes to disk per {@code policy}. */
    public static RocksDbStore open(Path dir, SyncPolicy policy) {
        return open(dir, policy, key -> true);
    }

    /**
     * Opens the store as {@link #open(Path, SyncPolicy)} does, with a row cache that keeps only the
     * keys {@code rowCached} accepts: the caller knows which of its keys are read one at a time
     * often enough to be worth it. A pure function of the key.
     */
    public static RocksDbStore open(Path dir, SyncPolicy policy, Predicate<byte[]> rowCached) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
        BloomFilter bloom = new BloomFilter(BLOOM_BITS_PER_KEY, false);
        Options options = new Options()
                .setCreateIfMissing(true)
                .setMaxBackgroundJobs(2)
                .setCompactionStyle(CompactionStyle.LEVEL)
                .setLevelCompactionDynamicLevelBytes(true)
                // Upper levels hold the hot, recently written data: compressing them cost most of
                // the CPU of a read once the data outgrew the block cache. Only the last level
                // (most of the bytes) is compressed.
                .setCompressionType(CompressionType.NO_COMPRESSION)
                .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
                // A bloom filter over the memtable answers "no such key" (every create checks)
                // without a skip-list search.
                .setMemtablePrefixBloomSizeRatio(0.05)
                .setMemtableWholeKeyFiltering(true)
                .setBytesPerSync(1 << 20)
                // Room for bursts: more memtables and more level-0 files before writes slow down,
                // so a compaction on the second core does not stall the writers.
                .setMaxWriteBufferNumber(4)
                .setLevel0SlowdownWritesTrigger(40)
                .setLevel0StopWritesTrigger(64)
                .setKeepLogFileNum(3)
                // Index and filter blocks stay in table-reader memory (about 1.3 bytes per key),
                // never evicted by data blocks, so a miss or a hit costs one data-block lookup.
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(bloom)
                        .setCacheIndexAndFilterBlocks(false)
                        // A hash index in each data block finds a key without the block's binary search.
                        .setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash));
        try {
            RocksDB db = RocksDB.open(options, dir.toAbsolutePath().toString());
            RocksDbStore store = new RocksDbStore(db, options, cache, bloom, policy, rowCached);
            if (store.syncer != null) {
                store.syncer.start();
            }
            return store;
        } catch (RocksDBException e) {
            options.close();
            bloom.close();
            cache.close();
            throw failure("cannot open RocksDB in " + dir, e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        long stamp = enter();
        try {
            return rowCache.get(key, this::read);
        } finally {
            guard.unlockRead(stamp);
        }
    }

    private byte[] read(byte[] key) {
        try {
            return db.get(pointReadOptions, key);
        } catch (RocksDBException e) {
            throw failure("get failed", e);
        }
    }

    @Override
    public void write(WriteBatch batch) {
        long stamp = enter();
        try {
            if (syncer != null) {
                syncer.checkHealthy();
            }
            if (batch.isEmpty()) {
                return;
            }
            try (org.rocksdb.WriteBatch rocksBatch = new org.rocksdb.WriteBatch()) {
                for (WriteBatch.Op op : batch.ops()) {
                    if (op.isRangeDelete()) {
                        // An empty or inverted range deletes nothing, as in memory; RocksDB would refuse it.
                        if (java.util.Arrays.compareUnsigned(op.key(), op.rangeEnd()) < 0) {
                            rocksBatch.deleteRange(op.key(), op.rangeEnd());
                        }
                    } else if (op.isDelete()) {
                        rocksBatch.delete(op.key());
                    } else {
                        rocksBatch.put(op.key(), op.value());
                    }
                }
                long marked = rowCache.beginWrite(batch);
                try {
                    db.write(writeOptions, rocksBatch);
                } finally {
                    rowCache.endWrite(marked);
                }
            }
            if (syncer != null) {
                syncer.markDirty();
            }
        } catch (RocksDBException e) {
            throw failure("write failed", e);
        } finally {
            guard.unlockRead(stamp);
        }
    }

    @Override
    public KeyCursor scan(byte[] fromInclusive, byte[] toExclusive) {
        return openCursor(fromInclusive, toExclusive, false);
    }

    @Override
    public KeyCursor scanDescending(byte[] fromInclusive, byte[] toExclusive) {
        return openCursor(fromInclusive, toExclusive, true);
    }

    @Override
    public void sync() {
        long stamp = enter();
        try {
            if (syncer != null) {
                syncer.checkHealthy();
            }
            db.syncWal();
        } catch (RocksDBException e) {
            throw failure("WAL sync failed", e);
        } finally {
            guard.unlockRead(stamp);
        }
    }

    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            if (syncer != null) {
                // Stopped first: it takes the read side of the guard, which close holds below.
                syncer.stop();
            }
            long stamp = guard.writeLock();
            try {
                closed = true;
                for (RocksCursor cursor : openCursors) {
                    cursor.releaseNative();
                }
                openCursors.clear();
                RocksDBException syncFailure = null;
                try {
                    db.syncWal();
                } catch (RocksDBException e) {
                    syncFailure = e;
                }
                try {
                    db.closeE();
                } catch (RocksDBException e) {
                    syncFailure = syncFailure == null ? e : syncFailure;
                }
                pointReadOptions.close();
                writeOptions.close();
                options.close();
                bloomFilter.close();
                blockCache.close();
                if (syncFailure != null) {
                    throw failure("closing RocksDB failed", syncFailure);
                }
            } finally {
                guard.unlockWrite(stamp);
            }
        }
    }

    /** Takes the read side of the guard; throws if the store is closed. */
    private long enter() {
        long stamp = guard.readLock();
        if (closed) {
            guard.unlockRead(stamp);
            throw new StoreClosedException();
        }
        return stamp;
    }

    /** The syncer's fsync; false when the store closed meanwhile. */
    private boolean syncWalGuarded() throws RocksDBException {
        long stamp = guard.readLock();
        try {
            if (closed) {
                return false;
            }
            db.syncWal();
            return true;
        } finally {
            guard.unlockRead(stamp);
        }
    }

    private KeyCursor openCursor(byte[] from, byte[] to, boolean descending) {
        long stamp = enter();
        try {
            RocksCursor cursor = new RocksCursor(from, to, descending);
            openCursors.add(cursor);
            return cursor;
        } finally {
            guard.unlockRead(stamp);
        }
    }

    static StorageException failure(String what, RocksDBException e) {
        return new StorageException(what + ": " + e.getMessage(), e);
    }

    /** A cursor over one RocksDB iterator; its native handles are freed by close or store close. */
    private final class RocksCursor extends EntryCursor {
        private final ReadOptions readOptions;
        private final Slice lowerBound;
        private final Slice upperBound;
        private final RocksIterator iterator;
        private final boolean descending;
        private final boolean empty;
        private boolean positioned;
        private boolean released;

        RocksCursor(byte[] from, byte[] to, boolean descending) {
            this.descending = descending;
            this.empty = from != null && to != null && Arrays.compareUnsigned(from, to) >= 0;
            this.readOptions = new ReadOptions();
            this.lowerBound = from == null ? null : new Slice(from);
            this.upperBound = to == null ? null : new Slice(to);
            if (lowerBound != null && !empty) {
                readOptions.setIterateLowerBound(lowerBound);
            }
            if (upperBound != null && !empty) {
                readOptions.setIterateUpperBound(upperBound);
            }
            // The iterator's creation fixes the cursor's snapshot, so it is created eagerly.
            this.iterator = db.newIterator(readOptions);
        }

        @Override
        boolean advance() {
            long stamp = enter();
            try {
                if (released || empty) {
                    return false;
                }
                if (!positioned) {
                    positioned = true;
                    if (descending) {
                        iterator.seekToLast();
                    } else {
                        iterator.seekToFirst();
                    }
                } else if (descending) {
                    iterator.prev();
                } else {
                    iterator.next();
                }
                if (!iterator.isValid()) {
                    iterator.status();
                    return false;
                }
                found(iterator.key(), iterator.value());
                return true;
            } catch (RocksDBException e) {
                throw failure("scan failed", e);
            } finally {
                guard.unlockRead(stamp);
            }
        }

        @Override
        void release() {
            long stamp = guard.readLock();
            try {
                if (!closed) {
                    openCursors.remove(this);
                    releaseNative();
                }
            } finally {
                guard.unlockRead(stamp);
            }
        }

        /** Frees the native handles; called under the guard (either side), at most once in effect. */
        synchronized void releaseNative() {
            if (released) {
                return;
            }
            released = true;
            iterator.close();
            readOptions.close();
            if (lowerBound != null) {
                lowerBound.close();
            }
            if (upperBound != null) {
                upperBound.close();
            }
        }
    }
}
