package com.nusomi.recorder.client;

import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.internal.Operation;
import com.nusomi.recorder.client.internal.Transport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * One API operation, ready to run: every operation of the client's services returns one, and nothing is sent
 * until it is executed. Run it on the calling thread ({@link #execute()}) or on the client's threads
 * ({@link #executeAsync()}); get the value and an exception on failure, or an {@link ApiResult} that holds either
 * ({@link #executeForResult()}, {@link #executeAsyncForResult()}); give it per-call options with
 * {@link #withOptions(RequestOptions)}.
 *
 * <pre>{@code
 * Session s = client.sessions().start(id).execute();
 * client.sessions().stop(id).withOptions(RequestOptions.idempotencyKey(key)).executeAsync();
 * ApiResult<Tag> r = client.sessions().tag(id, TagRequest.of("approved")).executeForResult();
 * }</pre>
 *
 * Immutable and thread-safe. Each execution sends the request anew (retrying as the client's {@link RetryPolicy}
 * says); a POST sends the {@code Idempotency-Key} of its options, or else a new UUID per execution, the same on
 * every retry of that execution. Failures are unchecked {@link ApiException}s; a cancelled call throws a
 * {@link java.util.concurrent.CancellationException} and a closed client an {@link IllegalStateException}, in
 * every form of execution.
 *
 * @param <T> the decoded response
 */
public final class ApiCall<T> {
    private final Transport transport;
    private final Operation<T> operation;
    private final UnaryOperator<RequestOptions> completeOptions;
    private final RequestOptions options;

    ApiCall(Transport transport, Operation<T> operation) {
        this(transport, operation, UnaryOperator.identity(), RequestOptions.NONE);
    }

    /**
     * @param completeOptions fills in what the operation itself implies (the create call's body key doubles as
     *                        its header) into the options given
     */
    ApiCall(
            Transport transport,
            Operation<T> operation,
            UnaryOperator<RequestOptions> completeOptions,
            RequestOptions options) {
        this.transport = transport;
        this.operation = operation;
        this.completeOptions = completeOptions;
        this.options = options;
    }

    /**
     * The same call with these options (replacing any given before): the idempotency key to send, a whole-call
     * timeout of each attempt, a maximum number of attempts. This call is left unchanged.
     */
    public ApiCall<T> withOptions(RequestOptions options) {
        return new ApiCall<>(transport, operation, completeOptions, Objects.requireNonNull(options, "options"));
    }

    /** The per-call options given ({@link RequestOptions#NONE} unless {@link #withOptions} was used). */
    public RequestOptions options() {
        return options;
    }

    /**
     * Sends the request on the calling thread and returns the decoded response.
     *
     * @throws ApiException if the server refused the call, could not be reached, or sent what cannot be read
     *                      (the subclass says which)
     */
    public T execute() {
        return transport.execute(operation, effectiveOptions(), ApiResult::value, failure -> {
            throw failure;
        });
    }

    /**
     * Sends the request on the client's threads. The future completes with the decoded response, or
     * exceptionally with the same {@link ApiException} that {@link #execute()} would throw. Cancelling the
     * future cancels the HTTP call in flight and any retry still to come.
     */
    public CompletableFuture<T> executeAsync() {
        return transport.executeAsync(operation, effectiveOptions(), ApiResult::value, failure -> {
            throw failure;
        });
    }

    /**
     * Sends the request on the calling thread and returns the response with the facts of the call (request id,
     * idempotency key, attempts, replay). An {@link ApiException} is not thrown but returned as a failed result
     * ({@link ApiResult#failure()}) with the same facts.
     */
    public ApiResult<T> executeForResult() {
        return transport.execute(operation, effectiveOptions(), result -> result, ApiResult::failed);
    }

    /**
     * {@link #executeForResult()} on the client's threads: the future completes with the result, a failed one
     * for an {@link ApiException}. Cancelling the future cancels the HTTP call in flight and any retry to come.
     */
    public CompletableFuture<ApiResult<T>> executeAsyncForResult() {
        return transport.executeAsync(operation, effectiveOptions(), result -> result, ApiResult::failed);
    }

    private RequestOptions effectiveOptions() {
        return completeOptions.apply(options);
    }

    /** The method and target, e.g. {@code ApiCall{POST /v1/sessions/ses_1/stop}}. */
    @Override
    public String toString() {
        return "ApiCall{" + operation.method() + " " + operation.target() + "}";
    }
}
