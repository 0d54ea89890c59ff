package com.nusomi.recorder.recorder.spool;

import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiConnectionException;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.AuthenticationException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.exception.RateLimitException;
import com.nusomi.recorder.client.exception.ServerException;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.TagRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one session's journal to the server, strictly in order, each entry with the idempotency key stored in it.
 * The client retries transient failures itself; when it gives up on an unreachable or failing server (connection
 * errors, 5xx, 429, 401/403) this uploader waits (250 ms doubling up to the max backoff) and tries the same entry
 * again, for ever. An entry the server refuses for good (other 4xx) is moved to the rejected list and reported,
 * then the next entry goes. {@link #completion()} completes once the stop entry was sent.
 */
public final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

    private final SessionJournal journal;
    private final SessionsClient client;
    private final SpoolEvents events;
    private final Duration maxBackoff;
    private final CompletableFuture<Boolean> completion = new CompletableFuture<>();
    private final int concurrency;
    /** Frames sent ahead of the head of the journal, by journal index. */
    private final Map<Long, InFlight> inFlight = new HashMap<>();

    private final Thread thread;
    /** Reads the files of frames sent ahead (started on first use). */
    private ExecutorService reader;

    private boolean readerStopped;
    private volatile boolean closed;

    public Uploader(SessionJournal journal, SessionsClient client, SpoolEvents events, Duration maxBackoff) {
        this(journal, client, events, maxBackoff, 1);
    }

    /**
     * With {@code concurrency} above 1, up to that many consecutive frame entries are in flight at once (frames are
     * idempotent by seq and content, and the server orders them by seq); entries are still acknowledged strictly in
     * journal order, and event batches, tags and the stop are sent one at a time after everything before them.
     */
    public Uploader(
            SessionJournal journal, SessionsClient client, SpoolEvents events, Duration maxBackoff, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
        this.journal = journal;
        this.client = client;
        this.events = events == null ? SpoolEvents.NONE : events;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "recorder-upload-" + journal.sessionId());
        thread.setDaemon(true);
    }

    public Uploader start() {
        thread.start();
        return this;
    }

    public SessionJournal journal() {
        return journal;
    }

    /**
     * Completes when the journal's stop was handled: true if the server acknowledged it, false if it was rejected.
     * Never completes while no stop is recorded.
     */
    public CompletableFuture<Boolean> completion() {
        return completion;
    }

    /** Stops uploading at once (an entry in flight is sent again by the next uploader). Waits for the thread. */
    public void close() {
        closed = true;
        thread.interrupt();
        synchronized (inFlight) {
            inFlight.values().forEach(f -> f.upload().cancel(true));
        }
        stopReader();
        journal.wakeUp();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            upload();
        } finally {
            stopReader();
        }
    }

    private void upload() {
        if (journal.isDone()) {
            completion.complete(true);
            return;
        }
        long backoffMs = 0;
        boolean waiting = false;
        while (!closed) {
            SessionJournal.Pending p;
            try {
                p = journal.awaitHead(1000);
            } catch (InterruptedException e) {
                break;
            }
            if (p == null) {
                continue;
            }
            InFlight ahead;
            synchronized (inFlight) {
                ahead = inFlight.remove(p.index());
            }
            EntryInfo info = ahead != null ? ahead.info() : null;
            try {
                if (p.kind() == EntryKind.FRAME && concurrency > 1) {
                    sendAhead(p);
                }
                boolean sent = ahead != null && join(ahead.upload());
                if (!sent) { // not sent ahead, or its file could not be read then: read it here
                    JournalEntry entry;
                    try {
                        entry = journal.read(p);
                    } catch (IOException damaged) {
                        rejectQuietly(p, null, 0, "journal_entry_damaged", damaged.getMessage(), null);
                        continue;
                    }
                    info = entry.info();
                    send(entry);
                }
                if (closed) {
                    break; // the next uploader sends it again; idempotent
                }
                journal.ack(p);
                events.uploaded(info);
                if (waiting) {
                    waiting = false;
                    events.uploadResumed(journal.sessionId());
                }
                backoffMs = 0;
                if (p.kind() == EntryKind.STOP) {
                    finish(true);
                    return;
                }
            } catch (CancellationException e) {
                break;
            } catch (ApiException e) {
                if (closed) {
                    break;
                }
                if (isTransient(e)) {
                    backoffMs = backoffMs == 0 ? 250 : Math.min(backoffMs * 2, maxBackoff.toMillis());
                    waiting = true;
                    LOG.info(
                            "Upload of {} entry {} of {} failed, trying again in {} ms: {}",
                            p.kind(),
                            p.index(),
                            journal.sessionId(),
                            backoffMs,
                            e.getMessage());
                    events.uploadWaiting(journal.sessionId(), e, Duration.ofMillis(backoffMs));
                    if (!pause(backoffMs)) {
                        break;
                    }
                } else {
                    LOG.warn(
                            "The server refused {} entry {} of {}: {}",
                            p.kind(),
                            p.index(),
                            journal.sessionId(),
                            e.getMessage());
                    rejectQuietly(p, info, e.httpStatus(), e.code(), e.getMessage(), e.requestId());
                    if (p.kind() == EntryKind.STOP) {
                        finish(false);
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                // a local failure (disk, decoding): keep the entry and try again later
                LOG.warn("Upload of entry {} of {} failed locally: {}", p.index(), journal.sessionId(), e.toString());
                backoffMs = Math.min(Math.max(backoffMs * 2, 250), maxBackoff.toMillis());
                events.uploadWaiting(journal.sessionId(), e, Duration.ofMillis(backoffMs));
                if (!pause(backoffMs)) {
                    break;
                }
            }
        }
    }

    /**
     * Starts the uploads of the frame entries right after the head (up to concurrency - 1 of them). Their files
     * are read on the reader thread, so that this thread only waits for the head and acknowledges it.
     */
    private void sendAhead(SessionJournal.Pending head) {
        for (SessionJournal.Pending q : journal.framesAfter(head, concurrency - 1)) {
            CompletableFuture<Boolean> upload = new CompletableFuture<>();
            synchronized (inFlight) {
                if (closed || inFlight.containsKey(q.index())) {
                    continue;
                }
                inFlight.put(
                        q.index(),
                        new InFlight(
                                new EntryInfo(
                                        journal.sessionId(),
                                        q.index(),
                                        q.kind(),
                                        q.frameSeq(),
                                        List.of(),
                                        null,
                                        q.bytes()),
                                upload));
            }
            try {
                reader().execute(() -> readAndSend(q, upload));
            } catch (RejectedExecutionException closing) {
                upload.cancel(false);
            }
        }
    }

    /** Completes {@code upload} with true once the frame was sent, false if its file could not be read. */
    // the whenComplete callbacks forward cancellation and the outcome to upload, which the caller handles
    @SuppressWarnings("FutureReturnValueIgnored")
    private void readAndSend(SessionJournal.Pending q, CompletableFuture<Boolean> upload) {
        if (upload.isDone()) {
            return; // cancelled by close()
        }
        JournalEntry e;
        try {
            e = journal.read(q);
        } catch (IOException | RuntimeException unreadable) {
            upload.complete(false); // read again (and rejected if damaged) when it is the head
            return;
        }
        CompletableFuture<?> call;
        try {
            call = client.frames()
                    .upload(
                            journal.sessionId(),
                            FrameUpload.of(e.info().frameSeq(), e.capturedAt(), e.contentType(), e.payload()))
                    .withOptions(RequestOptions.idempotencyKey(e.idempotencyKey()))
                    .executeAsync();
        } catch (RuntimeException failed) {
            upload.completeExceptionally(failed);
            return;
        }
        upload.whenComplete((v, x) -> {
            if (upload.isCancelled()) {
                call.cancel(true);
            }
        });
        call.whenComplete((v, x) -> {
            if (x == null) {
                upload.complete(true);
            } else {
                upload.completeExceptionally(
                        x instanceof CompletionException && x.getCause() != null ? x.getCause() : x);
            }
        });
    }

    private synchronized ExecutorService reader() {
        if (readerStopped) {
            throw new RejectedExecutionException("the uploader is closed");
        }
        if (reader == null) {
            reader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "recorder-upload-read-" + journal.sessionId());
                t.setDaemon(true);
                return t;
            });
        }
        return reader;
    }

    private synchronized void stopReader() {
        readerStopped = true;
        if (reader != null) {
            reader.shutdownNow();
        }
    }

    /** A frame upload started ahead of its turn, with what the journal said of it. */
    private record InFlight(EntryInfo info, CompletableFuture<Boolean> upload) {}

    private static boolean join(CompletableFuture<Boolean> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void finish(boolean acknowledged) {
        events.drained(journal.sessionId(), acknowledged);
        completion.complete(acknowledged);
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void rejectQuietly(
            SessionJournal.Pending p, EntryInfo info, int status, String code, String message, String requestId) {
        try {
            events.rejected(journal.reject(p, info, status, code, message, requestId));
        } catch (IOException e) {
            LOG.error(
                    "Cannot move entry {} of {} to the rejected list: {}",
                    p.index(),
                    journal.sessionId(),
                    e.toString());
            pause(maxBackoff.toMillis());
        }
    }

    static boolean isTransient(ApiException e) {
        if (e instanceof ApiConnectionException
                || e instanceof ServerException
                || e instanceof RateLimitException
                || e instanceof AuthenticationException
                || e instanceof PermissionException) {
            return true;
        }
        int s = e.httpStatus();
        return s == 0 || s == 408 || s == 429 || s >= 500 || "idempotency_key_in_use".equals(e.code());
    }

    private void send(JournalEntry e) throws IOException {
        RequestOptions opts = RequestOptions.idempotencyKey(e.idempotencyKey());
        String id = journal.sessionId();
        switch (e.info().kind()) {
            case FRAME ->
                client.frames()
                        .upload(id, FrameUpload.of(e.info().frameSeq(), e.capturedAt(), e.contentType(), e.payload()))
                        .withOptions(opts)
                        .execute();
            case EVENTS ->
                client.events()
                        .append(id, SessionJournal.events(e))
                        .withOptions(opts)
                        .execute();
            case TAG ->
                client.sessions()
                        .tag(
                                id,
                                e.payload().length == 0
                                        ? TagRequest.of(e.info().tagName())
                                        : TagRequest.ofJson(
                                                e.info().tagName(), new String(e.payload(), StandardCharsets.UTF_8)))
                        .withOptions(opts)
                        .execute();
            case STOP -> client.sessions().stop(id).withOptions(opts).execute();
            default ->
                throw new IllegalStateException("unknown entry kind " + e.info().kind());
        }
    }
}
