package com.nusomi.recorder.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The token buckets of {@code --rate-limit}: a burst of the limit, tokens back at its rate, idle buckets dropped. */
class RateLimiterTest {
    private Instant now = Instant.parse("2026-05-07T14:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    @Test
    void aBurstOfTheLimitThenOneEachIntervalWithTheWaitRoundedUpToASecond() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("100/s"), clock);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("key_a")).isZero();
        }
        assertThat(limiter.acquire("key_a")).as("10 ms to wait, said as 1 s").isEqualTo(1);

        now = now.plusMillis(10);
        assertThat(limiter.acquire("key_a")).isZero();
        assertThat(limiter.acquire("key_a")).isEqualTo(1);
        assertThat(limiter.acquire("key_b")).as("another key").isZero();
    }

    @Test
    void idleBucketsAreDroppedSoMemoryStaysBounded() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("2/s"), clock);
        for (int i = 0; i < 5000; i++) {
            limiter.acquire("key_" + i);
        }
        assertThat(limiter.buckets()).isLessThanOrEqualTo(5000);

        now = now.plus(Duration.ofSeconds(1));
        limiter.acquire("key_busy");
        limiter.acquire("key_busy");
        limiter.sweep(now.toEpochMilli() * 1_000_000L);

        assertThat(limiter.buckets())
                .as("only the bucket still short of tokens")
                .isEqualTo(1);
        assertThat(limiter.acquire("key_busy")).isEqualTo(1);
        assertThat(limiter.acquire("key_1"))
                .as("a dropped bucket comes back full")
                .isZero();
    }

    @Test
    void theSweepRunsByItselfAsRequestsCome() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("1/s"), clock);
        for (int i = 0; i < RateLimiter.SWEEP_EVERY - 1; i++) {
            limiter.acquire("key_" + i);
        }
        now = now.plus(Duration.ofSeconds(2));
        limiter.acquire("key_last");

        assertThat(limiter.buckets()).isLessThanOrEqualTo(1);
    }

    @Test
    void ratesAreReadAsPerSecondMinuteOrHour() {
        assertThat(RateLimit.parse("100/s").nanosPerPermit()).isEqualTo(10_000_000L);
        assertThat(RateLimit.parse("600/m").nanosPerPermit()).isEqualTo(100_000_000L);
        assertThat(RateLimit.parse("3600/h")).hasToString("3600/h");
        for (String bad : new String[] {"", "100", "0/s", "-1/s", "100/d", "1.5/s", "s/100"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("100/s");
        }
    }
}
