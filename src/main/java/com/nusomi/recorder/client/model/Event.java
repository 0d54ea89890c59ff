package com.nusomi.recorder.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/** Something that happened during a run (click, key, note, error...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Event(String id, String type, Instant at, Long offsetMs, Map<String, Object> data) {
    public Event {
        data = Copies.map(data);
    }
}
