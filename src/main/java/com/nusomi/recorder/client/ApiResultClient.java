package com.nusomi.recorder.client;
import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.HardDeleteResult;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The same calls as {@link SessionsClient}, returning each value wrapped in an {@link ApiResult} with the
 * request id, idempotency key, attempt count and replay flag. Obtained from {@link SessionsClient#withResults()}.
 * Async variants: cancelling the future cancels the HTTP call.
 */
public final class ApiResultClient {
    private final Transport transport;
    private final Endpoints endpoints;

    ApiResultClient(Transport transport, Endpoints endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    /** Creates a session ({@code POST /v1/sessions}). */
    public ApiResult<Session> create(CreateSessionRequest request, RequestOptions options) {
        return transport.execute(endpoints.create(request), Endpoints.createOptions(request, options));
    }

    public ApiResult<Session> create(CreateSessionRequest request) {
        return create(request, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Session>> createAsync(CreateSessionRequest request, RequestOptions options) {
        return transport.executeAsync(endpoints.create(request), Endpoints.createOptions(request, options), r -> r);
    }

    public CompletableFuture<ApiResult<Session>> createAsync(CreateSessionRequest request) {
        return createAsync(request, RequestOptions.NONE);
    }

    /** Starts recording; a session already recording is returned unchanged. */
    public ApiResult<Session> start(String id, RequestOptions options) {
        return transport.execute(endpoints.start(id), options);
    }

    public ApiResult<Session> start(String id) {
        return start(id, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Session>> startAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.start(id), options, r -> r);
    }

    public CompletableFuture<ApiResult<Session>> startAsync(String id) {
        return startAsync(id, RequestOptions.NONE);
    }

    /** Stops a session; idempotent (a stopped or sealed one is returned unchanged). */
    public ApiResult<Session> stop(String id, RequestOptions options) {
        return transport.execute(endpoints.stop(id), options);
    }

    public ApiResult<Session> stop(String id) {
        return stop(id, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Session>> stopAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.stop(id), options, r -> r);
    }

    public CompletableFuture<ApiResult<Session>> stopAsync(String id) {
        return stopAsync(id, RequestOptions.NONE);
    }

    /** Adds a tag, in any status. */
    public ApiResult<Tag> tag(String id, TagRequest tag, RequestOptions options) {
        return transport.execute(endpoints.tag(id, tag), options);
    }

    public ApiResult<Tag> tag(String id, TagRequest tag) {
        return tag(id, tag, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Tag>> tagAsync(String id, TagRequest tag, RequestOptions options) {
        return transport.executeAsync(endpoints.tag(id, tag), options, r -> r);
    }

    public CompletableFuture<ApiResult<Tag>> tagAsync(String id, TagRequest tag) {
        return tagAsync(id, tag, RequestOptions.NONE);
    }

    /** Reads a session, embedding what {@code includes} asks for. */
    public ApiResult<Session> get(String id, RequestOptions options, Include... includes) {
        return transport.execute(endpoints.get(id, includes), options);
    }

    public ApiResult<Session> get(String id, Include... includes) {
        return get(id, RequestOptions.NONE, includes);
    }

    public CompletableFuture<ApiResult<Session>> getAsync(String id, RequestOptions options, Include... includes) {
        return transport.executeAsync(endpoints.get(id, includes), options, r -> r);
    }

    public CompletableFuture<ApiResult<Session>> getAsync(String id, Include... includes) {
        return getAsync(id, RequestOptions.NONE, includes);
    }

    /** Reads one page of sessions, newest first. */
    public ApiResult<Page<Session>> list(SessionQuery query, RequestOptions options) {
        return transport.execute(endpoints.list(query), options);
    }

    public ApiResult<Page<Session>> list(SessionQuery query) {
        return list(query, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Page<Session>>> listAsync(SessionQuery query, RequestOptions options) {
        return transport.executeAsync(endpoints.list(query), options, r -> r);
    }

    public CompletableFuture<ApiResult<Page<Session>>> listAsync(SessionQuery query) {
        return listAsync(query, RequestOptions.NONE);
    }

    /** Soft-deletes a session (stopping it first if recording); it can be restored for 30 days. */
    public ApiResult<Session> delete(String id, RequestOptions options) {
        return transport.execute(endpoints.delete(id), options);
    }

    public ApiResult<Session> delete(String id) {
        return delete(id, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Session>> deleteAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.delete(id), options, r -> r);
    }

    public CompletableFuture<ApiResult<Session>> deleteAsync(String id) {
        return deleteAsync(id, RequestOptions.NONE);
    }

    /** Purges a session at once; needs the admin scope. */
    public ApiResult<HardDeleteResult> deleteHard(String id, RequestOptions options) {
        return transport.execute(endpoints.deleteHard(id), options);
    }

    public ApiResult<HardDeleteResult> deleteHard(String id) {
        return deleteHard(id, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<HardDeleteResult>> deleteHardAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.deleteHard(id), options, r -> r);
    }

    public CompletableFuture<ApiResult<HardDeleteResult>> deleteHardAsync(String id) {
        return deleteHardAsync(id, RequestOptions.NONE);
    }

    /** Brings back a soft-deleted session [ext]. */
    public ApiResult<Session> restore(String id, RequestOptions options) {
        return transport.execute(endpoints.restore(id), options);
    }

    public ApiResult<Session> restore(String id) {
        return restore(id, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Session>> restoreAsync(String id, RequestOptions options) {
        return transport.executeAsync(endpoints.restore(id), options, r -> r);
    }

    public CompletableFuture<ApiResult<Session>> restoreAsync(String id) {
        return restoreAsync(id, RequestOptions.NONE);
    }

    /** Stops up to 1,000 sessions; each id succeeds or fails on its own. */
    public ApiResult<BatchStopResult> batchStop(List<String> ids, RequestOptions options) {
        return transport.execute(endpoints.batchStop(ids), options);
    }

    public ApiResult<BatchStopResult> batchStop(List<String> ids) {
        return batchStop(ids, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<BatchStopResult>> batchStopAsync(List<String> ids, RequestOptions options) {
        return transport.executeAsync(endpoints.batchStop(ids), options, r -> r);
    }

    public CompletableFuture<ApiResult<BatchStopResult>> batchStopAsync(List<String> ids) {
        return batchStopAsync(ids, RequestOptions.NONE);
    }

    /** Reads one page of the audit log, newest first; needs the admin scope [ext]. */
    public ApiResult<Page<AuditLogEntry>> listAuditLogs(AuditLogQuery query, RequestOptions options) {
        return transport.execute(endpoints.auditLogs(query), options);
    }

    public ApiResult<Page<AuditLogEntry>> listAuditLogs(AuditLogQuery query) {
        return listAuditLogs(query, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Page<AuditLogEntry>>> listAuditLogsAsync(AuditLogQuery query, RequestOptions options) {
        return transport.executeAsync(endpoints.auditLogs(query), options, r -> r);
    }

    public CompletableFuture<ApiResult<Page<AuditLogEntry>>> listAuditLogsAsync(AuditLogQuery query) {
        return listAuditLogsAsync(query, RequestOptions.NONE);
    }

    /** Checks the server; needs no API key [ext]. */
    public ApiResult<Health> health(RequestOptions options) {
        return transport.execute(endpoints.health(), options);
    }

    public ApiResult<Health> health() {
        return health(RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Health>> healthAsync(RequestOptions options) {
        return transport.executeAsync(endpoints.health(), options, r -> r);
    }

    public CompletableFuture<ApiResult<Health>> healthAsync() {
        return healthAsync(RequestOptions.NONE);
    }

    /** Uploads one frame image while the session is recording [ext]. */
    public ApiResult<Frame> uploadFrame(String id, FrameUpload frame, RequestOptions options) {
        return transport.execute(endpoints.uploadFrame(id, frame), options);
    }

    public ApiResult<Frame> uploadFrame(String id, FrameUpload frame) {
        return uploadFrame(id, frame, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Frame>> uploadFrameAsync(String id, FrameUpload frame, RequestOptions options) {
        return transport.executeAsync(endpoints.uploadFrame(id, frame), options, r -> r);
    }

    public CompletableFuture<ApiResult<Frame>> uploadFrameAsync(String id, FrameUpload frame) {
        return uploadFrameAsync(id, frame, RequestOptions.NONE);
    }

    /** Reads one page of a session's frame metadata, in seq order [ext]. */
    public ApiResult<Page<Frame>> listFrames(String id, PageRequest page, RequestOptions options) {
        return transport.execute(endpoints.listFrames(id, page), options);
    }

    public ApiResult<Page<Frame>> listFrames(String id, PageRequest page) {
        return listFrames(id, page, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Page<Frame>>> listFramesAsync(String id, PageRequest page, RequestOptions options) {
        return transport.executeAsync(endpoints.listFrames(id, page), options, r -> r);
    }

    public CompletableFuture<ApiResult<Page<Frame>>> listFramesAsync(String id, PageRequest page) {
        return listFramesAsync(id, page, RequestOptions.NONE);
    }

    /** Downloads one frame image with its content type and ETag [ext]. */
    public ApiResult<FrameImage> getFrame(String id, long seq, RequestOptions options) {
        return transport.execute(endpoints.getFrame(id, seq), options);
    }

    public ApiResult<FrameImage> getFrame(String id, long seq) {
        return getFrame(id, seq, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<FrameImage>> getFrameAsync(String id, long seq, RequestOptions options) {
        return transport.executeAsync(endpoints.getFrame(id, seq), options, r -> r);
    }

    public CompletableFuture<ApiResult<FrameImage>> getFrameAsync(String id, long seq) {
        return getFrameAsync(id, seq, RequestOptions.NONE);
    }

    /** Appends 1–500 events while the session is recording; events already stored count as duplicates [ext]. */
    public ApiResult<AppendEventsResult> appendEvents(String id, List<EventInput> events, RequestOptions options) {
        return transport.execute(endpoints.appendEvents(id, events), options);
    }

    public ApiResult<AppendEventsResult> appendEvents(String id, List<EventInput> events) {
        return appendEvents(id, events, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<AppendEventsResult>> appendEventsAsync(String id, List<EventInput> events, RequestOptions options) {
        return transport.executeAsync(endpoints.appendEvents(id, events), options, r -> r);
    }

    public CompletableFuture<ApiResult<AppendEventsResult>> appendEventsAsync(String id, List<EventInput> events) {
        return appendEventsAsync(id, events, RequestOptions.NONE);
    }

    /** Reads one page of a session's events, by time [ext]. */
    public ApiResult<Page<Event>> listEvents(String id, EventQuery query, RequestOptions options) {
        return transport.execute(endpoints.listEvents(id, query), options);
    }

    public ApiResult<Page<Event>> listEvents(String id, EventQuery query) {
        return listEvents(id, query, RequestOptions.NONE);
    }

    public CompletableFuture<ApiResult<Page<Event>>> listEventsAsync(String id, EventQuery query, RequestOptions options) {
        return transport.executeAsync(endpoints.listEvents(id, query), options, r -> r);
    }

    public CompletableFuture<ApiResult<Page<Event>>> listEventsAsync(String id, EventQuery query) {
        return listEventsAsync(id, query, RequestOptions.NONE);
    }
}
