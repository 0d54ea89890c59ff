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
import java.util.List;

/**
 * The sessions of the API ({@code /v1/sessions}): create, start, tag and stop them, read and list them, delete,
 * restore and batch-stop them. Obtained from {@link SessionsClient#sessions()}. Each operation returns an
 * {@link ApiCall} that nothing sends until it is executed; {@link #listAll} returns an auto-paging iterable.
 */
public final class SessionService {
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

    /** Stops up to 1,000 sessions ({@code POST /v1/sessions:batch_stop}); each id succeeds or fails on its own. */
    public ApiCall<BatchStopResult> batchStop(List<String> ids) {
        return new ApiCall<>(transport, endpoints.batchStop(ids));
    }
}
