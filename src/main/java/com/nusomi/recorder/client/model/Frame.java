package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Metadata of one stored screenshot; {@code bytes} is the image size. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Frame(
        long seq,
        Instant capturedAt,
        Long offsetMs,
        Integer width,
        Integer height,
        String contentType,
        long bytes,
        String sha256) {}
