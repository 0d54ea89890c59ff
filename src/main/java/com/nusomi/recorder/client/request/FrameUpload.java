package com.nusomi.recorder.client.request;

import java.time.Instant;
import java.util.Objects;

/** One frame image to upload: its sequence number, capture time, content type and bytes. */
public final class FrameUpload {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";

    private final long seq;
    private final Instant capturedAt;
    private final String contentType;
    private final byte[] bytes;

    private FrameUpload(long seq, Instant capturedAt, String contentType, byte[] bytes) {
        this.seq = seq;
        this.capturedAt = Objects.requireNonNull(capturedAt, "capturedAt");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    public static FrameUpload of(long seq, Instant capturedAt, String contentType, byte[] bytes) {
        return new FrameUpload(seq, capturedAt, contentType, bytes);
    }

    public static FrameUpload jpeg(long seq, Instant capturedAt, byte[] bytes) {
        return of(seq, capturedAt, JPEG, bytes);
    }

    public static FrameUpload png(long seq, Instant capturedAt, byte[] bytes) {
        return of(seq, capturedAt, PNG, bytes);
    }

    public long seq() {
        return seq;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The image size in bytes. */
    public int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "FrameUpload{seq=" + seq + ", capturedAt=" + capturedAt + ", contentType=" + contentType + ", "
                + bytes.length + " bytes}";
    }
}
