package org.marugoto.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ShortCacheTests {

    private final AtomicLong now = new AtomicLong();
    private final ShortCache<String, Integer> cache = new ShortCache<>(Duration.ofSeconds(10), now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Integer load() {
        return loads.incrementAndGet();
    }

    @Test
    void keepsAValueForItsTimeToLiveThenReadsAgain() {
        assertThat(cache.get("m", this::load)).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get("m", this::load)).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get("m", this::load)).isEqualTo(2);
    }

    @Test
    void keysAreSeparateAndInvalidationForgetsOneOrAll() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.invalidate("a");
        assertThat(cache.get("a", this::load)).isEqualTo(3);
        assertThat(cache.get("b", this::load)).isEqualTo(2);
        cache.invalidate();
        assertThat(cache.get("b", this::load)).isEqualTo(4);
    }

    @Test
    void aValueReadWhileTheDataChangedIsNotKept() {
        // the loader reads the old data; a change is made (and invalidates) before the loader returns
        Integer stale = cache.get("m", () -> {
            cache.invalidate();
            return 41;
        });
        assertThat(stale).isEqualTo(41);
        assertThat(cache.get("m", this::load)).isEqualTo(1);
    }

    @Test
    void aTransactionThatChangedTheDataKeepsNothingUntilItEnds() {
        cache.get("m", this::load);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.invalidate();
            assertThat(cache.get("m", this::load)).isEqualTo(2);
            assertThat(cache.get("m", this::load))
                    .as("its own uncommitted reads are not kept")
                    .isEqualTo(3);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get("m", this::load)).isEqualTo(4);
        assertThat(cache.get("m", this::load))
                .as("after the end, values are kept again")
                .isEqualTo(4);
    }
}
