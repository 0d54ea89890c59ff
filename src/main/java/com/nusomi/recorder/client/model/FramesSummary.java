package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** Summary of a session's frames, with up to 12 evenly spaced sequence numbers for a film strip. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FramesSummary(
        long count,
        Instant firstAt,
        Instant lastAt,
        long totalBytes,
        Integer width,
        Integer height,
        List<Long> thumbnails) {
    public FramesSummary {
        thumbnails = Copies.list(thumbnails);
    }
}
