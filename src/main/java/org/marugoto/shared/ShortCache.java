package org.marugoto.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values that nearly every page reads and that rarely change (the agencies, the area tree, the issue codes; a staff
 * member's unread notification count), kept in memory for a short time so that a page does not read them again from
 * the database (decision 0025).
 *
 * <p>Freshness: the module that changes the data calls {@link #invalidate()} in the writing transaction; the cache is
 * emptied at once and again when that transaction ends, and a value read while a change was under way is never
 * stored (a generation counter), so this node never shows the old value after the change is committed. Another
 * application node sees the change after at most the time to live.
 *
 * <p>Values must be immutable (records, {@code List.copyOf}, unmodifiable maps): every caller gets the same instance.
 *
 * @param <K> the key, e.g. the municipality id or a staff account id
 * @param <V> the cached value
 */
public final class ShortCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public ShortCache(Duration timeToLive) {
        this(timeToLive, System::nanoTime);
    }

    ShortCache(Duration timeToLive, LongSupplier nanoTime) {
        this.ttlNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The cached value for the key, or the loader's value (stored unless the data changed while it was read). */
    public V get(K key, Supplier<V> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        long seen = generation.get();
        V value = loader.get();
        if (!TransactionSynchronizationManager.hasResource(this)) {
            // a transaction that changed the data reads its own uncommitted changes: never keep those
            synchronized (this) {
                if (generation.get() == seen) {
                    entries.put(key, new Entry<>(value, now));
                }
            }
        }
        return value;
    }

    /** Forgets every value now and, inside a transaction, once more when it has ended. */
    public void invalidate() {
        clear();
        afterTransaction(this::clear);
    }

    /** Forgets the value of one key now and, inside a transaction, once more when it has ended. */
    public void invalidate(K key) {
        forget(key);
        afterTransaction(() -> forget(key));
    }

    /** Until the changing transaction ends, nothing it reads is kept, and its end forgets again. */
    private void afterTransaction(Runnable forget) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (!TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ShortCache.this);
                }
            });
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forget.run();
            }
        });
    }

    private synchronized void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private synchronized void forget(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }
}
