package com.nusomi.recorder.server.store;

/** Metadata of one captured frame; the image itself lives in a file named by {@code sha256}. */
public record FrameRecord(
        String sessionId,
        long seq,
        long capturedAt,
        Long offsetMs,
        Integer width,
        Integer height,
        String contentType,
        long bytes,
        String sha256) {}
