package com.nusomi.recorder.client.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/** Links one logical call (all its attempts) to whoever may cancel it: cancelling stops the current attempt and any backoff. */
public final class CallContext {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private Call current;

    /** Makes {@code call} the current attempt; cancels it at once if the context was already cancelled. */
    public synchronized void attach(Call call) {
        current = call;
        if (isCancelled()) {
            call.cancel();
        }
    }

    public void cancel() {
        Call c;
        synchronized (this) {
            cancelled.countDown();
            c = current;
        }
        if (c != null) {
            c.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Waits for the backoff; returns true if cancelled meanwhile. */
    public boolean sleep(Duration d) throws InterruptedException {
        return cancelled.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }
}
