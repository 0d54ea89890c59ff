package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(
            5, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5, Duration.ofSeconds(30), Duration.ofSeconds(60));

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(policy.delayBeforeRetry(1, null, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(2, null, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBeforeRetry(3, null, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayBeforeRetry(5, null, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeRetry(60, null, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterShortensTheWaitByUpToItsShare() {
        assertThat(policy.delayBeforeRetry(2, null, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
        assertThat(policy.delayBeforeRetry(2, null, 0.5)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void retryAfterIsHonouredAndCapped() {
        assertThat(policy.delayBeforeRetry(1, Duration.ofSeconds(7), 0.9)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delayBeforeRetry(1, Duration.ofSeconds(600), 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBeforeRetry(1, Duration.ZERO, 0)).isEqualTo(Duration.ZERO);
    }
}
