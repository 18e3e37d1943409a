package io.cosmolite.toolkit.cache;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link ItemCache}s of one container fresh against writes by other processes: every
 * {@code pollInterval}, on a daemon thread, reads the container's change feed (pull model, whole
 * container, from where the previous poll stopped; the first from the moment {@link #start} returns)
 * and drops each changed item (by id, in any partition) and every cached query from the caches.
 *
 * <pre>{@code
 * try (ChangeFeedInvalidator feed = ChangeFeedInvalidator.start(container, Duration.ofSeconds(1), orders, invoices)) {
 *     ... // serve reads from orders and invoices
 * }
 * }</pre>
 *
 * <p><b>Staleness bound.</b> Polls start at a fixed rate, so a change committed at time t is dropped
 * from the caches by the end of the first poll starting after t: at most {@code pollInterval} plus one
 * poll's duration later (when polls are shorter than the interval; a poll that takes longer delays the
 * next). {@link #maxPollDuration()} tells what a poll has taken at most. A failed poll (logged) keeps its
 * position, and the next one reads the same changes again: while the database is unreachable, the
 * bound does not hold, and entries still expire by their {@link CachePolicy#timeToLive()}.
 *
 * <p><b>Deletes.</b> The latest-version change feed, the one every container has, does not show
 * deletes: an item another process deletes stays cached until its time to live ends, or until this
 * process writes it. Ways to bound that: a short point-read time to live; soft deletes (a deleted flag
 * is an update, and updates are in the feed); or a container with the all-versions-and-deletes change
 * feed policy ({@code ChangeFeedPolicy.createAllVersionsAndDeletesPolicy}), which this invalidator
 * detects at start and then reads, deletes included.
 */
public final class ChangeFeedInvalidator implements AutoCloseable {
    /** The default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedInvalidator.class);

    private final CosmosContainer container;
    private final List<ItemCache<?>> caches;
    private final Duration pollInterval;
    private final FeedMode mode;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private final AtomicLong maxPollNanos = new AtomicLong();
    /** Where the next poll starts; written only by the poll thread (and by start, before it exists). */
    private volatile String continuation;

    private ChangeFeedInvalidator(CosmosContainer container, List<ItemCache<?>> caches, Duration pollInterval) {
        this.container = container;
        this.caches = caches;
        this.pollInterval = pollInterval;
        this.mode = FeedMode.of(container);
        this.continuation = readFeed(mode.fromNow());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cache-invalidator-" + container.getId());
            t.setDaemon(true);
            return t;
        });
        long interval = pollInterval.toNanos();
        scheduler.scheduleAtFixedRate(this::poll, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** Starts polling {@code container}'s change feed every {@link #DEFAULT_POLL_INTERVAL} for {@code caches}. */
    public static ChangeFeedInvalidator start(CosmosContainer container, ItemCache<?>... caches) {
        return start(container, DEFAULT_POLL_INTERVAL, caches);
    }

    /**
     * Starts polling {@code container}'s change feed every {@code pollInterval} for {@code caches} (which
     * must all cache items of that container). Changes committed before this returns are not reported.
     */
    public static ChangeFeedInvalidator start(CosmosContainer container, Duration pollInterval, ItemCache<?>... caches) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
        if (caches.length == 0) {
            throw new IllegalArgumentException("no caches to invalidate");
        }
        return new ChangeFeedInvalidator(container, List.of(caches), pollInterval);
    }

    /** The time between the starts of two polls. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** True when the container's policy keeps deletes and this invalidator reads them. */
    public boolean seesDeletes() {
        return mode == FeedMode.ALL_VERSIONS_AND_DELETES;
    }

    /** Polls done so far, failed ones included. */
    public long polls() {
        return polls.get();
    }

    /** Polls that failed (and will be read again by the next). */
    public long failedPolls() {
        return failedPolls.get();
    }

    /** The longest a poll has taken. */
    public Duration maxPollDuration() {
        return Duration.ofNanos(maxPollNanos.get());
    }

    /**
     * Stops polling, letting a poll under way finish; the caches stay usable (and are then invalidated
     * only by their own writers and by time).
     */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        long start = System.nanoTime();
        try {
            Set<String> changed = new HashSet<>();
            String next = readFeed(mode.from(continuation), changed);
            if (!changed.isEmpty()) {
                caches.forEach(c -> c.invalidateChanged(changed));
            }
            // Moved on only once the caches are clean: a failure before here reads the same changes again.
            continuation = next;
        } catch (RuntimeException e) {
            failedPolls.incrementAndGet();
            LOG.warn("change feed poll of container {} failed; retrying at the next poll", container.getId(), e);
        } finally {
            polls.incrementAndGet();
            maxPollNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
        }
    }

    private String readFeed(CosmosChangeFeedRequestOptions options) {
        return readFeed(options, new HashSet<>());
    }

    /** Reads every page the feed has now, collecting the changed ids; the continuation after the last page. */
    private String readFeed(CosmosChangeFeedRequestOptions options, Set<String> changed) {
        String next = null;
        for (FeedResponse<JsonNode> page : container.queryChangeFeed(options, JsonNode.class).iterableByPage()) {
            page.getResults().forEach(change -> mode.idOf(change).ifPresent(changed::add));
            next = page.getContinuationToken();
        }
        if (next == null) {
            throw new IllegalStateException("the change feed of " + container.getId() + " returned no continuation");
        }
        return next;
    }
}
