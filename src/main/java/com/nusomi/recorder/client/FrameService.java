package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;

/**
 * The frames (screen images) of a session ({@code /v1/sessions/{id}/frames}) [ext]: upload one while recording,
 * list their metadata, download one. Obtained from {@link SessionsClient#frames()}. Each operation returns an
 * {@link ApiCall} that nothing sends until it is executed; {@link #listAll} returns an auto-paging iterable.
 */
public final class FrameService {
    private final Transport transport;
    private final Endpoints endpoints;

    FrameService(Transport transport, Endpoints endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    /** Uploads one frame image while the session is recording ({@code POST .../frames}). */
    public ApiCall<Frame> upload(String sessionId, FrameUpload frame) {
        return new ApiCall<>(transport, endpoints.uploadFrame(sessionId, frame));
    }

    /** Reads one page of a session's frame metadata, in seq order ({@code GET .../frames}). */
    public ApiCall<Page<Frame>> list(String sessionId, PageRequest page) {
        return new ApiCall<>(transport, endpoints.listFrames(sessionId, page));
    }

    /** Reads the first page of a session's frame metadata, of the server's default size. */
    public ApiCall<Page<Frame>> list(String sessionId) {
        return list(sessionId, PageRequest.first());
    }

    /** Every frame's metadata of a session from the page's cursor on, in seq order, fetched lazily page by page. */
    public PagedIterable<Frame> listAll(String sessionId, PageRequest page) {
        return new PagedIterable<>(
                page.cursor(),
                cursor -> list(sessionId, page.withCursor(cursor)).execute());
    }

    /** Every frame's metadata of a session, in seq order, fetched lazily page by page. */
    public PagedIterable<Frame> listAll(String sessionId) {
        return listAll(sessionId, PageRequest.first());
    }

    /** Downloads one frame image with its content type and ETag ({@code GET .../frames/{seq}}). */
    public ApiCall<FrameImage> get(String sessionId, long seq) {
        return new ApiCall<>(transport, endpoints.getFrame(sessionId, seq));
    }
}
