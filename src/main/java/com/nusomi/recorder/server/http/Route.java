package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.StoreReader;
import com.nusomi.recorder.server.store.StoreWriter;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One endpoint: method, path pattern ({@code /v1/sessions/{id}}), the scope it needs, the query parameters it
 * accepts, what body it takes, and its handler. Read handlers run in a read transaction, or, for the requests that
 * {@code oneStatement} accepts (null: none), outside one ({@code Store.readOne}): their handler runs one statement at
 * most. Write handlers run in the writer's transaction, together with the idempotency record of their response.
 */
public record Route(
        String method,
        String pattern,
        String scope,
        Set<String> queryParams,
        Body body,
        ReadHandler reader,
        WriteHandler writer,
        Predicate<ApiRequest> oneStatement) {

    /** What the endpoint takes as a request body. */
    public enum Body {
        /** No body, or an empty JSON object. */
        NONE,
        /** A JSON object of at most 1 MiB. */
        JSON,
        /** A JSON object that may carry {@code idempotency_key} (create). */
        JSON_WITH_IDEMPOTENCY_KEY,
        /** Raw bytes of at most 10 MiB (frame images). */
        BINARY,
        /**
         * A zip of at most 4 GiB (a run bundle), spooled to a file as it arrives, never held in memory: the handler
         * finds it in {@link ApiRequest#bodyFile()}.
         */
        ZIP
    }

    /** The largest JSON body, and the largest unread body the server reads and discards to keep a connection. */
    public static final long JSON_LIMIT = 1024L * 1024;

    public static final long BINARY_LIMIT = 10L * 1024 * 1024;

    /** The largest zip body (a run bundle). */
    public static final long ZIP_LIMIT = 4L * 1024 * 1024 * 1024;

    @FunctionalInterface
    public interface ReadHandler {
        ApiResponse handle(ApiRequest request, StoreReader tx);
    }

    @FunctionalInterface
    public interface WriteHandler {
        ApiResponse handle(ApiRequest request, StoreWriter tx);
    }

    /**
     * A write handler with slow work that needs no lock (writing a frame's file): {@link #stage} runs before the
     * writer's transaction, {@link #handle(ApiRequest, StoreWriter, Object)} inside it, {@link #unstage} after it
     * whatever came of it. A caller that knows nothing of stages gets all three inside the transaction.
     */
    public interface StagedWriteHandler<S> extends WriteHandler {
        /** Outside the writer's lock; must not decide anything the transaction has to check. */
        S stage(ApiRequest request);

        ApiResponse handle(ApiRequest request, StoreWriter tx, S staged);

        /** After the transaction, committed or not: undoes what the transaction did not take over. */
        void unstage(S staged);

        @Override
        default ApiResponse handle(ApiRequest request, StoreWriter tx) {
            S staged = stage(request);
            try {
                return handle(request, tx, staged);
            } finally {
                unstage(staged);
            }
        }
    }

    public static Route read(
            String method, String pattern, String scope, Set<String> queryParams, ReadHandler handler) {
        return new Route(method, pattern, scope, queryParams, Body.NONE, handler, null, null);
    }

    /**
     * A read whose handler runs one statement at most for the requests {@code oneStatementWhen} accepts (no
     * transaction around it), and several, in a transaction, for the others.
     */
    public static Route read(
            String method,
            String pattern,
            String scope,
            Set<String> queryParams,
            Predicate<ApiRequest> oneStatementWhen,
            ReadHandler handler) {
        return new Route(method, pattern, scope, queryParams, Body.NONE, handler, null, oneStatementWhen);
    }

    public static Route write(
            String method, String pattern, String scope, Set<String> queryParams, Body body, WriteHandler handler) {
        return new Route(method, pattern, scope, queryParams, body, null, handler, null);
    }

    /** Whether this read's handler runs one statement at most for this request. */
    public boolean isOneStatement(ApiRequest request) {
        return oneStatement != null && oneStatement.test(request);
    }

    /** For reads that always run one statement at most. */
    public static boolean always(ApiRequest request) {
        return true;
    }

    public boolean isWrite() {
        return writer != null;
    }

    public long bodyLimit() {
        return switch (body) {
            case BINARY -> BINARY_LIMIT;
            case ZIP -> ZIP_LIMIT;
            default -> JSON_LIMIT;
        };
    }
}
