package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.HardDeleteResult;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The sessions of the API ({@code /v1/sessions}): create, start, tag and stop them, read and list them, delete,
 * restore and batch-stop them, import a run bundle. Obtained from {@link SessionsClient#sessions()}. Each operation returns an
 * {@link ApiCall} that nothing sends until it is executed; {@link #listAll} returns an auto-paging iterable.
 */
public final class SessionService {
    /** How long one attempt of an import may take unless the call's options say otherwise (a bundle of GiBs). */
    static final Duration IMPORT_TIMEOUT = Duration.ofHours(1);

    private final Transport transport;
    private final Endpoints endpoints;

    SessionService(Transport transport, Endpoints endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    /**
     * Creates a session ({@code POST /v1/sessions}), started at once if the request says so. The request's
     * idempotency key, if any, is also sent as the {@code Idempotency-Key} header unless the call's options give
     * one.
     */
    public ApiCall<Session> create(CreateSessionRequest request) {
        return new ApiCall<>(
                transport, endpoints.create(request), o -> Endpoints.createOptions(request, o), RequestOptions.NONE);
    }

    /** Starts recording ({@code POST /v1/sessions/{id}/start}); a session already recording is returned unchanged. */
    public ApiCall<Session> start(String id) {
        return new ApiCall<>(transport, endpoints.start(id));
    }

    /**
     * Stops a session ({@code POST /v1/sessions/{id}/stop}); idempotent: a stopped or sealed one is returned
     * unchanged.
     */
    public ApiCall<Session> stop(String id) {
        return new ApiCall<>(transport, endpoints.stop(id));
    }

    /** Adds a tag ({@code POST /v1/sessions/{id}/tags}), in any status. */
    public ApiCall<Tag> tag(String id, TagRequest tag) {
        return new ApiCall<>(transport, endpoints.tag(id, tag));
    }

    /** Reads a session ({@code GET /v1/sessions/{id}}), embedding what {@code includes} asks for. */
    public ApiCall<Session> get(String id, Include... includes) {
        return new ApiCall<>(transport, endpoints.get(id, includes));
    }

    /** Reads one page of the sessions matching the query, newest first ({@code GET /v1/sessions}). */
    public ApiCall<Page<Session>> list(SessionQuery query) {
        return new ApiCall<>(transport, endpoints.list(query));
    }

    /**
     * Every session matching the query, newest first, fetched lazily page by page (from the query's cursor, if
     * any) with the client's default options.
     */
    public PagedIterable<Session> listAll(SessionQuery query) {
        return new PagedIterable<>(
                query.cursor(), cursor -> list(query.withCursor(cursor)).execute());
    }

    /**
     * Soft-deletes a session ({@code DELETE /v1/sessions/{id}}), stopping it first if recording; it can be
     * restored for 30 days.
     */
    public ApiCall<Session> delete(String id) {
        return new ApiCall<>(transport, endpoints.delete(id));
    }

    /** Purges a session at once ({@code DELETE /v1/sessions/{id}?hard=true}); needs the admin scope. */
    public ApiCall<HardDeleteResult> deleteHard(String id) {
        return new ApiCall<>(transport, endpoints.deleteHard(id));
    }

    /** Brings back a soft-deleted session ({@code POST /v1/sessions/{id}/restore}) [ext]. */
    public ApiCall<Session> restore(String id) {
        return new ApiCall<>(transport, endpoints.restore(id));
    }

    /**
     * Imports a run bundle ({@code POST /v1/sessions:import}) [ext]: the file is streamed as it is read, never held
     * in memory. The server checks every file against the bundle's manifest before it changes anything (a bad
     * bundle is an {@link com.nusomi.recorder.client.exception.InvalidRequestException} with code
     * {@code bundle_invalid} whose {@code param} names the first file that does not match); it answers with a new
     * sealed session carrying {@link Session#importedFrom()} (201), or, for a bundle it imported before, that
     * session (200: see {@link ApiResult#httpStatus()}). A server without the extension answers with a
     * {@link com.nusomi.recorder.client.exception.NotSupportedException}. Each attempt may take up to an hour unless
     * the call's options say otherwise; {@code progress} hears of every chunk sent.
     *
     * <pre>{@code
     * Session imported = client.sessions().importBundle(Path.of("run.zip"), (sent, total) -> {}).execute();
     * }</pre>
     */
    public ApiCall<Session> importBundle(Path bundle, UploadProgress progress) {
        Objects.requireNonNull(bundle, "bundle");
        return new ApiCall<>(
                transport,
                endpoints.importBundle(bundle, progress == null ? UploadProgress.NONE : progress),
                o -> o.timeout() == null ? o.withTimeout(IMPORT_TIMEOUT) : o,
                RequestOptions.NONE);
    }

    /** Imports a run bundle, reporting no progress: see {@link #importBundle(Path, UploadProgress)}. */
    public ApiCall<Session> importBundle(Path bundle) {
        return importBundle(bundle, UploadProgress.NONE);
    }

    /** Stops up to 1,000 sessions ({@code POST /v1/sessions:batch_stop}); each id succeeds or fails on its own. */
    public ApiCall<BatchStopResult> batchStop(List<String> ids) {
        return new ApiCall<>(transport, endpoints.batchStop(ids));
    }
}
