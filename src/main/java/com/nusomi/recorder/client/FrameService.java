package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.RedactionResult;
import com.nusomi.recorder.client.request.FrameRedaction;
import com.nusomi.recorder.client.request.FrameUpload;
import com.nusomi.recorder.client.request.PageRequest;

/**
 * The frames (screen images) of a session ({@code /v1/sessions/{id}/frames}) [ext]: upload one while recording,
 * list their metadata, download one, paint rectangles black on a range of them after the fact. Obtained from {@link SessionsClient#frames()}. Each operation returns an
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

    /**
     * Paints the redaction's rectangles opaque black on every frame of its range ({@code POST
     * .../frames:redact}), in any status of the session, sealed included. The server re-encodes each image (new
     * {@code sha256}, size and ETag) and erases the original bytes for good: no call returns them again. A second
     * identical call changes nothing. The audit log records {@code session.redacted} (without pixels).
     *
     * <pre>{@code
     * RedactionResult r = client.frames()
     *         .redact(id, FrameRedaction.of(3, 9, List.of(new FrameRedaction.Rect(40, 120, 600, 80))))
     *         .execute();
     * }</pre>
     *
     * A server without the extension answers 404, reported as not supported.
     */
    public ApiCall<RedactionResult> redact(String sessionId, FrameRedaction redaction) {
        return new ApiCall<>(transport, endpoints.redactFrames(sessionId, redaction));
    }
}
