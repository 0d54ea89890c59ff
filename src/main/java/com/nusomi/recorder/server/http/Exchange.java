package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.StoreUnavailableException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way through {@link HttpFrontend}: answered exactly once, its idempotency slot released once it
 * is. It decides how the answer leaves: kept alive, or with {@code Connection: close} after dropping a body nobody
 * read, and streamed or whole; a failure becomes the contract's error shape, logged without its request's data.
 */
final class Exchange {
    /** The front end's logger: an exchange logs as the front end it belongs to. */
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
    /** Write buffer of a streamed answer: what goes out in one chunk. */
    private static final int STREAM_BUFFER = 64 * 1024;

    private static final int MAX_LOGGED_CAUSE = 300;
    /** At most this much of a body nobody read is dropped after the answer, before the connection closes. */
    private static final long UNREAD_BODY_DRAINED = 1024 * 1024;

    final Request request;
    final String requestId;
    private final Response out;
    private final Callback callback;
    private final Idempotency idempotency;
    private final HttpFrontend.Options options;
    private final BooleanSupplier draining;
    private final long started = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    volatile String slot;
    /** The whole body was read: the connection can carry the client's next request. */
    volatile boolean bodyRead;
    /** Reading the body began (whether it ended or not). */
    volatile boolean bodyStarted;

    Exchange(
            Request request,
            Response out,
            Callback callback,
            String requestId,
            Idempotency idempotency,
            HttpFrontend.Options options,
            BooleanSupplier draining) {
        this.request = request;
        this.out = out;
        this.callback = callback;
        this.requestId = requestId;
        this.idempotency = idempotency;
        this.options = options;
        this.draining = draining;
    }

    /** Runs the work that makes the answer (on a thread that may block), and answers. */
    void run(Supplier<ApiResponse> work) {
        try {
            answer(work.get());
        } catch (ApiException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            crash(e);
        }
    }

    void fail(ApiException e) {
        answer(ErrorBody.response(e, requestId));
    }

    void crash(Throwable e) {
        if (e instanceof StoreUnavailableException) {
            LOG.warn(
                    "request {} {} {}: the store is unavailable: {}",
                    requestId,
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    describe(e));
            answer(ErrorBody.response(
                    ApiException.unavailable("the server cannot reach its database just now; retry later"), requestId));
            return;
        }
        LOG.error(
                "request {} {} {} failed: {}",
                requestId,
                request.getMethod(),
                request.getHttpURI().getPath(),
                describe(e));
        LOG.debug("request {} failed", requestId, e);
        answer(ErrorBody.response(ApiException.internal(), requestId));
    }

    void answer(ApiResponse response) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        String s = slot;
        if (s != null) {
            idempotency.release(s);
        }
        // A body not read, in part or at all, is not read for the answer: the answer goes first, then the
        // connection closes (after dropping what still arrives, see drainThen).
        boolean close = !bodyRead && Bodies.announced(request.getHeaders());
        send(response, close);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} {} -> {} in {} µs",
                    requestId,
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    response.status(),
                    (System.nanoTime() - started) / 1000);
        }
    }

    private void send(ApiResponse response, boolean close) {
        Callback callback = close && !bodyStarted ? drainThen(this.callback) : this.callback;
        HttpFields.Mutable headers = out.getHeaders();
        out.setStatus(response.status());
        HttpFrontend.commonHeaders(headers, response.contentType(), requestId);
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            headers.put(h.getKey(), h.getValue());
        }
        if (close || draining.getAsBoolean()) {
            // A draining server sends each client's next request to a new connection: through the balancer, to
            // another server.
            headers.put("Connection", "close");
        } else {
            headers.put("Keep-Alive", "timeout=" + options.advertisedKeepAliveSeconds());
        }
        boolean head = "HEAD".equals(request.getMethod());
        if (response.isStreamed() && !head) {
            stream(response, callback);
            return;
        }
        byte[] body = response.body();
        headers.put("Content-Length", Long.toString(body.length));
        if (head || body.length == 0) {
            out.write(true, null, callback);
        } else {
            out.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /**
     * Once the answer is out, drops the body nobody read (up to {@link #UNREAD_BODY_DRAINED} bytes, at the body
     * pace rules, holding no thread), then lets the connection close: the client has its whole answer before
     * the close, and no unread bytes make the kernel reset the connection under it.
     */
    private Callback drainThen(Callback done) {
        return Callback.from(
                () -> BodyReader.discard(
                        request,
                        UNREAD_BODY_DRAINED,
                        options.bodyLimits(request.getComponents().getScheduler()),
                        done::succeeded),
                done::failed);
    }

    /**
     * Writes a streamed answer as it is produced (chunked), blocking this thread while the client reads. A
     * failure before anything went out still becomes a 500 in the error shape; after that, the connection is
     * cut, so that the client sees a broken answer rather than a short one.
     */
    private void stream(ApiResponse response, Callback callback) {
        OutputStream body = new BufferedOutputStream(Content.Sink.asOutputStream(out), STREAM_BUFFER);
        try {
            response.streamed().writeTo(body);
            body.close();
        } catch (Exception | Error e) {
            if (e instanceof IOException) {
                // Most often the client went away; nothing the server did wrong.
                LOG.debug("request {}: the answer could not be sent: {}", requestId, describe(e));
            } else {
                LOG.error(
                        "request {} {} {} failed while streaming its answer: {}",
                        requestId,
                        request.getMethod(),
                        request.getHttpURI().getPath(),
                        describe(e));
                LOG.debug("request {} failed", requestId, e);
            }
            if (!out.isCommitted()) {
                byte[] error = ErrorBody.of(ApiException.internal(), requestId);
                out.setStatus(500);
                out.getHeaders().put("Content-Length", Long.toString(error.length));
                out.write(true, ByteBuffer.wrap(error), callback);
            } else {
                callback.failed(e);
            }
            return;
        }
        callback.succeeded();
    }

    /** One line for a failure: its class and message, and those of its causes, each cut short. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            String message = String.valueOf(t.getMessage()).replaceAll("\\s+", " ");
            if (message.length() > MAX_LOGGED_CAUSE) {
                message = message.substring(0, MAX_LOGGED_CAUSE) + "…";
            }
            sb.append(t.getClass().getSimpleName()).append(": ").append(message);
        }
        return sb.toString();
    }
}
