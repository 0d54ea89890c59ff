package com.nusomi.recorder.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The app's clock in UI tests: the system's until a test {@link #freeze()}s it, then only what it advances. */
public final class TestClock extends Clock {
    private volatile Instant frozen;

    /** Stands still from now on (at this instant) until {@link #advance} moves it. */
    public synchronized void freeze() {
        if (frozen == null) {
            frozen = Instant.now();
        }
    }

    public synchronized void advance(Duration d) {
        freeze();
        frozen = frozen.plus(d);
    }

    @Override
    public Instant instant() {
        Instant f = frozen;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
