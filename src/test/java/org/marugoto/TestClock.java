package org.marugoto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time plus an offset that a test may move forward (and must reset), so
 * that expiry is tested without sleeping. Picked up by component scanning for every {@link MarugotoTest}.
 */
@Configuration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    /** The system clock shifted by an offset. */
    public static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
