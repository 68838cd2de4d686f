package org.marugoto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.marugoto.access.domain.Totp;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock, which a test can move forward (to expire a lockout, a session,
 * a TOTP step) instead of sleeping. Jumps are undone when the test closes them, so that time stays monotonic for the
 * other tests of the shared context; {@link #advance} moves forward for good (used for TOTP steps).
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicLong offsetMillis = new AtomicLong();
    private final Map<String, Long> lastTotpSteps = new ConcurrentHashMap<>();

    private TestClock() {}

    /** Moves time forward for good. */
    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Moves time forward until the returned jump is closed. */
    public Jump jump(Duration duration) {
        advance(duration);
        return () -> advance(duration.negated());
    }

    /**
     * A TOTP code for {@code secret} that the application accepts now: a step is accepted once per account, so a
     * secret used again gets the next step (the application accepts one step ahead); only when that is used up too
     * does time move on, by as little as needed.
     */
    public synchronized String totp(String secret) {
        long current = Totp.step(instant());
        long step = Math.max(current, lastTotpSteps.getOrDefault(secret, Long.MIN_VALUE) + 1);
        if (step > current + Totp.TOLERANCE) {
            advance(Duration.ofSeconds((step - current - Totp.TOLERANCE) * Totp.STEP_SECONDS));
        }
        lastTotpSteps.put(secret, step);
        return Totp.code(secret, step);
    }

    /** A temporary move of time, undone by {@link #close()}. */
    @FunctionalInterface
    public interface Jump extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), Duration.ofMillis(offsetMillis.get()));
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        @Primary
        Clock testClock() {
            return INSTANCE;
        }
    }
}
