package com.nusomi.recorder.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spools a large request body (a run bundle of up to 4 GiB) to a temporary file as it arrives, hashing it on the
 * way, never holding more than one chunk in memory. Like {@link BodyReader}, it holds no thread while the body
 * arrives: when Jetty has no content it asks to be called again and returns.
 *
 * <p>A watchdog ticks once a second: a body slower on average than the minimum rate once the grace period is over
 * is abandoned and answered 408. There is no overall deadline (a 4 GiB bundle may take long over a slow link); the
 * rate rule and the connection's idle timeout are what bound it. Exactly one of {@code onBody} and
 * {@code onFailure} is called, once; on failure the file is deleted here, on success the receiver owns it.
 */
final class BodySpool implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BodySpool.class);

    /** What arrived: the file holding the body, its size and its SHA-256 (lower-case hex). */
    record Spooled(Path file, long bytes, String sha256) {}

    private final Request request;
    private final long limit;
    private final BodyReader.Limits limits;
    private final Path dir;
    private final Consumer<Spooled> onBody;
    private final Consumer<ApiException> onFailure;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong size = new AtomicLong();
    private final MessageDigest sha = Hashes.sha256();
    private Path file;
    private FileChannel channel;
    private Scheduler.Task watchdog;

    BodySpool(
            Request request,
            long limit,
            BodyReader.Limits limits,
            Path dir,
            Consumer<Spooled> onBody,
            Consumer<ApiException> onFailure) {
        this.request = request;
        this.limit = limit;
        this.limits = limits;
        this.dir = dir;
        this.onBody = onBody;
        this.onFailure = onFailure;
    }

    /** Opens the file, reads what is there now (on the calling thread), then goes on as content arrives. */
    void start() {
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "upload-", ".part");
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            LOG.error("cannot spool a request body to {}: {}", dir, e.toString());
            deleteFile();
            throw new IllegalStateException("cannot spool the request body to " + dir, e);
        }
        if (limits.scheduler() != null) {
            watchdog = limits.scheduler().schedule(this::tick, 1, TimeUnit.SECONDS);
        }
        run();
    }

    /** Called by Jetty when content is available (and by {@link #start}); runs on a pool thread. */
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
            if (size.get() + n > limit) {
                chunk.release();
                fail(Bodies.tooLarge(limit));
                return;
            }
            try {
                sha.update(bytes.duplicate());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                chunk.release();
                LOG.error("cannot write a spooled request body to {}: {}", file, e.toString());
                fail(ApiException.internal());
                return;
            }
            size.addAndGet(n);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                finish();
                return;
            }
        }
    }

    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        cancelWatchdog();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.error("cannot close the spooled request body {}: {}", file, e.toString());
            deleteFile();
            onFailure.accept(ApiException.internal());
            return;
        }
        onBody.accept(new Spooled(file, size.get(), HexFormat.of().formatHex(sha.digest())));
    }

    private void tick() {
        if (finished.get()) {
            return;
        }
        long elapsed = System.nanoTime() - startedNanos;
        boolean slow = elapsed > limits.graceNanos()
                && size.get() < limits.minBytesPerSecond() * (double) elapsed / TimeUnit.SECONDS.toNanos(1);
        if (slow) {
            fail(timeout());
            return;
        }
        watchdog = limits.scheduler().schedule(this::tick, 1, TimeUnit.SECONDS);
    }

    private ApiException timeout() {
        return ApiException.requestTimeout("the request body did not arrive in time: it must come at "
                + limits.minBytesPerSecond() / 1024 + " KiB/s or faster on average");
    }

    private void fail(ApiException e) {
        if (finished.compareAndSet(false, true)) {
            cancelWatchdog();
            try {
                channel.close();
            } catch (IOException closing) {
                LOG.debug("closing a spooled body that failed: {}", closing.toString());
            }
            deleteFile();
            onFailure.accept(e);
        }
    }

    private void deleteFile() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the spooled request body {}: {}", file, e.toString());
        }
    }

    private void cancelWatchdog() {
        Scheduler.Task w = watchdog;
        if (w != null) {
            w.cancel();
        }
    }
}
