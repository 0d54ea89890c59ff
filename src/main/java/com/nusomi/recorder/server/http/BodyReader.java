package com.nusomi.recorder.server.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while it arrives: each time Jetty has content it is copied out, and
 * when there is none the reader asks to be called again ({@link Request#demand}) and returns. A client that
 * dribbles its body therefore costs a connection and the bytes it sent, not a thread: a few hundred of them cannot
 * take the pool that answers everyone else.
 *
 * <p>A watchdog ticks once a second while the body is incomplete: past the deadline, or below the minimum average
 * rate once the grace period is over, the body is abandoned and the request answered 408 (the connection closes).
 * Exactly one of {@code onBody} and {@code onFailure} is called, once.
 */
final class BodyReader implements Runnable {
    /** The first buffer; it grows with what arrives, never with what a Content-Length claims. */
    private static final int INITIAL = 8 * 1024;

    private final Request request;
    private final long limit;
    private final Limits limits;
    private final Consumer<byte[]> onBody;
    private final Consumer<ApiException> onFailure;
    private final boolean keep;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] buffer = new byte[0];
    private final AtomicInteger size = new AtomicInteger();
    private Scheduler.Task watchdog;

    /** The pace a body must keep. */
    record Limits(long deadlineNanos, long minBytesPerSecond, long graceNanos, Scheduler scheduler) {}

    BodyReader(Request request, long limit, Limits limits, Consumer<byte[]> onBody, Consumer<ApiException> onFailure) {
        this(request, limit, limits, onBody, onFailure, true);
    }

    private BodyReader(
            Request request,
            long limit,
            Limits limits,
            Consumer<byte[]> onBody,
            Consumer<ApiException> onFailure,
            boolean keep) {
        this.request = request;
        this.limit = limit;
        this.limits = limits;
        this.onBody = onBody;
        this.onFailure = onFailure;
        this.keep = keep;
    }

    /**
     * Reads and drops a body nobody needs, at the same pace rules, keeping nothing; {@code then} runs once it is
     * all in, past {@code limit} bytes, or too slow. Used after an answer that leaves a body unread: closing a
     * connection over unread bytes makes the kernel reset it, and the client can lose the end of the answer.
     */
    static void discard(Request request, long limit, Limits limits, Runnable then) {
        new BodyReader(request, limit, limits, b -> then.run(), e -> then.run(), false).start();
    }

    /** Reads what is there now (on the calling thread), then goes on as content arrives. */
    void start() {
        if (limits.scheduler() != null) {
            watchdog = limits.scheduler().schedule(this::tick, 1, TimeUnit.SECONDS);
        }
        run();
    }

    /** Called by Jetty when content is available (and by {@link #start}). */
    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable cause = chunk.getFailure();
                fail(
                        cause instanceof TimeoutException
                                ? timeout()
                                : ApiException.bodyInvalid("the request body could not be read: " + cause));
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            int had = size.get();
            if ((long) had + n > limit) {
                chunk.release();
                fail(Bodies.tooLarge(limit));
                return;
            }
            if (n > 0 && keep) {
                ensure(had + n);
                bytes.get(buffer, had, n);
            }
            int total = size.addAndGet(n);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                if (finished.compareAndSet(false, true)) {
                    cancelWatchdog();
                    onBody.accept(buffer.length == total ? buffer : Arrays.copyOf(buffer, total));
                }
                return;
            }
        }
    }

    private void ensure(int needed) {
        if (needed > buffer.length) {
            long grown = Math.max(needed, Math.max(INITIAL, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Math.max(needed, limit)));
        }
    }

    private void tick() {
        if (finished.get()) {
            return;
        }
        long elapsed = System.nanoTime() - startedNanos;
        boolean late = elapsed > limits.deadlineNanos();
        boolean slow = elapsed > limits.graceNanos()
                && size.get() < limits.minBytesPerSecond() * (double) elapsed / TimeUnit.SECONDS.toNanos(1);
        if (late || slow) {
            fail(timeout());
            return;
        }
        watchdog = limits.scheduler().schedule(this::tick, 1, TimeUnit.SECONDS);
    }

    private ApiException timeout() {
        return ApiException.requestTimeout("the request body did not arrive in time: it must come at "
                + limits.minBytesPerSecond() / 1024 + " KiB/s or faster, all of it within "
                + TimeUnit.NANOSECONDS.toSeconds(limits.deadlineNanos()) + " s");
    }

    private void fail(ApiException e) {
        if (finished.compareAndSet(false, true)) {
            cancelWatchdog();
            onFailure.accept(e);
        }
    }

    private void cancelWatchdog() {
        Scheduler.Task w = watchdog;
        if (w != null) {
            w.cancel();
        }
    }
}
