package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answer of a frame redaction [ext]: how many frames the range held ({@code redacted}) and their metadata after
 * it (a painted frame has a new {@code sha256} and {@code bytes}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedactionResult(int redacted, List<Frame> frames) {
    public RedactionResult {
        frames = Copies.list(frames);
    }
}
