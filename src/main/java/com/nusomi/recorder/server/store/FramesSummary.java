package com.nusomi.recorder.server.store;

import java.util.List;

/** Aggregate of a session's frames, with up to 12 evenly spaced sequence numbers for a film strip. */
public record FramesSummary(
        long count, Long firstAt, Long lastAt, long totalBytes, Integer width, Integer height, List<Long> thumbnails) {

    public static FramesSummary empty() {
        return new FramesSummary(0, null, null, 0, null, null, List.of());
    }
}
