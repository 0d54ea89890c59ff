package com.nusomi.recorder.client.internal;

import com.nusomi.recorder.client.ApiResult;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.RetryPolicy;
import com.nusomi.recorder.client.exception.ApiConnectionException;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.ErrorInfo;
import com.nusomi.recorder.client.exception.MalformedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends operations over one shared {@link OkHttpClient}: auth and User-Agent headers, an
 * {@code Idempotency-Key} on every POST (the same on every retry), retries with backoff, and the mapping of
 * failures to {@link ApiException}s. Async calls run on the given executor and are cancelled with their future.
 */
public final class Transport {
    private static final Logger log = LoggerFactory.getLogger("com.nusomi.recorder.client");

    private final OkHttpClient http;
    private final String apiKey;
    private final String userAgent;
    private final RetryPolicy retry;
    private final ExecutorService executor;
    private volatile boolean closed;

    public Transport(OkHttpClient http, String apiKey, String userAgent, RetryPolicy retry, ExecutorService executor) {
        this.http = http;
        this.apiKey = apiKey;
        this.userAgent = userAgent;
        this.retry = retry;
        this.executor = executor;
    }

    /**
     * Runs the call on the calling thread and turns its outcome into a value: {@code onSuccess} for a response
     * decoded, {@code onFailure} for an {@link ApiException} (which may rethrow it).
     */
    public <T, R> R execute(
            Operation<T> op,
            RequestOptions options,
            Function<ApiResult<T>, R> onSuccess,
            Function<ApiException, R> onFailure) {
        return settle(op, options == null ? RequestOptions.NONE : options, new CallContext(), onSuccess, onFailure);
    }

    /**
     * Runs the call on the executor, the outcome turned into a value as by {@link #execute}. Cancelling the
     * returned future cancels the HTTP call in flight and any retry still to come.
     */
    // the whenComplete callback only forwards cancellation; the returned future carries the outcome
    @SuppressWarnings("FutureReturnValueIgnored")
    public <T, R> CompletableFuture<R> executeAsync(
            Operation<T> op,
            RequestOptions options,
            Function<ApiResult<T>, R> onSuccess,
            Function<ApiException, R> onFailure) {
        RequestOptions opts = options == null ? RequestOptions.NONE : options;
        CallContext ctx = new CallContext();
        CompletableFuture<R> future = new CompletableFuture<>();
        future.whenComplete((v, e) -> {
            if (future.isCancelled()) {
                ctx.cancel();
            }
        });
        try {
            executor.execute(new AsyncCall(future, () -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    future.complete(settle(op, opts, ctx, onSuccess, onFailure));
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            }));
        } catch (RejectedExecutionException rejected) {
            future.completeExceptionally(new IllegalStateException("the client is closed", rejected));
        }
        return future;
    }

    /** Stops the async threads; calls not yet started fail with an IllegalStateException, none is retried. */
    public void close() {
        closed = true;
        for (Runnable pending : executor.shutdownNow()) {
            if (pending instanceof AsyncCall call) {
                call.future.completeExceptionally(new IllegalStateException("the client was closed"));
            }
        }
    }

    /** An async call waiting for a thread, so that close() can fail its future. */
    private record AsyncCall(CompletableFuture<?> future, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    private <T, R> R settle(
            Operation<T> op,
            RequestOptions opts,
            CallContext ctx,
            Function<ApiResult<T>, R> onSuccess,
            Function<ApiException, R> onFailure) {
        ApiResult<T> result;
        try {
            result = run(op, opts, ctx);
        } catch (ApiException failure) {
            return onFailure.apply(failure);
        }
        return onSuccess.apply(result);
    }

    private <T> ApiResult<T> run(Operation<T> op, RequestOptions opts, CallContext ctx) {
        String idempotencyKey = op.isPost()
                ? (opts.idempotencyKey() != null
                        ? opts.idempotencyKey()
                        : UUID.randomUUID().toString())
                : null;
        int maxAttempts = opts.maxAttempts() != null ? opts.maxAttempts() : retry.maxAttempts();
        long deadline = System.nanoTime() + retry.totalBudget().toNanos();
        Request request = buildRequest(op, idempotencyKey);
        for (int attempt = 1; ; attempt++) {
            if (ctx.isCancelled()) {
                throw new CancellationException("cancelled");
            }
            if (closed) {
                throw new IllegalStateException("the client is closed");
            }
            Call call = http.newCall(request);
            if (opts.timeout() != null) {
                call.timeout().timeout(opts.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            ctx.attach(call);
            long started = System.nanoTime();
            ApiException failure;
            boolean retryable;
            Duration retryAfter = null;
            try (Response response = call.execute()) {
                byte[] body = readBody(response);
                int status = response.code();
                String requestId = response.header("Request-Id");
                if (log.isDebugEnabled()) {
                    log.debug(
                            "{} {} -> {} in {} ms (request_id {}, attempt {})",
                            op.method(),
                            op.target(),
                            status,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                            requestId,
                            attempt);
                }
                if (response.isSuccessful()) {
                    return new ApiResult<>(
                            decode(op, response, body, idempotencyKey, attempt),
                            status,
                            requestId,
                            idempotencyKey,
                            attempt,
                            "true".equalsIgnoreCase(response.header("Idempotent-Replayed")));
                }
                ErrorMapper.ErrorResponse error = ErrorMapper.parse(status, response.headers(), body);
                failure = ErrorMapper.toException(error, op, idempotencyKey, attempt, apiKey);
                retryable = error.retryable();
                retryAfter = error.retryAfter();
            } catch (IOException e) {
                if (ctx.isCancelled()) { // a call timeout also cancels the call, but is a failure to report
                    throw (CancellationException) new CancellationException("cancelled").initCause(e);
                }
                failure = new ApiConnectionException(
                        new ErrorInfo(
                                0,
                                null,
                                null,
                                null,
                                null,
                                null,
                                idempotencyKey,
                                attempt,
                                op.method(),
                                op.url().encodedPath()),
                        e);
                retryable = true;
                log.debug("{} {} failed on attempt {}: {}", op.method(), op.target(), attempt, e.toString());
            }
            if (!retryable || attempt >= maxAttempts || closed) {
                if (retryable && attempt > 1) {
                    log.warn(
                            "Giving up on {} {} after {} attempts: {}",
                            op.method(),
                            op.target(),
                            attempt,
                            failure.getMessage());
                }
                throw failure;
            }
            Duration delay = retry.delayBeforeRetry(
                    attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
            if (System.nanoTime() + delay.toNanos() > deadline) {
                log.warn(
                        "Giving up on {} {}: the retry budget of {} is spent: {}",
                        op.method(),
                        op.target(),
                        retry.totalBudget(),
                        failure.getMessage());
                throw failure;
            }
            log.info(
                    "Retrying {} {} in {} ms (attempt {} failed: {})",
                    op.method(),
                    op.target(),
                    delay.toMillis(),
                    attempt,
                    failure.getMessage());
            try {
                if (ctx.sleep(delay)) {
                    throw new CancellationException("cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw (CancellationException) new CancellationException("interrupted").initCause(e);
            }
        }
    }

    private Request buildRequest(Operation<?> op, String idempotencyKey) {
        Request.Builder b = new Request.Builder()
                .url(op.url())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        if (op.authenticated() && apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        RequestBody body = null;
        if (op.fileBody() != null) {
            body = new FileRequestBody(op.fileBody(), op.contentType());
        } else if (op.body() != null) {
            body = RequestBody.create(op.body(), op.contentType());
        } else if (op.isPost()) {
            body = RequestBody.create(new byte[0], null);
        }
        return b.method(op.method(), body).build();
    }

    private static byte[] readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? new byte[0] : body.bytes();
    }

    private <T> T decode(Operation<T> op, Response response, byte[] body, String idempotencyKey, int attempt) {
        try {
            T value = op.decoder().decode(response.code(), response.headers(), body);
            if (value == null) {
                throw new IOException("empty response body");
            }
            return value;
        } catch (Exception e) {
            ErrorInfo info = new ErrorInfo(
                    response.code(),
                    null,
                    null,
                    null,
                    "The server sent a response the client cannot read ("
                            + e.getClass().getSimpleName() + ": " + Secrets.scrub(firstLine(e.getMessage()), apiKey)
                            + ")",
                    response.header("Request-Id"),
                    idempotencyKey,
                    attempt,
                    op.method(),
                    op.url().encodedPath());
            throw new MalformedResponseException(info, e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
